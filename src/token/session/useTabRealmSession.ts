import type { User } from 'oidc-client-ts';
import { useCallback, useEffect, useMemo } from 'react';
import type { IdentitySignIn, TabSession } from '../../shared/token/identity.ts';
import type { TokenReading } from '../../shared/token/readToken.ts';
import { endsTabSession, type SessionReplaced, sessionReplacedBy } from './realmSession.ts';
import type { TokenSession } from './useTokenSession.ts';

interface TabRealmSession {
  /** The identity sign-in that had ended the tab's realm session when the refresh failed, if one had. */
  replaced: SessionReplaced | undefined;
  /** The tab's session as the identities panel warns about it (shown only while signed in). */
  tabSession: TabSession;
  /** Writes an identity's sign-in into the timeline, saying whether it ended the tab's realm session. */
  recordIdentitySignIn: (signIn: IdentitySignIn) => void;
}

/**
 * The tab's realm session beside its identities (realmSession): each identity sign-in goes into the
 * timeline with whether it ended the tab's session, and a failed refresh is recorded with the one
 * that did, so the failure names that cause.
 */
export function useTabRealmSession(
  session: Pick<TokenSession, 'log' | 'record'>,
  user: User | null | undefined,
  access: TokenReading | null,
  refreshError: unknown,
  ended: boolean,
): TabRealmSession {
  const { log, record } = session;
  // Read from the timeline as the failure arrives: the identity sign-ins are in it by then.
  const replaced = useMemo(
    () => (refreshError ? sessionReplacedBy(log.read()) : undefined),
    [refreshError, log],
  );
  useEffect(() => {
    if (refreshError) record({ type: 'refresh-failed', at: Date.now(), error: refreshError, replaced });
  }, [refreshError, replaced, record]);

  const who = String(user?.profile.preferred_username ?? user?.profile.sub ?? '');
  const offline = (user?.scope ?? '').split(' ').includes('offline_access');
  const sid = access?.sid;
  const recordIdentitySignIn = useCallback(
    (signIn: IdentitySignIn) =>
      record({
        type: 'identity-sign-in',
        at: signIn.at,
        who: signIn.who,
        endsTabSession: endsTabSession({ who, sid, offline }, signIn),
      }),
    [record, who, sid, offline],
  );
  const tabSession = useMemo(() => ({ who, offline, ended }), [who, offline, ended]);
  return { replaced, tabSession, recordIdentitySignIn };
}
