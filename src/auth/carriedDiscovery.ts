/**
 * The realm's discovery document, carried across the sign-in redirect in this tab's sessionStorage:
 * the page that starts a sign-in has just read it, so the callback page exchanges the code at once
 * instead of asking the realm for it again first (AppAuth keeps its service configuration with the
 * pending request the same way). Not a secret: the realm publishes it to anyone. It is used once,
 * by the callback page it was carried to, and the issuer checks run on it as on a fetched one.
 */
const KEY = 'abrumet.discovery';

interface Carried {
  authority: string;
  /** The callback's path: only that page takes it. */
  callback: string;
  metadata: Record<string, unknown>;
}

export function carryDiscovery(
  storage: Storage,
  authority: string,
  redirectUri: string,
  metadata: Record<string, unknown>,
): void {
  const carried: Carried = { authority, callback: new URL(redirectUri).pathname, metadata };
  storage.setItem(KEY, JSON.stringify(carried));
}

/** The carried document when this page is the callback it was carried to (and it is then gone). */
export function takeCarriedDiscovery(
  storage: Storage,
  location: Pick<Location, 'pathname'>,
): Pick<Carried, 'authority' | 'metadata'> | null {
  const raw = storage.getItem(KEY);
  if (raw === null) return null;
  const carried = readCarried(raw);
  if (carried && carried.callback !== location.pathname) return null;
  storage.removeItem(KEY);
  return carried && { authority: carried.authority, metadata: carried.metadata };
}

function readCarried(raw: string): Carried | null {
  let value: Partial<Carried>;
  try {
    value = JSON.parse(raw) as Partial<Carried>;
  } catch {
    // Not ours any more (edited by hand): dropped, and the callback page fetches discovery itself.
    return null;
  }
  const { authority, callback, metadata } = value;
  return typeof authority === 'string' &&
    typeof callback === 'string' &&
    typeof metadata === 'object' &&
    metadata !== null
    ? { authority, callback, metadata }
    : null;
}
