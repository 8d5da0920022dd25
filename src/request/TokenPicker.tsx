import { useId } from 'react';
import { NO_PREVIOUS_TOKEN, type PaneTokens, TOKEN_CHOICES, type TokenChoice } from './chooseToken.ts';
import type { DraftAction, RequestDraft } from './draftReducer.ts';

interface TokenPickerProps {
  draft: RequestDraft;
  dispatch: (action: DraftAction) => void;
  tokens: PaneTokens;
}

const unavailable = (choice: TokenChoice, tokens: PaneTokens): string | undefined => {
  if (choice === 'expired' && !tokens.previousAccess) return NO_PREVIOUS_TOKEN;
  if (choice === 'id' && !tokens.id) return 'No ID token in this session';
  return undefined;
};

const HINTS: Partial<Record<TokenChoice, string>> = {
  tampered: 'same claims, signature changed',
  id: 'to check the API refuses it',
};

/** Which token goes into Authorization: the right one, or one the API must refuse. */
export function TokenPicker({ draft, dispatch, tokens }: TokenPickerProps) {
  const name = useId();
  return (
    <fieldset className="rq-fieldset">
      <legend>Token to send</legend>
      <ul className="rq-choices">
        {TOKEN_CHOICES.map(({ choice, label }) => {
          const reason = unavailable(choice, tokens);
          return (
            <li key={choice}>
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
              {(reason ?? HINTS[choice]) && <span className="small muted"> — {reason ?? HINTS[choice]}</span>}
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
