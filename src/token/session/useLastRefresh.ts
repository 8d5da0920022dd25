import type { User } from 'oidc-client-ts';
import { useEffect, useRef, useState } from 'react';
import { readToken } from '../../shared/token/readToken.ts';
import { isNewSignIn } from './realmSession.ts';
import { keptRefreshToken, type RefreshAnswer } from './refreshAnswer.ts';

/** What the session held before the last refresh, and what its answer left (refreshNotes reads them). */
export interface LastRefresh {
  before: RefreshAnswer;
  after: RefreshAnswer;
  /**
   * The refresh token this refresh presented had been kept from an earlier answer that held none
   * (case 31): the realm took it a second time.
   */
  presentedKept: boolean;
}

/**
 * From one user to the next: a new access token for the same session is a refresh, whose refresh
 * token and scope are compared (refreshNotes, in the token view); a sign-in or sign-out starts over.
 */
export function useLastRefresh(user: User | null | undefined): LastRefresh | null {
  const [last, setLast] = useState<LastRefresh | null>(null);
  const previous = useRef<User | null>(null);
  // The refresh token kept from an answer that held none, while the tab still holds it.
  const kept = useRef<string | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = user ?? null;
    if (!user || !before) {
      if (!user) kept.current = undefined;
      setLast(null);
      return;
    }
    if (before.access_token === user.access_token) return;
    // Signed in again in a pop-up (the page stays): a new session, not a refresh to compare.
    if (isNewSignIn(readToken(before.access_token), readToken(user.access_token))) {
      kept.current = undefined;
      setLast(null);
      return;
    }
    const next = {
      before: { refreshToken: before.refresh_token, scope: before.scope },
      after: { refreshToken: user.refresh_token, scope: user.scope },
      presentedKept: before.refresh_token !== undefined && before.refresh_token === kept.current,
    };
    kept.current = keptRefreshToken(next.before, next.after) ? user.refresh_token : undefined;
    setLast(next);
  }, [user]);
  return last;
}
