import { useCallback, useEffect, useRef, useState } from 'react';
import type { TokenReading } from '../../shared/token/readToken.ts';
import { isNewSignIn } from './realmSession.ts';
import { createEventLog, type EventLog, type RefreshTrigger, type TokenEvent } from './sessionEvents.ts';

export interface TokenSession {
  /** The timeline; read it with useEvents, which re-renders only its reader. */
  log: EventLog;
  /**
   * The access tokens this one replaced, newest first (each read once, when it arrived), kept in
   * memory so the request pane can send a truly expired token. Gone with the tab or a sign-out.
   */
  earlier: TokenReading[];
  record(event: TokenEvent): void;
  /** Tells the next "refreshed" event what started it. */
  markTrigger(trigger: RefreshTrigger): void;
}

/** Enough for the request pane's expired token and the matrix; older ones are dropped. */
const MAX_EARLIER = 20;

/**
 * This tab's token timeline (signed in, refreshed, refresh failed, signed out) and its earlier
 * access tokens, from the access token as the model read it: `undefined` while the sign-in state
 * is still loading, `null` when signed out. Memory only: a reload starts anew.
 */
export function useTokenSession(
  access: TokenReading | null | undefined,
  who: string,
  cameFromCallback: boolean,
): TokenSession {
  const [log] = useState(createEventLog);
  const [earlier, setEarlier] = useState<TokenReading[]>([]);
  const last = useRef<TokenReading | null | undefined>(undefined);
  const trigger = useRef<RefreshTrigger>('manual');
  const record = log.record;
  const markTrigger = useCallback((next: RefreshTrigger) => {
    trigger.current = next;
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `who` is read with the token it belongs to.
  useEffect(() => {
    if (access === undefined) return;
    const before = last.current;
    last.current = access;
    const at = Date.now();
    if (access && !before) {
      const firstLoad = before === undefined;
      record({ type: firstLoad && !cameFromCallback ? 'restored' : 'signed-in', at, who, exp: access.exp });
    } else if (access && before && access.raw !== before.raw) {
      // Signing in again in a pop-up keeps the page: its earlier tokens stay, expired ones included.
      setEarlier((list) => [before, ...list.filter((t) => t.raw !== before.raw)].slice(0, MAX_EARLIER));
      if (isNewSignIn(before, access)) record({ type: 'signed-in', at, who, exp: access.exp });
      else
        record({ type: 'refreshed', at, trigger: trigger.current, oldExp: before.exp, newExp: access.exp });
      trigger.current = 'manual';
    } else if (!access && before) {
      setEarlier([]);
      record({ type: 'signed-out', at });
    }
  }, [access, cameFromCallback, record]);

  return { log, earlier, record, markTrigger };
}
