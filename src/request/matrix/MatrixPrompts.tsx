import { useEffect, useRef } from 'react';
import { localClock } from '../../shared/format.ts';
import { useServerTime } from '../../shared/serverTime.tsx';
import { pastExpiryAt, pastExpiryWhy } from '../editor/pastExpiry.ts';
import { ExpiresIn } from './ExpiresIn.tsx';
import type { useMatrix, WriteQuestion } from './useMatrix.ts';

/** Before a run writes on a shared environment: what, where and how many times; one click each way. */
export function WriteConfirm({
  question,
  onAnswer,
}: {
  question: WriteQuestion;
  onAnswer: (answer: 'write' | 'without' | 'cancel') => void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const names = question.requests.map((r) => `${r.label} (${r.draft.method})`).join(', ');
  return (
    <div role="alertdialog" aria-labelledby="rq-mx-write-title" className="callout tone-warn">
      <p id="rq-mx-write-title" className="callout__title">
        This run writes data on {question.environment}
      </p>
      <p>
        {names} {question.requests.length === 1 ? 'is' : 'are'} sent {question.sends} time
        {question.sends === 1 ? '' : 's'} in all, once per column: each may create, change or delete data on{' '}
        {question.environment}, which others use too.
      </p>
      <div className="actions">
        <button
          ref={first}
          type="button"
          className="button button--primary"
          onClick={() => onAnswer('without')}
        >
          Run without them
        </button>
        <button type="button" className="button button--danger" onClick={() => onAnswer('write')}>
          Run, writing on {question.environment}
        </button>
        <button type="button" className="button button--quiet" onClick={() => onAnswer('cancel')}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/**
 * The Expired column before any token of the tab has expired: its cells count down live, and the
 * grid can fill them in itself once the current token is past the API's leeway.
 */
export function FillExpired({
  matrix,
  leewaySeconds,
}: {
  matrix: ReturnType<typeof useMatrix>;
  leewaySeconds: number;
}) {
  const { clock } = useServerTime();
  const waiting = matrix.run?.cells.find((cell) => cell.expiresAt !== undefined)?.expiresAt;
  if (waiting === undefined) return null;
  const at = pastExpiryAt(waiting, leewaySeconds, clock.skewMs);
  if (matrix.fillAt !== null) {
    return (
      <p className="small text-warn" role="status">
        Fills in the Expired column at {localClock(matrix.fillAt)}, {pastExpiryWhy(leewaySeconds)}.{' '}
        <button type="button" className="button button--quiet small" onClick={() => matrix.armFill(null)}>
          Cancel
        </button>
      </p>
    );
  }
  return (
    <p className="small">
      No token of this tab has expired yet: the current one <ExpiresIn exp={waiting} />.{' '}
      <button
        type="button"
        className="button small"
        disabled={matrix.running}
        onClick={() => matrix.armFill(at)}
      >
        Fill in the Expired column when it expires
      </button>
    </p>
  );
}
