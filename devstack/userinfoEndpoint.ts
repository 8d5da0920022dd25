import { errors as joseErrors, jwtVerify } from 'jose';
import type { Middleware } from 'oidc-provider';
import { userClaims } from './userClaims.ts';
import { users } from './users.ts';

export interface UserinfoEndpointOptions {
  /** The userinfo path relative to the realm, as oidc-provider's ctx.path shows it. */
  path: string;
  issuer: string;
  /** The IdP's current public signing key. */
  publicKey: CryptoKey;
}

/**
 * Keycloak's userinfo endpoint accepts the realm's JWT access tokens; oidc-provider's refuses
 * access tokens issued for a resource server (it only takes opaque userinfo tokens). So the
 * devstack answers userinfo itself, before oidc-provider sees the request.
 */
export function userinfoEndpoint({ path, issuer, publicKey }: UserinfoEndpointOptions): Middleware {
  return async (ctx, next) => {
    if (ctx.path !== path || (ctx.method !== 'GET' && ctx.method !== 'POST')) {
      await next();
      return;
    }
    ctx.set('Cache-Control', 'no-store');
    const match = /^Bearer +([^ ]+) *$/i.exec(ctx.get('Authorization'));
    if (match?.[1] === undefined) {
      // RFC 6750 §3: no credentials, so no error code.
      ctx.status = 401;
      ctx.set('WWW-Authenticate', 'Bearer realm="abrumet"');
      ctx.body = { error: 'invalid_request', error_description: 'Missing bearer token' };
      return;
    }
    const failure = (description: string) => {
      ctx.status = 401;
      ctx.set(
        'WWW-Authenticate',
        `Bearer realm="abrumet", error="invalid_token", error_description="${description}"`,
      );
      ctx.body = { error: 'invalid_token', error_description: description };
    };
    try {
      const { payload } = await jwtVerify(match[1], publicKey, { issuer, algorithms: ['RS256'] });
      if (payload.typ !== 'Bearer') return failure('Token is not an access token');
      const user = users.find((candidate) => candidate.sub === payload.sub);
      if (user === undefined) return failure('User not found');
      ctx.status = 200;
      ctx.body = userClaims(user);
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return failure('Token expired');
      if (error instanceof joseErrors.JOSEError) return failure('Token verification failed');
      throw error;
    }
  };
}
