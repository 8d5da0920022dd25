import { useEffect, useState } from 'react';
import type { TokenReading } from '../shared/token/readToken.ts';
import { serverNowSeconds, tokenTime } from '../shared/token/tokenTime.ts';
import { autoRefreshDelay } from './autoRefreshDelay.ts';
import type { RefreshTrigger } from './tokenEvents.ts';

const PREFERENCE_KEY = 'abrumet.autoRefresh';
/** setTimeout fires at once beyond this (2^31 − 1 ms, about 24.8 days). */
const MAX_TIMEOUT_MS = 2_147_483_647;

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
  skewMs: number;
  /** Stops automatic renewal after a failure until a new token arrives (no retry loop). */
  blocked: boolean;
  refresh: (trigger: RefreshTrigger) => Promise<unknown>;
}

/** Schedules one renewal for the current token; a new token reschedules, turning it off cancels. */
export function useAutoRefresh({ enabled, access, skewMs, blocked, refresh }: AutoRefreshInput): void {
  useEffect(() => {
    if (!enabled || blocked) return;
    const delay = autoRefreshDelay(tokenTime(access, serverNowSeconds(Date.now(), skewMs)));
    if (delay === undefined || delay > MAX_TIMEOUT_MS) return;
    const timer = setTimeout(() => void refresh('auto'), delay);
    return () => clearTimeout(timer);
  }, [enabled, blocked, access, skewMs, refresh]);
}
