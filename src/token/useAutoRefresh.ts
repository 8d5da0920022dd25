import { useEffect, useState } from 'react';
import { autoRefreshDelay } from './autoRefreshDelay.ts';
import type { RefreshTrigger } from './tokenEvents.ts';

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
  exp: number | undefined;
  iat: number | undefined;
  skewMs: number;
  /** Stops automatic renewal after a failure until a new token arrives (no retry loop). */
  blocked: boolean;
  refresh: (trigger: RefreshTrigger) => Promise<boolean>;
}

/** Schedules one renewal for the current token; a new token reschedules, turning it off cancels. */
export function useAutoRefresh({ enabled, exp, iat, skewMs, blocked, refresh }: AutoRefreshInput): void {
  useEffect(() => {
    if (!enabled || blocked || exp === undefined) return;
    const timer = setTimeout(() => void refresh('auto'), autoRefreshDelay(exp, iat, Date.now(), skewMs));
    return () => clearTimeout(timer);
  }, [enabled, blocked, exp, iat, skewMs, refresh]);
}
