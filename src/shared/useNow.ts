import { useMemo, useSyncExternalStore } from 'react';

export type Clock = () => number;

interface NowStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): number;
}

/** Our clock. The default everywhere, so the app shares one interval per period. */
export const systemNow: Clock = () => Date.now();
const stores = new WeakMap<Clock, Map<number, NowStore>>();

/** One interval per (clock, period), shared by every subscriber and stopped with the last one. */
function nowStore(intervalMs: number, now: Clock): NowStore {
  const byInterval = stores.get(now) ?? new Map<number, NowStore>();
  stores.set(now, byInterval);
  const existing = byInterval.get(intervalMs);
  if (existing) return existing;

  const listeners = new Set<() => void>();
  let snapshot = now();
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    snapshot = now();
    for (const listener of listeners) listener();
  };
  // A tab coming back from the background ticks at once instead of waiting for the next interval.
  const onVisible = () => document.visibilityState === 'visible' && tick();
  const store: NowStore = {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        snapshot = now();
        timer = setInterval(tick, intervalMs);
        document.addEventListener('visibilitychange', onVisible);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          clearInterval(timer);
          document.removeEventListener('visibilitychange', onVisible);
        }
      };
    },
    getSnapshot: () => snapshot,
  };
  byInterval.set(intervalMs, store);
  return store;
}

/**
 * The current time, re-read every `intervalMs`. Only components that call it re-render on the
 * tick; the clock is injectable so tests can drive it with fake timers.
 */
export function useNow(intervalMs = 1000, now: Clock = systemNow): number {
  const store = useMemo(() => nowStore(intervalMs, now), [intervalMs, now]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** setTimeout fires at once beyond this (2^31 − 1 ms, about 24.8 days). */
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * Runs `fire` once after `delayMs` (at once when already due), for an effect to return the cancel.
 * A delay too long for setTimeout, which would fire at once, does not fire at all.
 */
export function runAfter(delayMs: number, fire: () => void): () => void {
  if (delayMs > MAX_TIMEOUT_MS) return () => {};
  const timer = setTimeout(fire, Math.max(0, delayMs));
  return () => clearTimeout(timer);
}
