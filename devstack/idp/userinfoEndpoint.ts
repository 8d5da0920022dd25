import { jwtVerify } from 'jose';
import type Provider from 'oidc-provider';
import type { IdpMiddleware } from './middleware.ts';
import { userClaims } from './userClaims.ts';
import { users } from './users.ts';

export interface UserinfoEndpointOptions {
  /** The userinfo path relative to the realm, as oidc-provider's ctx.path shows it. */
  path: string;
  issuer: string;
  /** The IdP's current public signing key. */
  publicKey: CryptoKey;
  /** For the session the token belongs to: Keycloak refuses tokens of an ended session. */
  provider: Provider;
}

/**
 * Keycloak's userinfo endpoint accepts the realm's JWT access tokens; oidc-provider's refuses
 * access tokens issued for a resource server (it only takes opaque userinfo tokens). So the
 * devstack answers userinfo itself, before oidc-provider sees the request, in Keycloak 26's words:
 * a refusal is 401 with an empty body and the reason only in WWW-Authenticate (RFC 6750 §3).
 */
export function userinfoEndpoint({
  path,
  issuer,
  publicKey,
  provider,
}: UserinfoEndpointOptions): IdpMiddleware {
  return async (ctx, next) => {
    if (ctx.path !== path || (ctx.method !== 'GET' && ctx.method !== 'POST')) {
      await next();
      return;
    }
    ctx.set('Cache-Control', 'no-store');
    const refuse = (challenge: string) => {
      ctx.status = 401;
      ctx.set('WWW-Authenticate', challenge);
      ctx.type = 'text/plain';
      ctx.body = '';
    };
    const invalid = (description: string) =>
      refuse(`Bearer realm="abrumet", error="invalid_token", error_description="${description}"`);

    const match = /^Bearer +([^ ]+) *$/i.exec(ctx.get('Authorization'));
    // RFC 6750 §3.1: no credentials, so no error code.
    if (match?.[1] === undefined) return refuse('Bearer realm="abrumet"');
    let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
    try {
      ({ payload } = await jwtVerify(match[1], publicKey, { issuer, algorithms: ['RS256'] }));
    } catch {
      // Keycloak says the same for a bad signature, an expired token or garbage.
      return invalid('Token verification failed');
    }
    if (payload.typ !== 'Bearer') return invalid('Token verification failed');
    const session =
      typeof payload.sid === 'string' ? await provider.Session.findByUid(payload.sid) : undefined;
    if (session === undefined) return invalid('user_session_not_found');
    const user = users.find((candidate) => candidate.sub === payload.sub);
    if (user === undefined) return invalid('user_not_found');
    ctx.status = 200;
    ctx.body = userClaims(user);
  };
}
