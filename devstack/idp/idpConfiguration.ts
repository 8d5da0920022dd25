import { randomBytes } from 'node:crypto';
import { type Client, type Configuration, errors, type Grant, type KoaContextWithOIDC } from 'oidc-provider';
import { idpPages } from './idpPages.ts';
import { keycloakClaims, serviceAccountClaims } from './keycloakClaims.ts';
import type { MemoryAdapter } from './memoryAdapter.ts';
import { userClaims } from './userClaims.ts';
import { users } from './users.ts';

export interface IdpSettings {
  clientId: string;
  portalOrigins: readonly string[];
  redirectUris: readonly string[];
  postLogoutRedirectUris: readonly string[];
  accessTokenTtl: number;
  refreshTokenTtl: number;
  audience: string;
  /** The resource indicator the portal's access tokens are issued for (RFC 8707). */
  resource: string;
  /** The private signing key as a JWK, generated at start and never written anywhere. */
  signingJwk: Record<string, unknown>;
  /** Path of the login page, below which `/<uid>` is added. */
  loginActionsPath: string;
  /** Where sessions and tokens live (memory, per IdP). */
  adapter: MemoryAdapter;
  /** A confidential client whose service account may call the API (client credentials). */
  serviceClient: { clientId: string; secret: string };
  /** A public client of the device authorization grant (a command-line tool). */
  deviceClientId: string;
}

/** Keycloak's words on its error page for the authorization request errors a portal meets. */
function keycloakErrorPage(out: { error?: string | undefined }): string {
  if (out.error === 'invalid_client') return 'Client not found.';
  if (out.error === 'invalid_redirect_uri' || out.error === 'redirect_uri_mismatch') {
    return 'Invalid parameter: redirect_uri';
  }
  return 'An error occurred while processing your request.';
}

const oidc = '/protocol/openid-connect';

// Keycloak's endpoint paths, relative to the realm (the issuer's path is the provider's mount path).
const routes = {
  authorization: `${oidc}/auth`,
  token: `${oidc}/token`,
  jwks: `${oidc}/certs`,
  userinfo: `${oidc}/userinfo`,
  end_session: `${oidc}/logout`,
  revocation: `${oidc}/revoke`,
  introspection: `${oidc}/token/introspect`,
  pushed_authorization_request: `${oidc}/ext/par/request`,
  device_authorization: `${oidc}/auth/device`,
  code_verification: '/device',
};

// What the API's access tokens may carry; offline_access only when asked for (as Keycloak says).
const grantedScope = 'openid offline_access profile email';
const sessionTtl = 10 * 60 * 60; // Keycloak's default "SSO Session Max"

/** oidc-provider configuration that makes it answer like a Keycloak realm with one public client. */
export function idpConfiguration(settings: IdpSettings): Configuration {
  const { clientId, portalOrigins, accessTokenTtl, refreshTokenTtl, audience, resource } = settings;
  // A public client may introspect and revoke its own tokens only.
  const sameClient = async (
    _ctx: KoaContextWithOIDC,
    client: Client,
    token: { clientId?: string | undefined },
  ) => token.clientId === client.clientId;

  return {
    adapter: settings.adapter,
    clients: [
      {
        client_id: clientId,
        client_name: 'Abrumet API debug portal',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [...settings.redirectUris],
        post_logout_redirect_uris: [...settings.postLogoutRedirectUris],
        // Keycloak's ID tokens always carry auth_time.
        require_auth_time: true,
      },
      {
        client_id: settings.serviceClient.clientId,
        client_name: 'Abrumet service (client credentials)',
        client_secret: settings.serviceClient.secret,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
      {
        client_id: settings.deviceClientId,
        client_name: 'Abrumet command-line tool (device authorization)',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
        response_types: [],
        redirect_uris: [],
      },
    ],
    jwks: { keys: [settings.signingJwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    routes,
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    claims: {
      acr: null,
      sid: null,
      auth_time: null,
      iss: null,
      // typ: Keycloak's ID tokens say typ "ID", which is how APIs tell them from access tokens.
      openid: ['sub', 'typ'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      email: ['email', 'email_verified'],
    },
    // Only reached for origins off the allowlist: the idp's own CORS middleware answers the rest.
    clientBasedCORS: (_ctx, origin) => portalOrigins.includes(origin),
    pkce: { required: () => true },
    async findAccount(_ctx, sub) {
      const user = users.find((candidate) => candidate.sub === sub);
      if (user === undefined) return undefined;
      return {
        accountId: user.sub,
        claims: (use: string) => ({
          sub: user.sub,
          ...userClaims(user),
          ...(use === 'id_token' ? { typ: 'ID' } : {}),
        }),
      };
    },
    // A first-party client: grant whatever it asks for, so no consent screen ever shows.
    async loadExistingGrant(ctx) {
      const { oidc: context } = ctx;
      const { client, session } = context;
      // No browser session (e.g. a grant without one) or nobody signed in: nothing to grant.
      if (client === undefined || session?.accountId === undefined) return undefined;
      const grantId = context.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId === undefined ? undefined : await context.provider.Grant.find(grantId);
      const grant: Grant =
        existing !== undefined && existing.accountId === session.accountId
          ? existing
          : new context.provider.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope([...context.requestParamOIDCScopes].join(' '));
      if (context.requestParamClaims.size > 0) grant.addOIDCClaims([...context.requestParamClaims]);
      for (const [indicator, server] of Object.entries(context.resourceServers ?? {})) {
        grant.addResourceScope(indicator, server.scope);
      }
      await grant.save();
      return grant;
    },
    async extraTokenClaims(ctx, token) {
      // Client credentials: Keycloak's token for the client's service account.
      if (!('accountId' in token)) return serviceAccountClaims(token.clientId ?? '');
      const user = users.find((candidate) => candidate.sub === token.accountId);
      if (user === undefined || token.clientId === undefined) return undefined;
      const { entities } = ctx.oidc;
      return keycloakClaims({
        user,
        clientId: token.clientId,
        // oidc-provider only tracks a per-client sid when back-channel logout needs one; the
        // session's uid is what Keycloak's sid is: one id per browser session.
        sid: token.sid ?? token.sessionUid,
        authTime: entities.AuthorizationCode?.authTime ?? entities.RefreshToken?.authTime,
        allowedOrigins: portalOrigins,
      });
    },
    formats: {
      customizers: {
        // Keycloak's access tokens say typ "JWT" in the header (not RFC 9068's "at+jwt") and carry
        // azp instead of client_id.
        async jwt(_ctx, _token, jwt) {
          jwt.header = { typ: 'JWT' };
          delete jwt.payload.client_id;
          // Keycloak adds "account" to aud because the user holds roles of the account client.
          jwt.payload.aud = [audience, 'account'];
        },
      },
    },
    // oidc-provider only issues refresh tokens with offline_access by default; Keycloak issues one
    // on every code exchange.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Keycloak with "Revoke Refresh Token" on: every refresh token is single-use.
    rotateRefreshToken: true,
    interactions: { url: async (_ctx, interaction) => `${settings.loginActionsPath}/${interaction.uid}` },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = idpPages.error(keycloakErrorPage(out), out);
    },
    ttl: {
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: accessTokenTtl,
      RefreshToken: refreshTokenTtl,
      Interaction: 30 * 60,
      Session: sessionTtl,
      Grant: sessionTtl,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      deviceFlow: {
        enabled: true,
        charset: 'base-20',
        mask: '****-****',
        async userCodeInputSource(ctx, form, _out, error) {
          ctx.type = 'html';
          ctx.body = idpPages.deviceCodeInput(form, error !== undefined);
        },
        async userCodeConfirmSource(ctx, form, client, _deviceInfo, userCode) {
          ctx.type = 'html';
          ctx.body = idpPages.deviceCodeConfirm(form, client.clientName ?? client.clientId, userCode);
        },
        async successSource(ctx) {
          ctx.type = 'html';
          const client = ctx.oidc.client;
          ctx.body = idpPages.deviceCodeSuccess(client?.clientName ?? client?.clientId ?? 'The device');
        },
      },
      userinfo: { enabled: true },
      introspection: { enabled: true, allowedPolicy: sameClient },
      revocation: { enabled: true, allowedPolicy: sameClient },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = idpPages.logout(form);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = idpPages.loggedOut();
        },
      },
      resourceIndicators: {
        enabled: true,
        async defaultResource(_ctx, _client, oneOf) {
          return oneOf?.includes(resource) === false ? oneOf : resource;
        },
        // The refresh_token grant must yield a JWT for the same API, not an opaque userinfo token.
        useGrantedResource: async () => true,
        async getResourceServerInfo(_ctx, indicator) {
          if (indicator !== resource) throw new errors.InvalidTarget();
          return {
            scope: grantedScope,
            audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: accessTokenTtl,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
  };
}
