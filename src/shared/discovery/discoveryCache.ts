import { discoveryUrlOf } from '../../config/urls.ts';
import { type DiscoveryFetch, fetchDiscovery } from './fetchDiscovery.ts';

/**
 * One discovery fetch per realm per page load, shared by the sign-in check, the Realm and Integrate
 * panels and the UserManager (createUserManager), and seeded with the document carried across the
 * sign-in redirect (carriedDiscovery.ts).
 */
const cache = new Map<string, Promise<DiscoveryFetch>>();

export function discoveryOf(authority: string, fetchImpl?: typeof fetch): Promise<DiscoveryFetch> {
  let pending = cache.get(authority);
  if (!pending) {
    pending = fetchDiscovery(authority, fetchImpl ? { fetch: fetchImpl } : {});
    cache.set(authority, pending);
  }
  return pending;
}

/** The next call asks the realm again (a retry after fixing a proxy, a VPN...). */
export function forgetDiscovery(authority: string): void {
  cache.delete(authority);
}

/** What this page already holds: the realm's answer, as if it had just been fetched. */
export function knowDiscovery(authority: string, metadata: Record<string, unknown>): void {
  const url = discoveryUrlOf(authority);
  const body = JSON.stringify(metadata);
  cache.set(
    authority,
    Promise.resolve({
      kind: 'response',
      url,
      finalUrl: url,
      status: 200,
      contentType: 'application/json',
      body,
    }),
  );
}

/**
 * The discovery document in an answer, or null when there is none to use (an error status, HTML,
 * a cut body): the UserManager then fetches it itself and reports the failure its own way.
 */
export function metadataOf(result: DiscoveryFetch): Record<string, unknown> | null {
  if (result.kind !== 'response' || result.status < 200 || result.status > 299) return null;
  let value: unknown;
  try {
    value = JSON.parse(result.body);
  } catch {
    // Not JSON: describeDiscovery explains it where the realm is shown; here it is only "none".
    return null;
  }
  const isDocument =
    typeof value === 'object' && value !== null && typeof (value as { issuer?: unknown }).issuer === 'string';
  return isDocument ? (value as Record<string, unknown>) : null;
}

/** The realm's discovery document from the page's one fetch, or null when it gave none. */
export async function realmMetadata(authority: string): Promise<Record<string, unknown> | null> {
  return metadataOf(await discoveryOf(authority));
}
