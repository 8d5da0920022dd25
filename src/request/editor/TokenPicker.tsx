import { type ReactNode, useId } from 'react';
import { localClock } from '../../shared/format.ts';
import { useServerNow, useServerTime } from '../../shared/serverTime.tsx';
import { formatRelative } from '../../shared/token/formatDuration.ts';
import { latestExpired, noExpiredToken, type SessionTokens } from '../../shared/token/sessionTokens.ts';
import { type DraftAction, type RequestDraft, TOKEN_CHOICES, type TokenChoice } from './draft.ts';
import { pastExpiryAt, pastExpiryWhy } from './pastExpiry.ts';

/** The armed "send when it expires", owned by the pane (useRequestPane). */
export interface SendAtExpiry {
  /** Local time (ms) the send is armed for, or null. */
  armedAt: number | null;
  arm(atMs: number): void;
  disarm(): void;
  /** The API's clock leeway (api.clockLeewaySeconds): the send waits past it. */
  leewaySeconds: number;
}

interface TokenPickerProps {
  draft: RequestDraft;
  dispatch: (action: DraftAction) => void;
  tokens: SessionTokens;
  sendAtExpiry: SendAtExpiry;
}

const HINTS: Partial<Record<TokenChoice, string>> = {
  tampered: 'same claims, signature changed',
  id: 'to check the API refuses it',
};

/** Which token goes into Authorization: the right one, or one the API must refuse. */
export function TokenPicker({ draft, dispatch, tokens, sendAtExpiry }: TokenPickerProps) {
  const name = useId();
  const radio = (choice: TokenChoice, label: string, reason?: string) => (
    <label className={reason ? 'muted' : undefined}>
      <input
        type="radio"
        name={name}
        value={choice}
        checked={draft.tokenChoice === choice}
        disabled={reason !== undefined}
        onChange={() => dispatch({ type: 'token', choice })}
      />{' '}
      {label}
    </label>
  );
  return (
    <fieldset className="rq-fieldset">
      <legend>Token to send</legend>
      <ul className="rq-fieldset__list">
        {TOKEN_CHOICES.map(({ choice, label }) => {
          if (choice === 'expired') {
            return (
              <ExpiredChoice
                key={choice}
                tokens={tokens}
                radio={(reason) => radio(choice, label, reason)}
                sendAtExpiry={sendAtExpiry}
              />
            );
          }
          const reason = choice === 'id' && !tokens.id ? 'No ID token in this session' : undefined;
          const hint = reason ?? HINTS[choice];
          return (
            <li key={choice}>
              {radio(choice, label, reason)}
              {hint && <span className="small muted"> — {hint}</span>}
            </li>
          );
        })}
      </ul>
      {draft.tokenChoice === 'pasted' && (
        <label className="rq-field">
          <span className="small muted">Token to paste (kept in this page’s memory only)</span>
          <textarea
            className="input input--code rq-editor__area"
            rows={3}
            value={draft.pasted}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => dispatch({ type: 'pasted', pasted: e.target.value })}
          />
        </label>
      )}
    </fieldset>
  );
}

interface ExpiredChoiceProps {
  tokens: SessionTokens;
  /** The radio button, disabled with a reason while no token has expired. */
  radio: (reason?: string) => ReactNode;
  sendAtExpiry: SendAtExpiry;
}

const clockTime = localClock;

/**
 * The "Expired token" choice: this tab's latest truly expired token (by the server's clock), or,
 * while none has expired, when one will and an offer to send the moment it does. A leaf on the
 * app's clock, so it turns available the second the current token expires.
 */
function ExpiredChoice({ tokens, radio, sendAtExpiry }: ExpiredChoiceProps) {
  const { nowMs, serverNow } = useServerNow();
  const { skewMs } = useServerTime().clock;
  const expired = latestExpired(tokens, serverNow);
  const { exp } = tokens.access;
  // Past exp and the API's leeway, in local time: a token inside the leeway is still accepted.
  const { armedAt, leewaySeconds } = sendAtExpiry;
  const fireAt = exp === undefined ? undefined : pastExpiryAt(exp, leewaySeconds, skewMs);
  const why = pastExpiryWhy(leewaySeconds);
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
        <span className="rq-editor__armed text-warn" role="status">
          Sends with the expired token at {clockTime(armedAt)} ({formatRelative(armedAt / 1000, nowMs / 1000)}
          ), {why}.{' '}
          <button type="button" className="button button--quiet small" onClick={sendAtExpiry.disarm}>
            Cancel
          </button>
        </span>
      ) : (
        !expired &&
        fireAt !== undefined && (
          <button
            type="button"
            className="button small"
            title={`Sends ${why}`}
            onClick={() => sendAtExpiry.arm(fireAt)}
          >
            Send when it expires
          </button>
        )
      )}
    </li>
  );
}
