import type { User } from 'oidc-client-ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthContextProps } from 'react-oidc-context';
import { readToken } from '../shared/token/readToken.ts';
import { appendEvent, type RefreshTrigger, type TokenEvent } from './tokenEvents.ts';

export interface TokenSession {
  events: TokenEvent[];
  /**
   * The access tokens this one replaced, newest first, kept in memory so the request pane can send
   * a truly expired token. Gone with the tab or a sign-out; never stored.
   */
  earlier: string[];
  record(event: TokenEvent): void;
  /** Tells the next "refreshed" event what started it. */
  markTrigger(trigger: RefreshTrigger): void;
}

/** Enough for the request pane's expired token and the matrix; older ones are dropped. */
const MAX_EARLIER = 20;
const expOf = (token: string | undefined) => readToken(token).exp;
const whoOf = (user: User) => String(user.profile.preferred_username ?? user.profile.sub);

/**
 * This tab's token timeline (signed in, refreshed, refresh failed, signed out) and its earlier
 * access tokens, derived from the user react-oidc-context holds. Memory only: a reload starts anew.
 */
export function useTokenSession(auth: AuthContextProps, cameFromCallback: boolean): TokenSession {
  const [events, setEvents] = useState<TokenEvent[]>([]);
  const [earlier, setEarlier] = useState<string[]>([]);
  const last = useRef<User | null | undefined>(undefined);
  const trigger = useRef<RefreshTrigger>('manual');
  const record = useCallback((event: TokenEvent) => setEvents((list) => appendEvent(list, event)), []);
  const markTrigger = useCallback((next: RefreshTrigger) => {
    trigger.current = next;
  }, []);

  const user = auth.isLoading && !auth.user ? undefined : (auth.user ?? null);
  useEffect(() => {
    if (user === undefined) return;
    const before = last.current;
    last.current = user;
    const at = Date.now();
    if (user && !before) {
      const firstLoad = before === undefined;
      const exp = expOf(user.access_token);
      record({ type: firstLoad && !cameFromCallback ? 'restored' : 'signed-in', at, who: whoOf(user), exp });
    } else if (user && before && user.access_token !== before.access_token) {
      const replaced = before.access_token;
      setEarlier((list) => [replaced, ...list.filter((t) => t !== replaced)].slice(0, MAX_EARLIER));
      record({
        type: 'refreshed',
        at,
        trigger: trigger.current,
        oldExp: expOf(before.access_token),
        newExp: expOf(user.access_token),
      });
      trigger.current = 'manual';
    } else if (!user && before) {
      setEarlier([]);
      record({ type: 'signed-out', at });
    }
  }, [user, cameFromCallback, record]);

  return { events, earlier, record, markTrigger };
}
