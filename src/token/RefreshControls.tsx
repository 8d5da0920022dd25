import { useEffect } from 'react';
import { useAuth } from 'react-oidc-context';
import { describeRefreshError } from './describeRefreshError.ts';
import { isRefreshError } from './isRefreshError.ts';
import { useAutoRefresh, useAutoRefreshPreference } from './useAutoRefresh.ts';
import { useRefresh } from './useRefresh.ts';
import type { TokenSession } from './useTokenSession.ts';

interface RefreshControlsProps {
  session: TokenSession;
  hasRefreshToken: boolean;
  exp: number | undefined;
  iat: number | undefined;
  skewMs: number;
}

/** Refresh on demand, the auto-refresh toggle, and what went wrong when a refresh failed. */
export function RefreshControls({ session, hasRefreshToken, exp, iat, skewMs }: RefreshControlsProps) {
  const auth = useAuth();
  const refresh = useRefresh(auth, session);
  const [autoOn, setAutoOn] = useAutoRefreshPreference();
  const error = isRefreshError(auth.error) ? auth.error : undefined;
  const failure = error ? describeRefreshError(error) : null;
  const busy = auth.activeNavigator === 'signinSilent';
  const { record } = session;

  useEffect(() => {
    if (error)
      record({ type: 'refresh-failed', at: Date.now(), message: describeRefreshError(error).message });
  }, [error, record]);

  useAutoRefresh({
    enabled: autoOn && hasRefreshToken,
    exp,
    iat,
    skewMs,
    blocked: failure !== null,
    refresh,
  });

  return (
    <div className="refresh">
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !hasRefreshToken}
          onClick={() => void refresh('manual')}
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
      {failure && (
        <div
          className={failure.kind === 'session-ended' ? 'flag flag--error' : 'flag flag--warning'}
          role="alert"
        >
          <p>
            {failure.message} {failure.next}
          </p>
          {failure.kind === 'session-ended' && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => void auth.signinRedirect()}
            >
              Sign in again
            </button>
          )}
        </div>
      )}
    </div>
  );
}
