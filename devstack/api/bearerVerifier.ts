import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';

export interface BearerVerifierOptions {
  issuer: string;
  jwksUri: string;
  audience: string;
}

/** What a request's Authorization header turned out to be. A refusal is a value, not an exception. */
export type BearerResult =
  | { ok: true; payload: JWTPayload }
  /** No Authorization header at all (RFC 6750 §3.1: answer without an error code). */
  | { ok: false; kind: 'missing' }
  /** An Authorization header that is not `Bearer <token>`. */
  | { ok: false; kind: 'malformed-header' }
  /** A token that is not a valid access token of this realm; `description` goes in WWW-Authenticate. */
  | { ok: false; kind: 'invalid-token'; description: string }
  /** The realm's keys could not be fetched, so nothing can be verified. */
  | { ok: false; kind: 'idp-unavailable'; cause: unknown };

class IdpUnavailable extends Error {}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'Token expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'Wrong issuer';
    if (error.claim === 'aud') return 'Wrong audience';
    if (error.claim === 'nbf') return 'Token not yet valid';
    if (error.reason === 'missing') return `Missing claim ${error.claim}`;
    return `Invalid claim ${error.claim}`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'Signature invalid';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return 'Signature invalid (unknown signing key)';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'Signature invalid (algorithm not allowed)';
  return 'Malformed token';
}

// RFC 6750 §3: error_description may only hold printable ASCII without '"' and '\'.
function quotable(value: string): string {
  return value.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '?');
}

/**
 * Checks bearer tokens the way a Keycloak-protected API does: RS256 signature against the realm's
 * JWKS, then iss and exp (no clock tolerance), then `typ: "Bearer"` (so an ID token is named as
 * such rather than as a wrong audience), then aud. The JWKS is fetched on first use, so the IdP may
 * start after the API, and a failed fetch is retried on the next request.
 */
export function bearerVerifier({ issuer, jwksUri, audience }: BearerVerifierOptions) {
  // A short cooldown: after an IdP restart (new keys) the API picks the new key up at once.
  const jwks = createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: 1000, timeoutDuration: 3000 });
  const getKey: JWTVerifyGetKey = async (header, token) => {
    try {
      return await jwks(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
        throw error;
      }
      throw new IdpUnavailable(`could not fetch ${jwksUri}`, { cause: error });
    }
  };

  return async function verifyBearer(authorization: string | undefined): Promise<BearerResult> {
    if (authorization === undefined) return { ok: false, kind: 'missing' };
    const token = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(authorization)?.[1];
    if (token === undefined) return { ok: false, kind: 'malformed-header' };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, getKey, {
        issuer,
        algorithms: ['RS256'],
        clockTolerance: 0,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      if (error instanceof IdpUnavailable) return { ok: false, kind: 'idp-unavailable', cause: error.cause };
      return { ok: false, kind: 'invalid-token', description: describe(error) };
    }
    if (payload.typ !== 'Bearer') {
      const typ = typeof payload.typ === 'string' ? quotable(payload.typ) : 'missing';
      return { ok: false, kind: 'invalid-token', description: `Not an access token (typ ${typ})` };
    }
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes(audience))
      return { ok: false, kind: 'invalid-token', description: 'Wrong audience' };
    return { ok: true, payload };
  };
}
