import type { User } from 'oidc-client-ts';
import { useEffect, useRef, useState } from 'react';
import type { RefreshAnswer } from './refreshNotes.ts';

/** What the session held before the last refresh, and what its answer left (refreshNotes reads them). */
export interface LastRefresh {
  before: RefreshAnswer;
  after: RefreshAnswer;
}

/**
 * From one user to the next: a new access token for the same session is a refresh, whose refresh
 * token and scope are compared (refreshNotes, in the token view); a sign-in or sign-out starts over.
 */
export function useLastRefresh(user: User | null | undefined): LastRefresh | null {
  const [last, setLast] = useState<LastRefresh | null>(null);
  const previous = useRef<User | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = user ?? null;
    if (!user) setLast(null);
    else if (before && before.access_token !== user.access_token) {
      setLast({
        before: { refreshToken: before.refresh_token, scope: before.scope },
        after: { refreshToken: user.refresh_token, scope: user.scope },
      });
    }
  }, [user]);
  return last;
}
