import { useState } from 'react';
import type { TokenReading } from '../../shared/token/readToken.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { RawToken } from './RawToken.tsx';

const WARNING =
  'The refresh token gets new access tokens for your whole session. Anyone who has it can act as you until the session ends.';

/** Masked by default; revealing or copying it needs an explicit confirmation. */
export function RefreshTokenView({ token }: { token: TokenReading }) {
  const [revealed, setRevealed] = useState(false);
  const [asking, setAsking] = useState(false);
  return (
    <div>
      <p className="muted small">{WARNING}</p>
      <div className="actions">
        {revealed ? (
          <button type="button" className="button" onClick={() => setRevealed(false)}>
            Hide refresh token
          </button>
        ) : asking ? (
          <fieldset className="callout tone-warn tk-confirm">
            <legend className="sr-only">Confirm reveal</legend>
            Show the refresh token on screen?
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                setRevealed(true);
                setAsking(false);
              }}
            >
              Yes, reveal
            </button>
            <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </fieldset>
        ) : (
          <button type="button" className="button" onClick={() => setAsking(true)}>
            Reveal refresh token
          </button>
        )}
        <CopyButton
          label="Copy refresh token"
          getText={() => token.raw}
          confirm={`${WARNING}\n\nCopy it anyway?`}
          secret
        />
      </div>
      {revealed ? (
        <RawToken token={token} label="Refresh token" revealed />
      ) : (
        <p className="code-block tk-raw muted" data-testid="refresh-masked">
          {'•'.repeat(24)} ({token.raw.length} characters, {token.decoded.ok ? 'a JWT' : 'opaque'})
        </p>
      )}
    </div>
  );
}
