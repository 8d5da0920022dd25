import type { StateStore } from 'oidc-client-ts';
import { useCallback, useEffect, useState } from 'react';
import { type AbandonedSignIn, abandonedSignIn } from './abandonedSignIn.ts';

/**
 * A sign-in that left for the realm and did not come back (the realm stopped on its own error
 * page, or the user pressed Back), read from this environment's state store once per page load.
 * `dismiss` removes those pending states, so the explanation does not come back.
 */
export function useAbandonedSignIn(store: StateStore | undefined, enabled: boolean) {
  const [found, setFound] = useState<AbandonedSignIn | null>(null);
  useEffect(() => {
    if (!store || !enabled) return;
    let live = true;
    void (async () => {
      const keys = await store.getAllKeys();
      const entries = await Promise.all(
        keys.map(async (key) => [key, await store.get(key)] as [string, string | null]),
      );
      if (live) setFound(abandonedSignIn(entries, Date.now() / 1000));
    })();
    return () => {
      live = false;
    };
  }, [store, enabled]);
  const dismiss = useCallback(() => {
    if (found && store) for (const key of found.keys) void store.remove(key);
    setFound(null);
  }, [found, store]);
  return { abandoned: enabled ? found : null, dismiss };
}
