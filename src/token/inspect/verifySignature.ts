import { discoveryUrlOf } from '../../config/urls.ts';
import { realmMetadata } from '../../shared/discovery/discoveryCache.ts';

export type SignatureResult =
  | { kind: 'valid'; kid?: string; alg: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'no-key'; message: string }
  | { kind: 'alg-none'; message: string }
  | { kind: 'unavailable'; message: string };

interface VerifyOptions {
  /** Injected in tests; then discovery too is fetched with it, not taken from the page's. */
  fetch?: typeof fetch;
}

/**
 * Checks the signature against the realm's JWKS, and only the signature: time validity is shown
 * apart ("signature valid, but expired"). jose is imported here, on demand, so it never weighs
 * on the first load.
 */
export async function verifySignature(
  token: string,
  authority: string,
  { fetch: injected }: VerifyOptions = {},
): Promise<SignatureResult> {
  const fetchImpl: typeof fetch = injected ?? ((...args) => fetch(...args));
  const jose = await import('jose');
  let header: { alg?: string; kid?: string };
  try {
    header = jose.decodeProtectedHeader(token);
  } catch (cause) {
    return { kind: 'invalid', message: `The token's header cannot be read (${String(cause)}).` };
  }
  if (!header.alg || header.alg.toLowerCase() === 'none') {
    return { kind: 'alg-none', message: 'The token is not signed (alg "none"): no API should accept it.' };
  }
  // RFC 8725 §3.1: a key pair's public half must never be taken for a shared secret.
  if (/^HS/i.test(header.alg)) {
    return {
      kind: 'invalid',
      message: `It is signed with ${header.alg}, a shared secret: the realm's public keys cannot verify it, and an API that accepts it trusts whoever holds the secret.`,
    };
  }

  let jwks: Parameters<typeof jose.createLocalJWKSet>[0];
  const getJson = async (url: string) => {
    const response = await fetchImpl(url, { cache: 'no-store' });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  };
  try {
    // The keys' address comes from the realm's discovery document, as a client library would find it.
    // The page's one discovery fetch (none on the callback page); asked again here when it failed,
    // so the message says how.
    const metadata =
      (injected ? null : await realmMetadata(authority)) ?? (await getJson(discoveryUrlOf(authority)));
    if (typeof metadata.jwks_uri !== 'string') throw new Error('the discovery document has no jwks_uri');
    jwks = (await getJson(metadata.jwks_uri)) as unknown as typeof jwks;
  } catch (cause) {
    return {
      kind: 'unavailable',
      message: `The realm's keys could not be fetched: ${cause instanceof Error ? cause.message : String(cause)}.`,
    };
  }

  try {
    await jose.compactVerify(token, jose.createLocalJWKSet(jwks));
    return { kind: 'valid', alg: header.alg, ...(header.kid ? { kid: header.kid } : {}) };
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') {
      return {
        kind: 'no-key',
        message: `None of the realm's current keys has kid "${header.kid ?? '(none)'}": the token is from another realm, or the key was rotated away.`,
      };
    }
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
      return {
        kind: 'invalid',
        message: 'The signature does not match: the token was altered or signed by someone else.',
      };
    }
    return { kind: 'invalid', message: cause instanceof Error ? cause.message : String(cause) };
  }
}
