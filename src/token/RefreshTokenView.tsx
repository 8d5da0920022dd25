import { useState } from 'react';
import type { DecodedToken } from '../shared/token/decodeToken.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import { RawToken } from './RawToken.tsx';

interface RefreshTokenViewProps {
  token: string;
  decoded: DecodedToken;
}

const WARNING =
  'The refresh token gets new access tokens for your whole session. Anyone who has it can act as you until the session ends.';

/** Masked by default; revealing or copying it needs an explicit confirmation. */
export function RefreshTokenView({ token, decoded }: RefreshTokenViewProps) {
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
          <fieldset className="confirm">
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
          getText={() => token}
          confirm={`${WARNING}\n\nCopy it anyway?`}
        />
      </div>
      {revealed ? (
        <RawToken token={token} label="Refresh token" />
      ) : (
        <p className="code-block raw-token raw-token--masked" data-testid="refresh-masked">
          {'•'.repeat(24)} ({token.length} characters, {decoded.ok ? 'a JWT' : 'opaque'})
        </p>
      )}
    </div>
  );
}
