import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import { type Middleware, Provider } from 'oidc-provider';
import { corsHeaders } from './corsHeaders.ts';
import { idpConfiguration } from './idpConfiguration.ts';
import { listen } from './listen.ts';
import { loginActions } from './loginActions.ts';
import { userinfoEndpoint } from './userinfoEndpoint.ts';

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
  close(): Promise<void>;
}

const realmPath = '/auth/realms/abrumet';
const loginActionsPath = '/login-actions';
const resource = 'urn:abrumet:api';

/**
 * CORS for the portal origins on every IdP response, errors and preflights included. Setting the
 * headers before oidc-provider runs makes it skip its own CORS, which would otherwise allow ANY
 * origin on discovery, certs and every preflight.
 */
function cors(portalOrigins: readonly string[]): Middleware {
  return async (ctx, next) => {
    const preflight = ctx.method === 'OPTIONS' && ctx.get('Access-Control-Request-Method') !== '';
    const headers = corsHeaders(
      {
        origin: ctx.get('Origin') || undefined,
        preflight,
        requestedHeaders: ctx.get('Access-Control-Request-Headers'),
      },
      portalOrigins,
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

function notFound(req: IncomingMessage, res: ServerResponse, portalOrigins: readonly string[]) {
  const origin = req.headers.origin;
  const headers = corsHeaders({ origin, preflight: false }, portalOrigins);
  res.writeHead(404, { ...headers, 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: 'not_found', error_description: `Not a path of the abrumet realm` }));
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

  const provider = new Provider(
    issuer,
    idpConfiguration({
      clientId,
      portalOrigins,
      redirectUris: options.redirectUris,
      postLogoutRedirectUris: options.postLogoutRedirectUris,
      accessTokenTtl: options.accessTokenTtl ?? 300,
      refreshTokenTtl: options.refreshTokenTtl ?? 1800,
      audience: options.audience ?? 'abrumet-api',
      resource,
      signingJwk,
      loginActionsPath: `${realmPath}${loginActionsPath}`,
    }),
  );
  provider.proxy = false;
  provider.on('server_error', (ctx, error) => {
    console.error(`[devstack idp] server_error on ${ctx.method} ${ctx.path}:`, error);
  });
  provider.use(cors(portalOrigins));
  provider.use(userinfoEndpoint({ path: '/protocol/openid-connect/userinfo', issuer, publicKey }));
  provider.use(
    loginActions({ provider, path: loginActionsPath, publicPath: `${realmPath}${loginActionsPath}` }),
  );

  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const original = req.url ?? '/';
    const rest = original.slice(realmPath.length);
    if (!original.startsWith(realmPath) || (rest !== '' && !/^[/?]/.test(rest))) {
      notFound(req, res, portalOrigins);
      return;
    }
    // oidc-provider routes relative to the issuer's path and finds that mount path the way
    // Express exposes it: req.originalUrl minus req.url.
    Object.assign(req, { originalUrl: original });
    req.url = rest.startsWith('/') ? rest : `/${rest}`;
    void handle(req, res);
  });

  return { url, issuer, close: listening.close };
}
