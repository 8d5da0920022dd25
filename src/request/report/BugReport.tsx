import { useState } from 'react';
import './report.css';
import { CodeBlock } from '../../ui/CodeBlock.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { DEFAULT_CHOICES, type ReportChoices, type ReportWriter } from './bugReport.ts';

interface BugReportProps {
  /**
   * Builds the report when asked (a click), so nothing is computed for answers nobody reports: the
   * Markdown, or a writer that takes the user's Expected and whether to include name and e-mail.
   */
  make: () => Promise<string | ReportWriter>;
  /** What the report is of, for the button and the region ("this response", "the matrix"). */
  of: string;
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'ready'; made: string | ReportWriter }
  | { kind: 'failed'; message: string };

/** "Bug report": Markdown for a ticket, shown to read (and complete) before it is copied. */
export function BugReport({ make, of }: BugReportProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [choices, setChoices] = useState<ReportChoices>(DEFAULT_CHOICES);
  const open = async () => {
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'ready', made: await make() });
    } catch (cause) {
      setState({
        kind: 'failed',
        message: `The report could not be written (${cause instanceof Error ? cause.message : String(cause)}). Send the request again, then retry.`,
      });
    }
  };
  const made = state.kind === 'ready' ? state.made : null;
  const text = made === null ? '' : typeof made === 'string' ? made : made(choices);
  return (
    <div className="rq-report">
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
        {made !== null && (
          <>
            <CopyButton label="Copy report (Markdown)" getText={() => text} />
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
      {typeof made === 'function' && (
        <div className="rq-report__choices">
          <label className="rq-report__expected">
            <span className="small">Expected</span>
            <textarea
              className="input"
              rows={2}
              placeholder="What should have happened? e.g. 200 with the list of patients"
              value={choices.expected}
              onChange={(event) => setChoices({ ...choices, expected: event.target.value })}
            />
          </label>
          <label className="small">
            <input
              type="checkbox"
              checked={choices.includePersonal}
              onChange={(event) => setChoices({ ...choices, includePersonal: event.target.checked })}
            />{' '}
            Include name and e-mail
          </label>
        </div>
      )}
      {made !== null && (
        <>
          <p className="small muted">
            No token in it: the bearer is a fingerprint, the claims are decoded, curl uses $TOKEN.
            {typeof made === 'function' && !choices.includePersonal && ' Name and e-mail are left out.'}
          </p>
          <CodeBlock label="Bug report" className="rq-report__text" testId="bug-report">
            {text}
          </CodeBlock>
        </>
      )}
    </div>
  );
}
