import { useEffect, useRef } from 'react';
import type { Ask } from '../outgoing/prepareRequest.ts';
import type { Decision } from './sendPipeline.ts';

interface ConfirmPanelProps {
  ask: Ask;
  onAnswer: (decision: Decision) => void;
}

const titleOf = (ask: Ask) =>
  ask.kind === 'origin'
    ? `Send your token to ${ask.origin}?`
    : ask.production
      ? 'Change production data?'
      : `Write data on ${ask.environment}?`;

/** An inline confirmation (not window.confirm): it names what is at stake and waits for a click. */
export function ConfirmPanel({ ask, onAnswer }: ConfirmPanelProps) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const yes =
    ask.kind === 'origin'
      ? `Send the token to ${ask.origin}`
      : ask.production
        ? 'Send to production'
        : `Send to ${ask.environment}`;
  return (
    <div
      role="alertdialog"
      aria-labelledby="rq-confirm-title"
      aria-describedby="rq-confirm-text"
      className="callout tone-warn"
    >
      <p id="rq-confirm-title" className="callout__title">
        {titleOf(ask)}
      </p>
      <p id="rq-confirm-text">{ask.message}</p>
      <div className="actions">
        {ask.kind === 'origin' && (
          <button
            ref={first}
            type="button"
            className="button button--primary"
            onClick={() => onAnswer('without-token')}
          >
            Send without the token
          </button>
        )}
        <button
          ref={ask.kind === 'origin' ? undefined : first}
          type="button"
          className="button button--danger"
          onClick={() => onAnswer('yes')}
        >
          {yes}
        </button>
        <button type="button" className="button button--quiet" onClick={() => onAnswer('no')}>
          Cancel
        </button>
      </div>
      {ask.kind === 'origin' && <p className="small muted">Asked once per origin for this browser tab.</p>}
    </div>
  );
}
