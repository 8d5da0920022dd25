import { discoveryUrlOf } from '../config/realmUrls.ts';
/** What came back from the realm's discovery URL, as a value: a 404 is an answer, not an exception. */
export type DiscoveryFetch =
  | {
      kind: 'response';
      /** The discovery URL asked for. */
      url: string;
      /** Where the answer came from after redirects (a proxy's login page, say). */
      finalUrl: string;
      status: number;
      contentType: string;
      body: string;
    }
  | { kind: 'network-error'; url: string; message: string };

export interface FetchDiscoveryOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

/** Fetches the realm's discovery document without cookies or cache, keeping whatever came back. */
export async function fetchDiscovery(
  authority: string,
  { fetch: fetchImpl = (...args) => fetch(...args), signal }: FetchDiscoveryOptions = {},
): Promise<DiscoveryFetch> {
  const url = discoveryUrlOf(authority);
  try {
    const response = await fetchImpl(url, {
      credentials: 'omit',
      cache: 'no-store',
      headers: { Accept: 'application/json' },
      ...(signal ? { signal } : {}),
    });
    return {
      kind: 'response',
      url,
      finalUrl: response.url || url,
      status: response.status,
      contentType: response.headers.get('Content-Type') ?? '',
      body: await response.text(),
    };
  } catch (cause) {
    return { kind: 'network-error', url, message: cause instanceof Error ? cause.message : String(cause) };
  }
}
