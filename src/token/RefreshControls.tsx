import { useEffect, useMemo, useState } from 'react';
import { useAuth } from 'react-oidc-context';
import { useServerTime } from '../shared/serverTime.tsx';
import type { TokenReading } from '../shared/token/readToken.ts';
import { tokenKey } from '../shared/token/serverClock.ts';
import { Callout } from '../ui/Callout.tsx';
import type { RefreshFailure } from './session/refreshFailure.ts';
import { refreshNotes } from './session/refreshNotes.ts';
import { useAutoRefresh, useAutoRefreshPreference } from './session/useAutoRefresh.ts';
import type { LastRefresh } from './session/useLastRefresh.ts';
import type { RefreshOutcome } from './session/useRefresh.ts';
import type { TokenSession } from './session/useTokenSession.ts';

interface RefreshControlsProps {
  session: TokenSession;
  hasRefreshToken: boolean;
  access: TokenReading;
  refresh: (trigger: 'manual' | 'auto') => Promise<RefreshOutcome>;
  /** Why the last refresh failed, as the token model explained it; null since a new token came. */
  failure: RefreshFailure | null;
  /** The session ended (explained above the panel): Refresh stays off, nothing is retried. */
  ended?: boolean;
  /** What the last refresh held and left besides the access token (refresh token, scope). */
  lastRefresh?: LastRefresh | null;
}

/** Refresh on demand, the auto-refresh toggle, and what the last refresh did or why it failed. */
export function RefreshControls({
  session,
  hasRefreshToken,
  access,
  refresh,
  failure,
  ended = false,
  lastRefresh = null,
}: RefreshControlsProps) {
  const auth = useAuth();
  const { clock } = useServerTime();
  const [autoOn, setAutoOn] = useAutoRefreshPreference();
  // The outcome of the last click, for the token it was about (a new token makes it old news).
  const [clicked, setClicked] = useState<{ token: string; outcome: RefreshOutcome } | null>(null);
  const busy = auth.activeNavigator === 'signinSilent';
  const { record } = session;
  const notes = useMemo(
    () => (lastRefresh ? refreshNotes(lastRefresh.before, lastRefresh.after, lastRefresh.presentedKept) : []),
    [lastRefresh],
  );
  useEffect(() => {
    for (const note of notes) record({ type: 'refresh-note', at: Date.now(), message: note.title });
  }, [notes, record]);

  useAutoRefresh({ enabled: autoOn && hasRefreshToken, access, clock, blocked: failure !== null, refresh });

  const refreshNow = async () => {
    const token = tokenKey(access);
    const outcome = await refresh('manual');
    setClicked({ token, outcome });
  };

  return (
    <div className="tk-refresh">
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !hasRefreshToken || ended}
          onClick={() => void refreshNow()}
        >
          {busy ? 'Refreshing…' : 'Refresh'}
        </button>
        <label className="tk-refresh__toggle">
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
      {ended ? (
        <p className="small muted">Refresh is off: this session ended (see above).</p>
      ) : (
        !hasRefreshToken && (
          <p className="small muted">
            This tab holds no refresh token: sign in again for a new access token.
          </p>
        )
      )}
      {notes.map((note) => (
        <Callout key={note.kind} explanation={note} role="status" testId={note.kind} />
      ))}
      {clicked?.outcome === 'unchanged' && clicked.token === tokenKey(access) && !failure && (
        <Callout
          role="status"
          testId="refresh-unchanged"
          explanation={{
            kind: 'refresh-unchanged',
            tone: 'warn',
            title: 'The realm answered the refresh with the same access token: nothing changed',
            detail: "The countdown goes on. A gateway may be caching the token endpoint's answers.",
            next: 'Refresh again in a moment; if it keeps happening, ask whoever runs the gateway in front of the realm.',
          }}
        />
      )}
      {failure && !ended && <Callout explanation={failure} role="alert" testId="refresh-failure" />}
    </div>
  );
}
