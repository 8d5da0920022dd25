import { discoveryUrlOf, masterRealmDiscoveryOf } from '../../config/urls.ts';

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
  | {
      kind: 'network-error';
      url: string;
      message: string;
      /**
       * What a second look found: the server answered but the browser hid it ('hidden': no CORS
       * headers), and whether the same Keycloak's `master` realm answers normally. Keycloak answers
       * an unknown realm with 404 "Realm does not exist" and no CORS headers, so in the browser a
       * wrong realm name looks like a network failure unless the portal looks twice.
       */
      probe?: { server: 'hidden' | 'unreachable'; masterRealm: boolean };
    };

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
    const message = cause instanceof Error ? cause.message : String(cause);
    if (signal?.aborted) return { kind: 'network-error', url, message };
    return { kind: 'network-error', url, message, probe: await probe(url, authority, fetchImpl, signal) };
  }
}

async function probe(
  url: string,
  authority: string,
  fetchImpl: typeof fetch,
  signal: AbortSignal | undefined,
): Promise<{ server: 'hidden' | 'unreachable'; masterRealm: boolean }> {
  const init = { credentials: 'omit', cache: 'no-store', ...(signal ? { signal } : {}) } as const;
  // An opaque answer: it resolves whenever the server answered anything, CORS or not.
  const answered = await fetchImpl(url, { ...init, mode: 'no-cors' }).then(
    () => true,
    () => false,
  );
  if (!answered) return { server: 'unreachable', masterRealm: false };
  const master = masterRealmDiscoveryOf(authority);
  const masterRealm =
    master !== null &&
    master !== url &&
    (await fetchImpl(master, init).then(
      (response) => response.ok,
      () => false,
    ));
  return { server: 'hidden', masterRealm };
}
