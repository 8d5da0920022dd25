/** A sign-in this tab started that never came back to the portal's callback. */
export interface AbandonedSignIn {
  /** When it started (oidc-client-ts stamps each pending sign-in state with `created`). */
  startedAt: Date;
  /** The state store keys to remove once the user has read about it. */
  keys: string[];
}

/** Younger than this, the user may just be on their way back (a quick Back from the login page). */
export const ABANDONED_AFTER_SECONDS = 5;

/**
 * Older than this, it is forgotten: whoever left a sign-in half done five minutes ago has moved on,
 * and a reload then should not greet them with it.
 */
export const FORGOTTEN_AFTER_SECONDS = 5 * 60;

/**
 * Finds pending sign-in states (oidc-client-ts SigninState, request_type "si:…") between a few
 * seconds and five minutes old on a page load that is not the callback: the realm never sent the
 * browser back. States already explained once (`shown`) are not explained again. Pure: takes the
 * store's entries, so it can be tested without a browser.
 */
export function abandonedSignIn(
  entries: ReadonlyArray<[key: string, value: string | null]>,
  nowSeconds: number,
  shown: ReadonlySet<string> = new Set(),
): AbandonedSignIn | null {
  let latest = 0;
  const keys: string[] = [];
  for (const [key, value] of entries) {
    if (shown.has(key)) continue;
    try {
      const state = JSON.parse(value ?? 'null') as { created?: unknown; request_type?: unknown } | null;
      const created = state?.created;
      if (typeof created !== 'number' || typeof state?.request_type !== 'string') continue;
      if (!state.request_type.startsWith('si')) continue;
      const age = nowSeconds - created;
      if (age < ABANDONED_AFTER_SECONDS || age > FORGOTTEN_AFTER_SECONDS) continue;
      keys.push(key);
      latest = Math.max(latest, created);
    } catch {
      // Not a state oidc-client-ts wrote: not ours to judge.
    }
  }
  return keys.length ? { startedAt: new Date(latest * 1000), keys } : null;
}
