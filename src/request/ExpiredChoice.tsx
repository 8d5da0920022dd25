import type { ReactNode } from 'react';
import { formatRelative } from '../shared/token/formatDuration.ts';
import { latestExpired, type SessionTokens } from '../shared/token/sessionTokens.ts';
import { serverNowSeconds } from '../shared/token/tokenTime.ts';
import { useNow } from '../shared/useNow.ts';
import { noExpiredToken } from './chooseToken.ts';

/** The armed "send when it expires", owned by the pane (useSendAtExpiry). */
export interface SendAtExpiry {
  /** Local time (ms) the send is armed for, or null. */
  armedAt: number | null;
  arm(atMs: number): void;
  disarm(): void;
}

interface ExpiredChoiceProps {
  tokens: SessionTokens;
  /** The radio button, disabled with a reason while no token has expired. */
  radio: (reason?: string) => ReactNode;
  sendAtExpiry: SendAtExpiry;
  now?: (() => number) | undefined;
}

const clockTime = (ms: number) => new Date(ms).toLocaleTimeString();

/**
 * The "Expired token" choice: this tab's latest truly expired token (by the server's clock), or,
 * while none has expired, when one will and an offer to send the moment it does. A leaf on the
 * app's clock, so it turns available the second the current token expires.
 */
export function ExpiredChoice({ tokens, radio, sendAtExpiry, now }: ExpiredChoiceProps) {
  const nowMs = useNow(1000, now);
  const { skewMs } = tokens.clock;
  const serverNow = serverNowSeconds(nowMs, skewMs);
  const expired = latestExpired(tokens, serverNow);
  const { exp } = tokens.access;
  // One second past exp, so that by the server's clock it has expired when it leaves.
  const fireAt = exp === undefined ? undefined : (exp + 1) * 1000 - skewMs;
  const { armedAt } = sendAtExpiry;
  return (
    <li>
      {radio(expired ? undefined : 'none has expired yet')}
      {expired ? (
        <span className="small muted">
          {' '}
          — {expired === tokens.access ? 'the current one' : 'an earlier one of this tab'}, expired{' '}
          {formatRelative(expired.exp ?? 0, serverNow)}
        </span>
      ) : (
        <span className="small muted"> — {noExpiredToken(tokens, serverNow)}. </span>
      )}
      {armedAt !== null ? (
        <span className="rq-armed" role="status">
          Sends with the expired token at {clockTime(armedAt)} ({formatRelative(armedAt / 1000, nowMs / 1000)}
          ).{' '}
          <button type="button" className="button button--quiet small" onClick={sendAtExpiry.disarm}>
            Cancel
          </button>
        </span>
      ) : (
        !expired &&
        fireAt !== undefined && (
          <button type="button" className="button small" onClick={() => sendAtExpiry.arm(fireAt)}>
            Send when it expires
          </button>
        )
      )}
    </li>
  );
}
