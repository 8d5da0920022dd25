import type { User } from 'oidc-client-ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthContextProps } from 'react-oidc-context';
import { decodeToken } from '../shared/token/decodeToken.ts';
import { appendEvent, type RefreshTrigger, type TokenEvent } from './tokenEvents.ts';

export interface TokenSession {
  events: TokenEvent[];
  /** The access token this one replaced, kept in memory so the request pane can send "the expired token". */
  previousAccessToken?: string;
  record(event: TokenEvent): void;
  /** Tells the next "refreshed" event what started it. */
  markTrigger(trigger: RefreshTrigger): void;
}

const expOf = (token: string | undefined) => {
  const decoded = decodeToken(token);
  return decoded.ok && typeof decoded.payload.exp === 'number' ? decoded.payload.exp : undefined;
};
const whoOf = (user: User) => String(user.profile.preferred_username ?? user.profile.sub);

/**
 * This tab's token timeline (signed in, refreshed, expired, refresh failed, signed out), derived
 * from the user react-oidc-context holds. Memory only: a reload starts a new timeline.
 */
export function useTokenSession(auth: AuthContextProps, cameFromCallback: boolean): TokenSession {
  const [events, setEvents] = useState<TokenEvent[]>([]);
  const [previousAccessToken, setPrevious] = useState<string>();
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
      setPrevious(before.access_token);
      record({
        type: 'refreshed',
        at,
        trigger: trigger.current,
        oldExp: expOf(before.access_token),
        newExp: expOf(user.access_token),
      });
      trigger.current = 'manual';
    } else if (!user && before) {
      setPrevious(undefined);
      record({ type: 'signed-out', at });
    }
  }, [user, cameFromCallback, record]);

  useEffect(() => {
    const onExpired = () =>
      record({ type: 'expired', at: Date.now(), exp: expOf(last.current?.access_token) });
    auth.events.addAccessTokenExpired(onExpired);
    return () => auth.events.removeAccessTokenExpired(onExpired);
  }, [auth.events, record]);

  return { events, record, markTrigger, ...(previousAccessToken ? { previousAccessToken } : {}) };
}
