import { decodeJwt } from 'jose';
import type { KoaContextWithOIDC, Provider } from 'oidc-provider';
import type { IdpMiddleware } from './middleware.ts';
import { readForm } from './readForm.ts';

/**
 * What makes the embedded IdP answer like Keycloak 26 where oidc-provider's own words differ, found
 * by sending the same probes to both (devstack/keycloak/fidelity.test.ts): the token endpoint's
 * error descriptions, its extra response fields, its "Invalid origin" refusal, and the error in
 * the redirect when PKCE is missing.
 */

const TOKEN_PATH = '/protocol/openid-connect/token';
const REVOKE_PATH = '/protocol/openid-connect/revoke';
const REFUSAL = 'keycloakRefusal';

/** Keycloak's `error_description` for a refused grant, from oidc-provider's internal reason. */
export function keycloakGrantError(detail: string): string | undefined {
  const rules: Array<[RegExp, string]> = [
    [/refresh token already used/, 'Maximum allowed refresh token reuse exceeded'],
    [/refresh token is expired/, 'Token is not active'],
    [/refresh token not found|client mismatch/, 'Invalid refresh token'],
    [/code_verifier must be provided/, 'PKCE code verifier not specified'],
    [/code_verifier does not match/, 'PKCE verification failed: Code mismatch'],
    [/redirect_uri mismatch/, 'Incorrect redirect_uri'],
    [/authorization code/, 'Code not valid'],
  ];
  return rules.find(([pattern]) => pattern.test(detail))?.[1];
}

/** Records why oidc-provider refused a grant (its internal reason) for keycloakAnswers. */
export function rememberGrantErrors(provider: Provider): void {
  provider.on('grant.error', (ctx, error) => {
    ctx.state[REFUSAL] = {
      detail: error.error_detail ?? '',
      refreshToken: ctx.oidc.params?.refresh_token,
      clientKnown: ctx.oidc.client !== undefined,
    } satisfies Refusal;
  });
}

interface Refusal {
  detail: string;
  refreshToken: unknown;
  /** Whether the client exists (a wrong secret) or not (an unknown client id). */
  clientKnown: boolean;
}

/**
 * Keycloak's words for a refused grant. A refresh token oidc-provider could not find is looked at
 * again: its session ended (an admin, a logout) → "Session not active"; it expired → "Token is not
 * active" (the adapter keeps expired refresh tokens a while, so they can be told apart). One that
 * oidc-provider revoked with its grant when it logged the session out (another user signing in
 * with prompt=login, an RP-initiated logout) is gone from the store: Keycloak, which keeps the
 * token and ends its session, says "Session not active" for it too.
 */
async function keycloakDescription(
  provider: Provider,
  { detail, refreshToken }: Refusal,
  revokedWithGrant: (refreshToken: string) => boolean,
) {
  if (/refresh token not found/.test(detail) && typeof refreshToken === 'string') {
    if (revokedWithGrant(refreshToken)) return 'Session not active';
    // ignoreSessionBinding exists in oidc-provider 9 (lib/models/token_helpers.js) but not in its types.
    const options = { ignoreExpiration: true, ignoreSessionBinding: true } as { ignoreExpiration: boolean };
    const token = await provider.RefreshToken.find(refreshToken, options);
    if (token?.isExpired) return 'Token is not active';
    if (token !== undefined) return 'Session not active';
  }
  return keycloakGrantError(detail);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface KeycloakAnswersOptions {
  portalOrigins: readonly string[];
  refreshTokenTtl: number;
  /** Ends one realm session by its uid. */
  endSession(uid: string): void;
  /** Whether a refresh token was revoked with its grant (the memory adapter remembers). */
  revokedWithGrant(refreshToken: string): boolean;
}

/**
 * RFC 7009 revocation as Keycloak 26 does it for a refresh token: the realm session behind it
 * ends (the next refresh says "Session not active", the next sign-in asks for the password); for
 * an offline token, its offline session (the browser session stays). Any
 * other token: 200, as RFC 7009 §2.2 allows for tokens the server does not keep.
 */
async function revoke(ctx: KoaContextWithOIDC, provider: Provider, endSession: (uid: string) => void) {
  const form = await readForm(ctx.req);
  const value = form.get('token') ?? '';
  const token =
    value === '' ? undefined : await provider.RefreshToken.find(value, { ignoreExpiration: true });
  // An offline token (offline_access) outlives the browser session: its offline session ends.
  if (token?.scope?.split(' ').includes('offline_access')) await token.destroy();
  else if (token?.sessionUid !== undefined) endSession(token.sessionUid);
  // Keycloak's 200 has no body and no Content-Type (oidc-client-ts refuses a text/plain one).
  ctx.body = null;
  ctx.status = 200;
}

export function keycloakAnswers(
  provider: Provider,
  { portalOrigins, refreshTokenTtl, endSession, revokedWithGrant }: KeycloakAnswersOptions,
): IdpMiddleware {
  return async (ctx, next) => {
    const origin = ctx.get('Origin');
    if (ctx.path === REVOKE_PATH && ctx.method === 'POST') {
      if (origin !== '' && !portalOrigins.includes(origin)) {
        ctx.status = 403;
        ctx.body = { error: 'Invalid origin' };
        return;
      }
      await revoke(ctx, provider, endSession);
      return;
    }
    if (
      ctx.path === TOKEN_PATH &&
      ctx.method === 'POST' &&
      origin !== '' &&
      !portalOrigins.includes(origin)
    ) {
      // Keycloak checks the client's Web origins itself and refuses, without CORS headers.
      ctx.status = 403;
      ctx.body = { error: 'Invalid origin' };
      return;
    }
    await next();

    if (ctx.path === TOKEN_PATH && isRecord(ctx.body)) {
      const refusal = ctx.state[REFUSAL] as Refusal | undefined;
      const description =
        ctx.body.error === 'invalid_grant' && refusal !== undefined
          ? await keycloakDescription(ctx.oidc.provider, refusal, revokedWithGrant)
          : undefined;
      if (ctx.body.error === 'invalid_client') {
        // Keycloak's words: unauthorized_client for a known client with a wrong secret.
        const known = refusal?.clientKnown === true;
        ctx.body = {
          error: known ? 'unauthorized_client' : 'invalid_client',
          error_description: 'Invalid client or Invalid client credentials',
        };
      } else if (description !== undefined) {
        ctx.body = { ...ctx.body, error_description: description };
      } else if (typeof ctx.body.access_token === 'string') {
        // Keycloak's token response also says how long the refresh token lives and which session.
        const sid = decodeJwt(ctx.body.access_token).sid;
        ctx.body = {
          ...ctx.body,
          refresh_expires_in: refreshTokenTtl,
          'not-before-policy': 0,
          ...(typeof sid === 'string' ? { session_state: sid } : {}),
        };
      }
    }

    const location = ctx.response.headers.location;
    if (typeof location === 'string' && /requires\+PKCE|requires%20PKCE/.test(location)) {
      const url = new URL(location);
      url.searchParams.set('error_description', 'Missing parameter: code_challenge_method');
      ctx.set('Location', url.href);
    }
  };
}
