import { useState } from 'react';
import './report.css';
import { CodeBlock } from '../ui/CodeBlock.tsx';
import { CopyButton } from '../ui/CopyButton.tsx';

interface BugReportProps {
  /** Builds the Markdown when asked (a click), so nothing is computed for answers nobody reports. */
  make: () => Promise<string>;
  /** What the report is of, for the button and the region ("this response", "the matrix"). */
  of: string;
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'ready'; text: string }
  | { kind: 'failed'; message: string };

/** "Bug report": Markdown for a ticket, shown to read before it is copied. */
export function BugReport({ make, of }: BugReportProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const open = async () => {
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'ready', text: await make() });
    } catch (cause) {
      setState({
        kind: 'failed',
        message: `The report could not be written (${cause instanceof Error ? cause.message : String(cause)}). Send the request again, then retry.`,
      });
    }
  };
  return (
    <div className="rp-report">
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={state.kind === 'busy'}
          onClick={() => void open()}
          aria-expanded={state.kind === 'ready'}
        >
          {state.kind === 'busy' ? 'Writing the report…' : `Bug report of ${of}`}
        </button>
        {state.kind === 'ready' && (
          <>
            <CopyButton label="Copy report (Markdown)" getText={() => state.text} />
            <button type="button" className="button button--quiet" onClick={() => setState({ kind: 'idle' })}>
              Close report
            </button>
          </>
        )}
      </div>
      {state.kind === 'failed' && (
        <p className="small text-bad" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'ready' && (
        <>
          <p className="small muted">
            No token in it: the bearer is a fingerprint, the claims are decoded, curl uses $TOKEN.
          </p>
          <CodeBlock label="Bug report" className="rp-report__text" testId="bug-report">
            {state.text}
          </CodeBlock>
        </>
      )}
    </div>
  );
}
