import { setTimeout as sleep } from 'node:timers/promises';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdp, type Idp } from '../idp/createIdp.ts';
import { signIn, type TokenResponse } from '../testing/signIn.ts';
import { testPortal } from '../testing/testPortal.ts';
import { type Api, createApi } from './createApi.ts';

const { origin: portal, otherOrigin, clientId, redirectUri } = testPortal;
const bareChallenge = 'Bearer realm="abrumet"';
const invalidToken = (description: string) =>
  `Bearer realm="abrumet", error="invalid_token", error_description="${description}"`;

const closers: Array<() => Promise<void>> = [];
async function startIdp(accessTokenTtl: number): Promise<Idp> {
  const idp = await createIdp(testPortal.idpOptions({ accessTokenTtl }));
  closers.push(idp.close);
  return idp;
}
async function startApi(
  options: Partial<Parameters<typeof createApi>[0]> & { issuer: string },
): Promise<Api> {
  const api = await createApi({ allowedOrigins: [portal], ...options });
  closers.push(api.close);
  return api;
}

let idp: Idp;
let api: Api;
let therapist: TokenResponse;
let patient: TokenResponse;

function call(path: string, init: RequestInit & { token?: string; origin?: string } = {}, base = api) {
  const { token, origin, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
  if (origin !== undefined) headers.set('Origin', origin);
  return fetch(`${base.url}${path}`, { ...rest, headers, redirect: 'manual' });
}

beforeAll(async () => {
  idp = await startIdp(60);
  api = await startApi({ issuer: idp.issuer });
  const user = (username: string) => signIn({ idp, clientId, redirectUri, username, password: username });
  [therapist, patient] = await Promise.all([user('therapist'), user('patient')]);
});

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

describe('createApi', () => {
  it('answers a request without a token with 401 and the bare Bearer challenge', async () => {
    const response = await call('/api/v1/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(bareChallenge);
    expect(await response.json()).toEqual({ error: 'unauthorized', message: expect.any(String) });
  });

  it.each([
    ['garbage', () => 'garbage', 'Malformed token'],
    ['a tampered signature', () => `${therapist.access_token.slice(0, -4)}AAAA`, 'Signature invalid'],
    ['an ID token', () => therapist.id_token ?? '', 'Not an access token (typ ID)'],
  ])('refuses %s with 401 invalid_token and says why', async (_name, token, description) => {
    const response = await call('/api/v1/me', { token: token() });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(invalidToken(description));
    expect(await response.json()).toMatchObject({ error: 'invalid_token' });
  });

  it('refuses an expired access token as "Token expired"', async () => {
    const shortIdp = await startIdp(1);
    const shortApi = await startApi({ issuer: shortIdp.issuer });
    const { access_token } = await signIn({
      idp: shortIdp,
      clientId,
      redirectUri,
      username: 'therapist',
      password: 'therapist',
    });
    const expiresAtMs = (decodeJwt(access_token).exp ?? 0) * 1000;
    await sleep(Math.max(0, expiresAtMs - Date.now()) + 50);
    const response = await call('/api/v1/me', { token: access_token }, shortApi);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(invalidToken('Token expired'));
  });

  it('names a wrong issuer and a wrong audience', async () => {
    const jwksUri = `${idp.issuer}/protocol/openid-connect/certs`;
    const otherIssuer = await startApi({ issuer: 'http://127.0.0.1:1/auth/realms/other', jwksUri });
    const otherAudience = await startApi({ issuer: idp.issuer, audience: 'another-api' });
    const token = therapist.access_token;
    const issuerResponse = await call('/api/v1/me', { token }, otherIssuer);
    const audienceResponse = await call('/api/v1/me', { token }, otherAudience);
    expect(issuerResponse.headers.get('www-authenticate')).toBe(invalidToken('Wrong issuer'));
    expect(audienceResponse.headers.get('www-authenticate')).toBe(invalidToken('Wrong audience'));
  });

  it('answers 503 with a message when the IdP cannot be reached for its keys', async () => {
    const orphan = await startApi({ issuer: 'http://127.0.0.1:1/auth/realms/abrumet' });
    const response = await call('/api/v1/me', { token: therapist.access_token }, orphan);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      error: 'idp_unavailable',
      message: expect.stringContaining('IdP'),
    });
  });

  it('refuses a non-Bearer Authorization header with 400 invalid_request', async () => {
    const response = await call('/api/v1/me', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="abrumet", error="invalid_request"/,
    );
  });

  it('forbids a patient the patient list with 403 insufficient_scope, but answers /me', async () => {
    const list = await call('/api/v1/patients', { token: patient.access_token });
    expect(list.status).toBe(403);
    expect(list.headers.get('www-authenticate')).toBe(
      'Bearer realm="abrumet", error="insufficient_scope", error_description="Requires realm role therapist"',
    );
    const me = await call('/api/v1/me', { token: patient.access_token });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      preferred_username: 'patient',
      name: 'Pat Patient',
      email: 'patient@abrumet.local',
      roles: expect.arrayContaining(['patient']),
      azp: clientId,
      exp: expect.any(Number),
    });
  });

  it('lets a therapist list, create, update and delete patients', async () => {
    const token = therapist.access_token;
    const list = await call('/api/v1/patients', { token });
    expect(list.status).toBe(200);
    expect((await list.json()).length).toBeGreaterThan(0);

    const json = { 'Content-Type': 'application/json' };
    const created = await call('/api/v1/patients', {
      token,
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'Dana Test' }),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect(id).toEqual(expect.any(String));

    const updated = await call(`/api/v1/patients/${id}`, {
      token,
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ name: 'Dana Renamed' }),
    });
    expect(await updated.json()).toEqual({ id, name: 'Dana Renamed' });
    expect((await call(`/api/v1/patients/${id}`, { token, method: 'DELETE' })).status).toBe(204);
    expect((await call(`/api/v1/patients/${id}`, { token, method: 'DELETE' })).status).toBe(404);
  });

  it('answers an unknown path with 404 JSON', async () => {
    const response = await call('/api/v1/nothing-here', { token: therapist.access_token });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });

  describe('CORS', () => {
    it('lets the portal read a 401 and its WWW-Authenticate header', async () => {
      const response = await call('/api/v1/patients', { origin: portal });
      expect(response.status).toBe(401);
      expect(response.headers.get('access-control-allow-origin')).toBe(portal);
      expect(response.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
    });

    it('answers the portal’s preflight and gives other origins nothing', async () => {
      const preflight = (origin: string) =>
        call('/api/v1/patients', {
          method: 'OPTIONS',
          origin,
          headers: {
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'authorization',
          },
        });
      const allowed = await preflight(portal);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(portal);
      expect(allowed.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
      expect(allowed.headers.get('access-control-allow-methods')).toContain('DELETE');
      expect((await preflight(otherOrigin)).headers.get('access-control-allow-origin')).toBeNull();
      const other = await call('/api/v1/me', { origin: otherOrigin, token: therapist.access_token });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('sends no CORS headers from the no-cors fixture, not even on its preflight', async () => {
      const response = await call('/api/v1/fixtures/no-cors', {
        origin: portal,
        token: therapist.access_token,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await call('/api/v1/fixtures/no-cors', {
        method: 'OPTIONS',
        origin: portal,
        headers: { 'Access-Control-Request-Method': 'GET' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
