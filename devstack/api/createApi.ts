import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { JWTPayload } from 'jose';
import { corsHeaders } from '../corsHeaders.ts';
import { listen } from '../listen.ts';
import { type ApiExchange, apiExchange } from './apiExchange.ts';
import { apiFixtures } from './apiFixtures.ts';
import { bearerVerifier } from './bearerVerifier.ts';
import { patientStore } from './patientStore.ts';

export interface ApiOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  issuer: string;
  jwksUri?: string;
  /** Browser origins allowed to call the API (CORS). */
  allowedOrigins: string[];
  /** The realm role the patient endpoints and fixtures require. */
  requiredRole?: string;
  audience?: string;
}

export interface Api {
  url: string;
  close(): Promise<void>;
}

interface Route {
  method: string;
  path: RegExp;
  /** Whether the route needs requiredRole (otherwise any valid access token will do). */
  needsRole: boolean;
  /**
   * false: answer without CORS headers, as a misconfigured API would; 'preflight-only': the
   * preflight passes, the answer itself comes without them (the browser sends, then hides it).
   */
  cors?: false | 'preflight-only';
  handle(exchange: ApiExchange, payload: JWTPayload): Promise<void> | void;
}

function realmRoles(payload: JWTPayload): string[] {
  const roles = (payload.realm_access as { roles?: unknown } | undefined)?.roles;
  return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Starts the demo Abrumet API: bearer-protected JSON endpoints answering as RFC 6750 says. */
export async function createApi(options: ApiOptions): Promise<Api> {
  const { port = 0, issuer, allowedOrigins, requiredRole = 'therapist' } = options;
  const jwksUri = options.jwksUri ?? `${issuer}/protocol/openid-connect/certs`;
  const verifyBearer = bearerVerifier({ issuer, jwksUri, audience: options.audience ?? 'abrumet-api' });
  const patients = patientStore();

  const withBody =
    (handle: (exchange: ApiExchange, body: Record<string, unknown>) => void) =>
    async (exchange: ApiExchange) => {
      const body = await exchange.readJson();
      if (!body.ok) return exchange.json(400, { error: 'invalid_request', message: body.message });
      if (!isRecord(body.value)) {
        return exchange.json(400, { error: 'invalid_request', message: 'The body must be a JSON object.' });
      }
      handle(exchange, body.value);
    };
  const notFoundPatient = (exchange: ApiExchange) =>
    exchange.json(404, { error: 'not_found', message: `No patient with id ${exchange.params.id}.` });

  const routes: Route[] = [
    {
      method: 'GET',
      path: /^\/api\/v1\/me$/,
      needsRole: false,
      handle: (exchange, payload) =>
        exchange.json(200, {
          sub: payload.sub,
          preferred_username: payload.preferred_username,
          name: payload.name,
          email: payload.email,
          roles: realmRoles(payload),
          azp: payload.azp,
          exp: payload.exp,
        }),
    },
    {
      method: 'GET',
      path: /^\/api\/v1\/patients$/,
      needsRole: true,
      handle: (exchange) => exchange.json(200, patients.list()),
    },
    {
      method: 'POST',
      path: /^\/api\/v1\/patients$/,
      needsRole: true,
      handle: withBody((exchange, body) => {
        const patient = patients.create(body);
        exchange.json(201, patient, { Location: `/api/v1/patients/${encodeURIComponent(patient.id)}` });
      }),
    },
    {
      method: 'PUT',
      path: /^\/api\/v1\/patients\/(?<id>[^/]+)$/,
      needsRole: true,
      handle: withBody((exchange, body) => {
        const patient = patients.update(exchange.params.id ?? '', body);
        if (patient === undefined) return notFoundPatient(exchange);
        exchange.json(200, patient);
      }),
    },
    {
      method: 'DELETE',
      path: /^\/api\/v1\/patients\/(?<id>[^/]+)$/,
      needsRole: true,
      handle: (exchange) =>
        patients.remove(exchange.params.id ?? '') ? exchange.json(204) : notFoundPatient(exchange),
    },
    {
      // Case 39: the request is carried out (a patient is created), but its answer lacks CORS
      // headers, so the page cannot tell.
      method: 'POST',
      path: /^\/api\/v1\/fixtures\/answer-without-cors$/,
      needsRole: true,
      cors: 'preflight-only',
      handle: withBody((exchange, body) => exchange.json(201, patients.create(body))),
    },
    ...Object.entries(apiFixtures).map(
      ([name, handle]): Route => ({
        method: 'GET',
        path: new RegExp(`^/api/v1/fixtures/${name}$`),
        needsRole: true,
        ...(name === 'no-cors' ? { cors: false as const } : {}),
        handle,
      }),
    ),
  ];

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const onPath = routes.filter((route) => route.path.test(path));
    const route = onPath.find((candidate) => candidate.method === method);
    const preflight = req.method === 'OPTIONS';
    const withoutCors = onPath[0]?.cors === false || (onPath[0]?.cors === 'preflight-only' && !preflight);
    const cors = withoutCors
      ? { Vary: 'Origin' }
      : corsHeaders(
          {
            origin: req.headers.origin,
            preflight: preflight && req.headers['access-control-request-method'] !== undefined,
            requestedHeaders: req.headers['access-control-request-headers'],
          },
          allowedOrigins,
        );
    const exchange = apiExchange(req, res, cors);

    if (preflight) return exchange.json(204);
    if (onPath.length === 0) {
      return exchange.json(404, { error: 'not_found', message: `No endpoint at ${path}.` });
    }
    if (route === undefined) {
      const allow = [...new Set(onPath.map((candidate) => candidate.method))].join(', ');
      return exchange.json(
        405,
        { error: 'method_not_allowed', message: `${path} answers ${allow}, not ${req.method}.` },
        { Allow: allow },
      );
    }
    exchange.params = { ...route.path.exec(path)?.groups };

    const result = await verifyBearer(req.headers.authorization);
    if (!result.ok) {
      switch (result.kind) {
        case 'missing':
          // RFC 6750 §3.1: a request without credentials gets the bare challenge, no error code.
          return exchange.json(
            401,
            {
              error: 'unauthorized',
              message: 'No access token was sent. Sign in and send it as "Authorization: Bearer <token>".',
            },
            { 'WWW-Authenticate': 'Bearer realm="abrumet"' },
          );
        case 'malformed-header':
          return exchange.json(
            400,
            {
              error: 'invalid_request',
              message: 'The Authorization header must be "Bearer " followed by the token.',
            },
            {
              'WWW-Authenticate':
                'Bearer realm="abrumet", error="invalid_request", error_description="Authorization header is not Bearer <token>"',
            },
          );
        case 'invalid-token':
          return exchange.json(
            401,
            {
              error: 'invalid_token',
              message: `The access token was refused: ${result.description}. Get a new token and send again.`,
            },
            {
              'WWW-Authenticate': `Bearer realm="abrumet", error="invalid_token", error_description="${result.description}"`,
            },
          );
        case 'idp-unavailable':
          return exchange.json(503, {
            error: 'idp_unavailable',
            message: `The API could not fetch the realm's signing keys from ${jwksUri}. Start the IdP and send again.`,
          });
      }
    }
    const roles = realmRoles(result.payload);
    if (route.needsRole && !roles.includes(requiredRole)) {
      // RFC 6750 §3.1: a valid token without the needed rights is 403 insufficient_scope.
      return exchange.json(
        403,
        {
          error: 'insufficient_scope',
          message: `This endpoint requires the realm role ${requiredRole}; the token has ${roles.join(', ') || 'no realm roles'}. Sign in as a ${requiredRole}.`,
        },
        {
          'WWW-Authenticate': `Bearer realm="abrumet", error="insufficient_scope", error_description="Requires realm role ${requiredRole}"`,
        },
      );
    }
    await route.handle(exchange, result.payload);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`[devstack api] ${req.method} ${req.url} failed:`, error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const cors = corsHeaders({ origin: req.headers.origin, preflight: false }, allowedOrigins);
      res.writeHead(500, { ...cors, 'Content-Type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify({ error: 'server_error', message: 'Unexpected API error, see the devstack log.' }),
      );
    });
  });
  const { url, close } = await listen(server, port, 'API');
  return { url, close };
}
