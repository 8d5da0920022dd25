import type { Problem } from './prepareSend.ts';

interface ProblemBoxProps {
  problem: Problem;
  onSendAnyway: () => void;
  onDismiss: () => void;
}

/** Why the request did not leave, what to do, and for invalid JSON a way to send it on purpose. */
export function ProblemBox({ problem, onSendAnyway, onDismiss }: ProblemBoxProps) {
  return (
    <div role="alert" className="rq-problem">
      <p>
        <strong>Not sent: </strong>
        {problem.message}
      </p>
      <p className="small">{problem.next}</p>
      <div className="actions">
        {problem.kind === 'json' && (
          <button type="button" className="button" onClick={onSendAnyway}>
            Send as text anyway
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
