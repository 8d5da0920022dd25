import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import { Provider } from 'oidc-provider';
import { DEVICE_CLIENT_ID, SERVICE_CLIENT_ID } from '../clients.ts';
import { corsHeaders } from '../corsHeaders.ts';
import { listen } from '../listen.ts';
import { idpConfiguration } from './idpConfiguration.ts';
import { keycloakAnswers, rememberGrantErrors } from './keycloakAnswers.ts';
import { loginActions } from './loginActions.ts';
import { memoryAdapter } from './memoryAdapter.ts';
import type { IdpMiddleware } from './middleware.ts';
import { offlineAccessLikeKeycloak } from './offlineAccess.ts';
import { userinfoEndpoint } from './userinfoEndpoint.ts';
import { users } from './users.ts';

export interface IdpOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Browser origins allowed to call the IdP (CORS) and listed in `allowed-origins`. */
  portalOrigins: string[];
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  clientId?: string;
  /** Access token (and ID token) lifetime in seconds. */
  accessTokenTtl?: number;
  /** Refresh token lifetime in seconds. */
  refreshTokenTtl?: number;
  /** The `aud` of access tokens. */
  audience?: string;
}

export interface Idp {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** e.g. http://127.0.0.1:41234/auth/realms/abrumet */
  issuer: string;
  /** Ends every realm session of a user, as a Keycloak admin's "Sign out" does. */
  endSessions(username: string): Promise<void>;
  /** The confidential client of the client credentials flow, with its secret. */
  serviceClient: { clientId: string; secret: string };
  close(): Promise<void>;
}

const realmPath = '/auth/realms/abrumet';

const loginActionsPath = '/login-actions';
const resource = 'urn:abrumet:api';

/** Paths Keycloak answers with CORS for any origin: public metadata, and UserInfo (bearer-only). */
const anyOriginPaths = new Set([
  '/.well-known/openid-configuration',
  '/protocol/openid-connect/certs',
  '/protocol/openid-connect/userinfo',
]);

/**
 * CORS on every IdP response, errors and preflights included, as Keycloak sends it: any origin on
 * preflights, discovery, keys and UserInfo; the client's Web origins (the portal) on the token,
 * revocation and introspection endpoints. Setting the headers before oidc-provider runs makes it
 * skip its own CORS. Also Keycloak's no-referrer and nosniff on everything.
 */
function cors(portalOrigins: readonly string[]): IdpMiddleware {
  return async (ctx, next) => {
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Content-Type-Options', 'nosniff');
    const preflight = ctx.method === 'OPTIONS' && ctx.get('Access-Control-Request-Method') !== '';
    const origin = ctx.get('Origin') || undefined;
    const anyOrigin = preflight || anyOriginPaths.has(ctx.path);
    const headers = corsHeaders(
      { origin, preflight, requestedHeaders: ctx.get('Access-Control-Request-Headers') },
      anyOrigin && origin !== undefined ? [origin] : portalOrigins,
    );
    const apply = () => {
      for (const name of Object.keys(ctx.response.headers)) {
        if (name.toLowerCase().startsWith('access-control-')) ctx.remove(name);
      }
      for (const [name, value] of Object.entries(headers)) {
        if (name === 'Vary') ctx.vary(value);
        else ctx.set(name, value);
      }
    };
    if (preflight) {
      apply();
      ctx.status = 204;
      return;
    }
    if (headers['Access-Control-Allow-Origin'] !== undefined) apply();
    try {
      await next();
    } catch (error) {
      // oidc-provider renders its own errors; whatever escapes is a devstack bug, and Koa's default
      // handler would drop the CORS headers along with the error.
      const status = (error as { status?: unknown }).status;
      const expose = (error as { expose?: unknown }).expose === true;
      if (typeof status === 'number' && status < 500 && expose) {
        ctx.status = status;
        ctx.body = { error: 'invalid_request', error_description: (error as Error).message };
      } else {
        console.error(`[devstack idp] ${ctx.method} ${ctx.path} failed:`, error);
        ctx.status = 500;
        ctx.body = { error: 'server_error', error_description: 'Unexpected IdP error, see the devstack log' };
      }
    }
    apply();
  };
}

const realmsPrefix = '/auth/realms/';

/** The portal's own icon (public/favicon.ico), read once. */
const FAVICON = readFileSync(fileURLToPath(new URL('../../public/favicon.ico', import.meta.url)));

/**
 * Paths outside the abrumet realm, answered as Keycloak does: an unknown realm is 404
 * `{"error":"Realm does not exist"}` WITHOUT CORS headers (so a browser sees a network error), and
 * the `master` realm, which every Keycloak has, publishes its discovery document.
 */
function outsideRealm(req: IncomingMessage, res: ServerResponse, url: string) {
  const path = new URL(req.url ?? '/', url).pathname;
  const secure = { 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' };
  if (path === `${realmsPrefix}master/.well-known/openid-configuration`) {
    const issuer = `${url}${realmsPrefix}master`;
    const origin = req.headers.origin;
    res.writeHead(200, {
      ...secure,
      ...(origin ? { 'Access-Control-Allow-Origin': origin } : {}),
      'Content-Type': 'application/json',
    });
    res.end(JSON.stringify({ issuer, authorization_endpoint: `${issuer}/protocol/openid-connect/auth` }));
    return;
  }
  if (path === '/favicon.ico') {
    // What a browser asks every origin for: the realm's tab gets the portal's icon, not a 404.
    res.writeHead(200, { ...secure, 'Content-Type': 'image/x-icon', 'Cache-Control': 'max-age=86400' });
    res.end(FAVICON);
    return;
  }
  const body = path.startsWith(realmsPrefix)
    ? { error: 'Realm does not exist' }
    : { error: 'Unable to find matching target resource method' };
  res.writeHead(404, { ...secure, 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Starts the local Keycloak-shaped IdP (realm `abrumet`) on 127.0.0.1. */
export async function createIdp(options: IdpOptions): Promise<Idp> {
  const { port = 0, portalOrigins, clientId = 'abrumet-portal' } = options;

  // A fresh RS256 key per start, held in memory only.
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const signingJwk = {
    ...privateJwk,
    kid: await calculateJwkThumbprint(privateJwk),
    alg: 'RS256',
    use: 'sig',
  };

  const server = createServer();
  const listening = await listen(server, port, 'IdP');
  const { url } = listening;
  const issuer = `${url}${realmPath}`;

  const adapter = memoryAdapter();
  // The service client's secret: generated per start, never written anywhere (README: the stack
  // prints it; tests read it from the stack).
  const serviceClient = { clientId: SERVICE_CLIENT_ID, secret: randomBytes(24).toString('base64url') };
  const refreshTokenTtl = options.refreshTokenTtl ?? 1800;
  const provider = new Provider(
    issuer,
    idpConfiguration({
      clientId,
      portalOrigins,
      redirectUris: options.redirectUris,
      postLogoutRedirectUris: options.postLogoutRedirectUris,
      accessTokenTtl: options.accessTokenTtl ?? 300,
      refreshTokenTtl,
      audience: options.audience ?? 'abrumet-api',
      resource,
      signingJwk,
      loginActionsPath: `${realmPath}${loginActionsPath}`,
      adapter,
      serviceClient,
      deviceClientId: DEVICE_CLIENT_ID,
    }),
  );
  provider.proxy = false;
  provider.on('server_error', (ctx, error) => {
    console.error(`[devstack idp] server_error on ${ctx.method} ${ctx.path}:`, error);
  });
  rememberGrantErrors(provider);
  provider.use(cors(portalOrigins));
  provider.use(offlineAccessLikeKeycloak('/protocol/openid-connect/auth'));
  provider.use(
    keycloakAnswers(provider, {
      portalOrigins,
      refreshTokenTtl,
      endSession: adapter.endSession,
      revokedWithGrant: adapter.revokedWithGrant,
    }),
  );
  provider.use(userinfoEndpoint({ path: '/protocol/openid-connect/userinfo', issuer, publicKey, provider }));
  provider.use(
    loginActions({ provider, path: loginActionsPath, publicPath: `${realmPath}${loginActionsPath}` }),
  );

  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const original = req.url ?? '/';
    const rest = original.slice(realmPath.length);
    if (!original.startsWith(realmPath) || (rest !== '' && !/^[/?]/.test(rest))) {
      outsideRealm(req, res, url);
      return;
    }
    // oidc-provider routes relative to the issuer's path and finds that mount path the way
    // Express exposes it: req.originalUrl minus req.url.
    Object.assign(req, { originalUrl: original });
    req.url = rest.startsWith('/') ? rest : `/${rest}`;
    void handle(req, res);
  });

  return {
    url,
    issuer,
    serviceClient,
    endSessions: async (username) => {
      const user = users.find((candidate) => candidate.username === username);
      if (user === undefined) throw new Error(`No user ${username} in the embedded realm`);
      adapter.endSessionsOf(user.sub);
    },
    close: listening.close,
  };
}
