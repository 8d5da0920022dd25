import type { StateStore } from 'oidc-client-ts';
import { useCallback, useEffect, useState } from 'react';
import { type AbandonedSignIn, abandonedSignIn } from './abandonedSignIn.ts';

/** This tab's pending sign-ins already explained (their state keys, random ids: no secret). */
const SHOWN_KEY = 'abrumet.abandonedSignInsShown';

const systemNowSeconds = () => Date.now() / 1000;

const readShown = (storage: Storage): Set<string> => {
  try {
    const keys: unknown = JSON.parse(storage.getItem(SHOWN_KEY) ?? '[]');
    return new Set(Array.isArray(keys) ? keys.filter((key) => typeof key === 'string') : []);
  } catch {
    return new Set();
  }
};

/**
 * A sign-in that left for the realm and did not come back (the user pressed Back, or the realm
 * stopped on its own error page), read from this environment's state store once per page load.
 * Said once: the states it explains are marked as shown in this tab (not removed, so a Forward to
 * the realm's login page can still finish that sign-in), and a reload does not say it again.
 * `dismiss` also removes those pending states. `now` is injectable for tests (seconds).
 */
export function useAbandonedSignIn(
  store: StateStore | undefined,
  enabled: boolean,
  { storage = window.sessionStorage, now = systemNowSeconds } = {},
) {
  const [found, setFound] = useState<AbandonedSignIn | null>(null);
  useEffect(() => {
    if (!store || !enabled) return;
    let live = true;
    void (async () => {
      const keys = await store.getAllKeys();
      const entries = await Promise.all(
        keys.map(async (key) => [key, await store.get(key)] as [string, string | null]),
      );
      if (!live) return;
      const shown = readShown(storage);
      const abandoned = abandonedSignIn(entries, now(), shown);
      if (!abandoned) return;
      // Only keys still pending, so the list does not grow over a long-lived tab.
      const kept = keys.filter((key) => shown.has(key) || abandoned.keys.includes(key));
      storage.setItem(SHOWN_KEY, JSON.stringify(kept));
      setFound(abandoned);
    })();
    return () => {
      live = false;
    };
  }, [store, enabled, storage, now]);
  const dismiss = useCallback(() => {
    if (found && store) for (const key of found.keys) void store.remove(key);
    setFound(null);
  }, [found, store]);
  return { abandoned: enabled ? found : null, dismiss };
}
