import { useEffect, useMemo } from 'react';
import type { AuthContextProps } from 'react-oidc-context';
import type { EnvironmentConfig } from '../../config/types.ts';
import { isRefreshError, refreshEnding } from '../../shared/refreshEnding.ts';
import type { IdentitySignIn, TabSession } from '../../shared/token/identity.ts';
import { readToken } from '../../shared/token/readToken.ts';
import { type ServerClock, serverClock, UNMEASURED } from '../../shared/token/serverClock.ts';
import type { SessionTokens } from '../../shared/token/sessionTokens.ts';
import { runAfter } from '../../shared/useNow.ts';
import type { SessionReplaced } from './realmSession.ts';
import { keptRefreshToken } from './refreshAnswer.ts';
import type { AccessInHand } from './refreshFailure.ts';
import type { RefreshTrigger } from './sessionEvents.ts';
import { type LastRefresh, useLastRefresh } from './useLastRefresh.ts';
import { type RefreshOutcome, useRefresh } from './useRefresh.ts';
import { useRenewStaleToken } from './useRenewStaleToken.ts';
import { useTabRealmSession } from './useTabRealmSession.ts';
import { useTokenReceipt } from './useTokenReceipt.ts';
import { type TokenSession, useTokenSession } from './useTokenSession.ts';

export interface TokenModel {
  session: TokenSession;
  /** The session's tokens, each read once per token; null while signed out. */
  tokens: SessionTokens | null;
  /** The server's clock, measured from the access token when it arrived (unmeasured while signed out). */
  clock: ServerClock;
  /** The refresh_token grant, one at a time for the realm (the Refresh button and every renewal). */
  refresh: (trigger: RefreshTrigger) => Promise<RefreshOutcome>;
  /** The last refresh's failure, as react-oidc-context reported it, while no new token has come since. */
  refreshError: unknown;
  /** The session is over (the realm refused the refresh token, or answered for someone else). */
  ended: boolean;
  /** The identity sign-in that had ended the tab's realm session when the refresh failed, if one had. */
  replaced: SessionReplaced | undefined;
  /** The tab's session as the identities panel warns about it (shown only while signed in). */
  tabSession: TabSession;
  /** Writes an identity's sign-in into the timeline, saying whether it ended the tab's realm session. */
  recordIdentitySignIn: (signIn: IdentitySignIn) => void;
  /** The access token in hand: when it expires, for what a failed refresh leaves (refreshFailure). */
  inHand: AccessInHand | undefined;
  /** What the last refresh held and left, besides the access token (refresh token, scope). */
  lastRefresh: LastRefresh | null;
}

/**
 * The token side of the shell, in one hook: each token read once when it arrives, the session
 * timeline, the server's clock measured from the access token, the "expired" event at the
 * server's `exp`, and fresh tokens without asking (useRenewStaleToken).
 */
export function useTokenModel(
  auth: AuthContextProps,
  environment: EnvironmentConfig,
  cameFromCallback: boolean,
): TokenModel {
  const { user } = auth;
  const accessToken = user?.access_token;
  const idToken = user?.id_token;
  const access = useMemo(() => (accessToken ? readToken(accessToken) : null), [accessToken]);
  const id = useMemo(() => (idToken ? readToken(idToken) : undefined), [idToken]);
  const loading = auth.isLoading && !user;
  const who = String(user?.profile.preferred_username ?? user?.profile.sub ?? '');
  const session = useTokenSession(loading ? undefined : access, who, cameFromCallback);
  const receipt = useTokenReceipt(auth.events, access, `abrumet.receipt.${environment.id}`);
  const { earlier, record } = session;
  const tokens = useMemo(() => (access ? { access, id, earlier } : null), [access, id, earlier]);
  const clock = useMemo(() => (access ? serverClock(access, receipt) : UNMEASURED), [access, receipt]);

  const exp = access?.exp;
  useEffect(() => {
    if (exp === undefined) return;
    return runAfter(exp * 1000 - clock.skewMs - Date.now(), () =>
      record({ type: 'expired', at: Date.now(), exp }),
    );
  }, [exp, clock, record]);

  const lastRefresh = useLastRefresh(user);
  // Case 31: a refresh token kept from an answer that held none may be why the next refresh fails.
  const refreshTokenKept = lastRefresh !== null && keptRefreshToken(lastRefresh.before, lastRefresh.after);
  const inHand =
    exp === undefined
      ? undefined
      : {
          expiresAt: new Date(exp * 1000 - clock.skewMs),
          expired: exp * 1000 - clock.skewMs <= Date.now(),
          refreshTokenKept,
        };
  // Explained by the token view (refreshFailure), which loads with it.
  const refreshError = isRefreshError(auth.error) ? auth.error : null;
  const refresh = useRefresh(auth, session, access);
  useRenewStaleToken({
    access,
    clock,
    hasRefreshToken: Boolean(user?.refresh_token),
    blocked: refreshError !== null,
    refresh,
  });
  const ended = refreshError !== null && refreshEnding(refreshError) !== null;
  const { replaced, tabSession, recordIdentitySignIn } = useTabRealmSession(
    session,
    user,
    access,
    refreshError,
    ended,
  );
  return {
    session,
    tokens,
    clock,
    refresh,
    refreshError,
    ended,
    replaced,
    inHand,
    lastRefresh,
    tabSession,
    recordIdentitySignIn,
  };
}
