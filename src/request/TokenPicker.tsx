import { useId } from 'react';
import type { SessionTokens } from '../shared/token/sessionTokens.ts';
import { TOKEN_CHOICES, type TokenChoice } from './chooseToken.ts';
import type { DraftAction, RequestDraft } from './draftReducer.ts';
import { ExpiredChoice, type SendAtExpiry } from './ExpiredChoice.tsx';

interface TokenPickerProps {
  draft: RequestDraft;
  dispatch: (action: DraftAction) => void;
  tokens: SessionTokens;
  sendAtExpiry: SendAtExpiry;
  /** Injected clock (tests); stable reference. */
  now?: (() => number) | undefined;
}

const HINTS: Partial<Record<TokenChoice, string>> = {
  tampered: 'same claims, signature changed',
  id: 'to check the API refuses it',
};

/** Which token goes into Authorization: the right one, or one the API must refuse. */
export function TokenPicker({ draft, dispatch, tokens, sendAtExpiry, now }: TokenPickerProps) {
  const name = useId();
  const radio = (choice: TokenChoice, label: string, reason?: string) => (
    <label className={reason ? 'rq-choice rq-choice--off' : 'rq-choice'}>
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
      <ul className="rq-choices">
        {TOKEN_CHOICES.map(({ choice, label }) => {
          if (choice === 'expired') {
            return (
              <ExpiredChoice
                key={choice}
                tokens={tokens}
                radio={(reason) => radio(choice, label, reason)}
                sendAtExpiry={sendAtExpiry}
                now={now}
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
            className="rq-pasted"
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
