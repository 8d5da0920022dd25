import { useState } from 'react';
import type { OutgoingRequest } from '../../shared/bearer/send.ts';
import { CodeBlock } from '../../ui/CodeBlock.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { type CodeSample, toCode } from './toCode.ts';
import './code.css';

type State =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'ready'; request: OutgoingRequest; samples: CodeSample[] }
  | { kind: 'failed'; message: string };

/**
 * "Code in other languages": the request as JavaScript, Python and Java. The generator loads the
 * first time the section opens, and the code is written for the request as it is at that moment.
 */
export function CodePanel({ request }: { request: OutgoingRequest }) {
  const [state, setState] = useState<State>({ kind: 'closed' });
  const [chosen, setChosen] = useState<CodeSample['language']>('javascript');
  const load = async () => {
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'ready', request, samples: await toCode(request) });
    } catch (cause) {
      setState({
        kind: 'failed',
        message: `The code generator could not be loaded (${cause instanceof Error ? cause.message : String(cause)}). Check the network and open the section again.`,
      });
    }
  };
  const stale = state.kind === 'ready' && state.request !== request;
  const sample = state.kind === 'ready' ? state.samples.find((s) => s.language === chosen) : undefined;
  return (
    <details
      className="rq-code"
      onToggle={(event) => {
        if (event.currentTarget.open && (state.kind === 'closed' || state.kind === 'failed' || stale))
          void load();
      }}
    >
      <summary className="small">Code in other languages (JavaScript, Python, Java)</summary>
      {state.kind === 'loading' && (
        <p className="small muted" role="status">
          Loading the code generator…
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="small text-bad" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'ready' && (
        <>
          <div className="actions">
            {state.samples.map((s) => (
              <button
                key={s.language}
                type="button"
                className="button button--quiet small"
                aria-pressed={s.language === chosen}
                onClick={() => setChosen(s.language)}
              >
                {s.title}
              </button>
            ))}
            {stale && (
              <button type="button" className="button small" onClick={() => void load()}>
                Update to the edited request
              </button>
            )}
          </div>
          {sample && (
            <>
              <CodeBlock label={`${sample.title} snippet`} className="rq-code__code">
                {sample.code}
              </CodeBlock>
              <div className="actions">
                <CopyButton label={`Copy ${sample.title}`} getText={() => sample.code} />
                <span className="small muted">Set TOKEN in the environment first (export TOKEN='…').</span>
              </div>
            </>
          )}
        </>
      )}
    </details>
  );
}
