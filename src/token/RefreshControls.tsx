import { useState } from 'react';
import { useAuth } from 'react-oidc-context';
import type { TokenReading } from '../shared/token/readToken.ts';
import { tokenKey } from '../shared/token/serverClock.ts';
import { describeRefreshError } from './describeRefreshError.ts';
import { isRefreshError } from './isRefreshError.ts';
import { useAutoRefresh, useAutoRefreshPreference } from './useAutoRefresh.ts';
import { type RefreshOutcome, useRefresh } from './useRefresh.ts';
import type { TokenSession } from './useTokenSession.ts';

interface RefreshControlsProps {
  session: TokenSession;
  hasRefreshToken: boolean;
  access: TokenReading;
  skewMs: number;
}

/** Refresh on demand, the auto-refresh toggle, and what the last refresh did or why it failed. */
export function RefreshControls({ session, hasRefreshToken, access, skewMs }: RefreshControlsProps) {
  const auth = useAuth();
  const refresh = useRefresh(auth, session);
  const [autoOn, setAutoOn] = useAutoRefreshPreference();
  // The outcome of the last click, for the token it was about (a new token makes it old news).
  const [clicked, setClicked] = useState<{ token: string; outcome: RefreshOutcome } | null>(null);
  const error = isRefreshError(auth.error) ? auth.error : undefined;
  const failure = error ? describeRefreshError(error) : null;
  const busy = auth.activeNavigator === 'signinSilent';
  const { record } = session;

  useAutoRefresh({ enabled: autoOn && hasRefreshToken, access, skewMs, blocked: failure !== null, refresh });

  const refreshNow = async () => {
    const token = tokenKey(access);
    const outcome = await refresh('manual');
    setClicked({ token, outcome });
  };

  return (
    <div className="refresh">
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !hasRefreshToken}
          onClick={() => void refreshNow()}
        >
          {busy ? 'Refreshing…' : 'Refresh'}
        </button>
        <label className="toggle">
          <input
            type="checkbox"
            checked={autoOn}
            onChange={(event) => {
              setAutoOn(event.target.checked);
              record({ type: 'auto-refresh', at: Date.now(), on: event.target.checked });
            }}
          />
          Auto-refresh before expiry
        </label>
      </div>
      {!hasRefreshToken && (
        <p className="small muted">
          The realm issued no refresh token: sign in again for a new access token.
        </p>
      )}
      {clicked?.outcome === 'unchanged' && clicked.token === tokenKey(access) && !failure && (
        <p className="flag flag--warning" role="status" data-testid="refresh-unchanged">
          The realm answered the refresh with the same access token: nothing changed, and the countdown goes
          on. A gateway may be caching the token endpoint's answers.
        </p>
      )}
      {failure && (
        <div className="flag flag--warning" role="alert">
          <p>
            {failure.message} {failure.next}
          </p>
        </div>
      )}
    </div>
  );
}
