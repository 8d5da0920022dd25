import { setTimeout as sleep } from 'node:timers/promises';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { createIdp, type Idp } from '../idp/createIdp.ts';
import { signIn, type TokenResponse } from '../testing/signIn.ts';
import { testPortal } from '../testing/testPortal.ts';
import { createExpressApi } from './expressApi.ts';
import type { ResourceServer, ResourceServerOptions } from './resourceServer.ts';

const { origin: portal, otherOrigin, clientId, redirectUri } = testPortal;

/** The DPoP challenge the library appends to its Bearer one (it accepts DPoP by default). */
const dpop = 'DPoP algs="RS256 RS384 RS512 PS256 PS384 PS512 ES256 ES256K ES384 ES512 EdDSA"';
const invalidToken = (description: string) =>
  `Bearer realm="api", error="invalid_token", error_description="${description}"`;
/** Express's default error page (finalhandler) in the 'production' env: the status text, no stack. */
const errorPage = (text: string) =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>${text}</pre>\n</body>\n</html>\n`;
const html = 'text/html; charset=utf-8';
const json = 'application/json; charset=utf-8';

const closers: Array<() => Promise<void>> = [];
async function startIdp(accessTokenTtl: number): Promise<Idp> {
  const idp = await createIdp(testPortal.idpOptions({ accessTokenTtl }));
  closers.push(idp.close);
  return idp;
}
async function startApi(
  options: Partial<ResourceServerOptions> & { issuer: string },
): Promise<ResourceServer> {
  const api = await createExpressApi({ allowedOrigins: [portal], ...options });
  closers.push(api.close);
  return api;
}

let idp: Idp;
let api: ResourceServer;
let therapist: TokenResponse;
let patient: TokenResponse;
/** Express's default handler logs every error's stack with console.error unless its env is 'test'. */
let consoleError: MockInstance<typeof console.error>;

interface Answer {
  status: number;
  wwwAuthenticate: string | null;
  contentType: string | null;
  body: string;
}

/** GET from the portal's origin, as the portal's fetch sends it, and the parts the portal reads. */
async function get(path: string, token?: string, base = api): Promise<Answer> {
  const headers = new Headers({ Origin: portal });
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(`${base.url}${path}`, { headers });
  expect(response.headers.get('access-control-allow-origin')).toBe(portal);
  expect(response.headers.get('access-control-expose-headers')).toBe('WWW-Authenticate');
  return {
    status: response.status,
    wwwAuthenticate: response.headers.get('www-authenticate'),
    contentType: response.headers.get('content-type'),
    body: (await response.text()).slice(0, 300),
  };
}

function refusal(status: number, wwwAuthenticate: string, text = 'Unauthorized'): Answer {
  return { status, wwwAuthenticate, contentType: html, body: errorPage(text) };
}

beforeAll(async () => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  idp = await startIdp(60);
  api = await startApi({ issuer: idp.issuer });
  const user = (username: string) => signIn({ idp, clientId, redirectUri, username, password: username });
  [therapist, patient] = await Promise.all([user('therapist'), user('patient')]);
});

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  // finalhandler logs an error in a setImmediate of its own, which the last answer can outrun.
  await new Promise((resolve) => setImmediate(resolve));
  consoleError.mockRestore();
});

describe('createExpressApi (Express 5 + express-oauth2-jwt-bearer, Express’s default error handler)', () => {
  it('names itself with the library’s version', () => {
    expect(api.name).toMatch(/^Express 5 \+ express-oauth2-jwt-bearer \d+\.\d+\.\d+$/);
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers a request without a token with 401, a bare Bearer and a DPoP challenge, and an HTML page', async () => {
    consoleError.mockClear();
    expect(await get('/api/v1/me')).toEqual(refusal(401, `Bearer realm="api", ${dpop}`));
    // The error (its stack included) goes to the server's log, not into the answer.
    expect(consoleError).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'UnauthorizedError', message: 'Unauthorized', status: 401 }),
    );
  });

  it('refuses a tampered signature as "signature verification failed"', async () => {
    const [header, payload, signature = ''] = therapist.access_token.split('.');
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    expect(await get('/api/v1/me', `${header}.${payload}.${flipped}`)).toEqual(
      refusal(401, `${invalidToken('signature verification failed')}, ${dpop}`),
    );
  });

  it('refuses an expired token with jose’s message, its double quotes turned into single ones', async () => {
    const shortIdp = await startIdp(2);
    const shortApi = await startApi({ issuer: shortIdp.issuer, clockLeewaySeconds: 0 });
    const { access_token } = await signIn({
      idp: shortIdp,
      clientId,
      redirectUri,
      username: 'therapist',
      password: 'therapist',
    });
    expect((await get('/api/v1/me', access_token, shortApi)).status).toBe(200);
    const expiresAtMs = (decodeJwt(access_token).exp ?? 0) * 1000;
    await sleep(Math.max(0, expiresAtMs - Date.now()) + 100);
    expect(await get('/api/v1/me', access_token, shortApi)).toEqual(
      refusal(401, `${invalidToken("'exp' claim timestamp check failed")}, ${dpop}`),
    );
  });

  it('refuses an ID token by its audience (the client), not by its type', async () => {
    expect(await get('/api/v1/me', therapist.id_token ?? '')).toEqual(
      refusal(401, `${invalidToken("Unexpected 'aud' value")}, ${dpop}`),
    );
  });

  it('refuses a token for another audience the same way', async () => {
    const otherAudience = await startApi({ issuer: idp.issuer, audience: 'another-api' });
    expect(await get('/api/v1/me', therapist.access_token, otherAudience)).toEqual(
      refusal(401, `${invalidToken("Unexpected 'aud' value")}, ${dpop}`),
    );
  });

  it('refuses a patient the patient list with claimCheck’s 401 "Invalid Token" (no 403, no DPoP challenge)', async () => {
    expect(await get('/api/v1/patients', patient.access_token)).toEqual(
      refusal(401, invalidToken('Invalid Token')),
    );
    expect(await get('/api/v1/me', patient.access_token)).toEqual({
      status: 200,
      wwwAuthenticate: null,
      contentType: json,
      body: '{"username":"patient"}',
    });
  });

  it('lists the patients for a therapist', async () => {
    const answer = await get('/api/v1/patients', therapist.access_token);
    expect(answer).toMatchObject({ status: 200, wwwAuthenticate: null, contentType: json });
    expect(JSON.parse(answer.body)).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'p-0001', name: 'Ada Peeters' })]),
    );
  });

  it('answers 401 invalid_token, not 503, when the IdP cannot be reached for discovery', async () => {
    const orphan = await startApi({ issuer: 'http://127.0.0.1:1/auth/realms/abrumet' });
    expect(await get('/api/v1/me', therapist.access_token, orphan)).toEqual(
      refusal(401, `${invalidToken('Failed to fetch authorization server metadata')}, ${dpop}`),
    );
  });

  it('answers an unknown path with a valid token with Express’s 404 page', async () => {
    expect(await get('/api/v1/nothing-here', therapist.access_token)).toEqual({
      status: 404,
      wwwAuthenticate: null,
      contentType: html,
      body: errorPage('Cannot GET /api/v1/nothing-here'),
    });
  });

  describe('CORS (the cors package)', () => {
    const preflight = (origin: string) =>
      fetch(`${api.url}/api/v1/patients`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      });

    it('answers the portal’s preflight with 204 and allows the Authorization header', async () => {
      const allowed = await preflight(portal);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(portal);
      expect(allowed.headers.get('access-control-allow-headers')).toBe('Authorization,Content-Type');
      expect(allowed.headers.get('access-control-allow-methods')).toBe('GET,HEAD,PUT,PATCH,POST,DELETE');
    });

    it('gives another origin no Access-Control-Allow-Origin, on the preflight and on the answer', async () => {
      const refused = await preflight(otherOrigin);
      expect(refused.status).toBe(204);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      const answer = await fetch(`${api.url}/api/v1/me`, {
        headers: { Origin: otherOrigin, Authorization: `Bearer ${therapist.access_token}` },
      });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('exposes WWW-Authenticate on the error answers, which keep the CORS headers', async () => {
      // get() checks Access-Control-Allow-Origin and Access-Control-Expose-Headers on every answer.
      expect((await get('/api/v1/patients')).status).toBe(401);
      expect((await get('/api/v1/patients', patient.access_token)).status).toBe(401);
    });
  });
});
