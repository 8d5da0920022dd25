import { useEffect, useMemo } from 'react';
import type { AuthContextProps } from 'react-oidc-context';
import type { EnvironmentConfig } from '../config/types.ts';
import { readToken } from '../shared/token/readToken.ts';
import { serverClock } from '../shared/token/serverClock.ts';
import type { SessionTokens } from '../shared/token/sessionTokens.ts';
import { describeRefreshError, type RefreshFailure } from './describeRefreshError.ts';
import { isRefreshError } from './isRefreshError.ts';
import { useRefresh } from './useRefresh.ts';
import { useRenewStaleToken } from './useRenewStaleToken.ts';
import { useTokenReceipt } from './useTokenReceipt.ts';
import { type TokenSession, useTokenSession } from './useTokenSession.ts';

/** setTimeout fires at once beyond this (2^31 − 1 ms, about 24.8 days). */
const MAX_TIMEOUT_MS = 2_147_483_647;

export interface TokenModel {
  session: TokenSession;
  /** The session's tokens, each read once, with the server's clock; null while signed out. */
  tokens: SessionTokens | null;
  /** Why the last refresh failed, while no new token has come since. */
  refreshFailure: RefreshFailure | null;
}

/**
 * The token side of the shell, in one hook: the session timeline, the tokens read once, the
 * server's clock measured from them, the "expired" event at the server's `exp`, and fresh tokens
 * without asking (useRenewStaleToken).
 */
export function useTokenModel(
  auth: AuthContextProps,
  environment: EnvironmentConfig,
  cameFromCallback: boolean,
): TokenModel {
  const session = useTokenSession(auth, cameFromCallback);
  const { user } = auth;
  const receipt = useTokenReceipt(auth.events, user, `abrumet.receipt.${environment.id}`);
  const accessToken = user?.access_token;
  const idToken = user?.id_token;
  const { earlier, record } = session;
  const tokens = useMemo((): SessionTokens | null => {
    if (!accessToken) return null;
    const access = readToken(accessToken);
    const id = idToken ? readToken(idToken) : undefined;
    return { access, id, earlier: earlier.map(readToken), clock: serverClock(access, receipt) };
  }, [accessToken, idToken, earlier, receipt]);

  const exp = tokens?.access.exp;
  const skewMs = tokens?.clock.skewMs ?? 0;
  useEffect(() => {
    if (exp === undefined) return;
    const delay = Math.max(0, exp * 1000 - skewMs - Date.now());
    if (delay > MAX_TIMEOUT_MS) return;
    const timer = setTimeout(() => record({ type: 'expired', at: Date.now(), exp }), delay);
    return () => clearTimeout(timer);
  }, [exp, skewMs, record]);

  const refreshFailure = isRefreshError(auth.error) ? describeRefreshError(auth.error) : null;
  const failureMessage = refreshFailure?.message;
  useEffect(() => {
    if (failureMessage) record({ type: 'refresh-failed', at: Date.now(), message: failureMessage });
  }, [failureMessage, record]);

  const refresh = useRefresh(auth, session);
  useRenewStaleToken({
    tokens,
    hasRefreshToken: Boolean(user?.refresh_token),
    blocked: refreshFailure !== null,
    refresh,
  });
  return { session, tokens, refreshFailure };
}
