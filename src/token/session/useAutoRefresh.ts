import { useEffect, useState } from 'react';
import type { TokenReading } from '../../shared/token/readToken.ts';
import { type ServerClock, serverNowSeconds } from '../../shared/token/serverClock.ts';
import { renewalLead, type TokenTime, tokenTime } from '../../shared/token/tokenTime.ts';
import { runAfter } from '../../shared/useNow.ts';
import type { RefreshTrigger } from './sessionEvents.ts';

const PREFERENCE_KEY = 'abrumet.autoRefresh';

/** A preference, not a secret: localStorage holds only "on" or "off". */
export function useAutoRefreshPreference(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => localStorage.getItem(PREFERENCE_KEY) === 'on');
  const set = (next: boolean) => {
    localStorage.setItem(PREFERENCE_KEY, next ? 'on' : 'off');
    setOn(next);
  };
  return [on, set];
}

interface AutoRefreshInput {
  enabled: boolean;
  access: TokenReading;
  clock: ServerClock;
  /** Stops automatic renewal after a failure until a new token arrives (no retry loop). */
  blocked: boolean;
  refresh: (trigger: Extract<RefreshTrigger, 'auto'>) => Promise<unknown>;
}

/** Schedules one renewal for the current token; a new token reschedules, turning it off cancels. */
export function useAutoRefresh({ enabled, access, clock, blocked, refresh }: AutoRefreshInput): void {
  useEffect(() => {
    if (!enabled || blocked) return;
    const delay = autoRefreshDelay(tokenTime(access, serverNowSeconds(Date.now(), clock)));
    return delay === undefined ? undefined : runAfter(delay, () => void refresh('auto'));
  }, [enabled, blocked, access, clock, refresh]);
}

/**
 * When to renew automatically, in ms from now (0 = now): `renewalLead` before expiry, and never
 * sooner than half the token's life after it was issued, so very short tokens do not cause a
 * renew storm. Undefined for a token without `exp`.
 */
export function autoRefreshDelay(time: TokenTime): number | undefined {
  if (time.secondsLeft === undefined) return undefined;
  const lifetime = time.lifetime ?? 300;
  const beforeExpiry = time.secondsLeft - renewalLead(time.lifetime);
  const halfLife = time.age === undefined ? time.secondsLeft - lifetime / 2 : lifetime / 2 - time.age;
  return Math.max(0, Math.round(Math.max(beforeExpiry, halfLife) * 1000));
}
