import { setTimeout as sleep } from 'node:timers/promises';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdp, type Idp } from '../idp/createIdp.ts';
import { signIn, type TokenResponse } from '../testing/signIn.ts';
import { testPortal } from '../testing/testPortal.ts';
import { createGoApi, GO_API_NAME, goPrerequisites } from './goApi.ts';
import type { ResourceServer, ResourceServerOptions } from './resourceServer.ts';

const missing = goPrerequisites();
const required = process.env.ABRUMET_REQUIRE_RESOURCE_SERVERS === '1';
const { origin: portal, otherOrigin, clientId, redirectUri } = testPortal;

// The answers of auth0/go-jwt-middleware v2's DefaultErrorHandler: JSON, and no WWW-Authenticate.
const missingJwt = '{"message":"JWT is missing."}';
const invalidJwt = '{"message":"JWT is invalid."}';
const somethingWrong = '{"message":"Something went wrong while checking the JWT."}';

const closers: Array<() => Promise<void>> = [];
let idp: Idp;
let api: ResourceServer;
let therapist: TokenResponse;
let patient: TokenResponse;

async function startIdp(accessTokenTtl: number): Promise<Idp> {
  const started = await createIdp(testPortal.idpOptions({ accessTokenTtl }));
  closers.push(started.close);
  return started;
}

async function startApi(options: Partial<ResourceServerOptions> & { issuer: string }) {
  const started = await createGoApi({ allowedOrigins: [portal], ...options });
  closers.push(started.close);
  return started;
}

function call(path: string, init: RequestInit & { token?: string; origin?: string } = {}, base = api) {
  const { token, origin, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
  if (origin !== undefined) headers.set('Origin', origin);
  return fetch(`${base.url}${path}`, { ...rest, headers, redirect: 'manual' });
}

/** What a client sees of an answer: the parts the portal explains. */
async function seen(response: Response) {
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    wwwAuthenticate: response.headers.get('www-authenticate'),
    body: await response.text(),
  };
}

describe('goPrerequisites', () => {
  const probe = (output: string | undefined) => () => output;
  it('says how to get Go when `go version` fails, and names a Go too old', () => {
    expect(goPrerequisites({}, probe(undefined))).toMatch(
      /^Go is missing \(`go version` failed\): install Go 1\.24/,
    );
    expect(goPrerequisites({ GOROOT: '/opt/go' }, probe(undefined))).toContain(
      '`/opt/go/bin/go version` failed',
    );
    expect(goPrerequisites({}, probe('go version go1.22.5 linux/amd64\n'))).toBe(
      'go version go1.22.5 linux/amd64 is too old: install Go 1.24 or newer from https://go.dev/dl/.',
    );
  });
  it('is satisfied by Go 1.24 and newer', () => {
    expect(goPrerequisites({}, probe('go version go1.24.0 linux/amd64\n'))).toBeUndefined();
    expect(goPrerequisites({}, probe('go version go1.26.8 linux/amd64\n'))).toBeUndefined();
  });
});

describe.skipIf(missing !== undefined && !required)(GO_API_NAME, () => {
  beforeAll(async () => {
    idp = await startIdp(60);
    api = await startApi({ issuer: idp.issuer });
    const user = (username: string) => signIn({ idp, clientId, redirectUri, username, password: username });
    [therapist, patient] = await Promise.all([user('therapist'), user('patient')]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(closers.map((close) => close()));
  });

  it('answers a request without a token with 400 "JWT is missing." and no challenge', async () => {
    expect(await seen(await call('/api/v1/me'))).toEqual({
      status: 400,
      contentType: 'application/json',
      wwwAuthenticate: null,
      body: missingJwt,
    });
  });

  it.each([
    ['garbage', () => 'garbage'],
    ['a tampered signature', () => `${therapist.access_token.slice(0, -4)}AAAA`],
    // Its aud is the portal, not the API: refused for the audience (the library does not look at typ).
    ['an ID token', () => therapist.id_token ?? ''],
  ])('refuses %s with 401 "JWT is invalid." and no challenge', async (_name, token) => {
    expect(await seen(await call('/api/v1/me', { token: token() }))).toEqual({
      status: 401,
      contentType: 'application/json',
      wwwAuthenticate: null,
      body: invalidJwt,
    });
  });

  it('answers a non-Bearer Authorization header with 500 (the default handler knows no other error)', async () => {
    const response = await call('/api/v1/me', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    expect(await seen(response)).toEqual({
      status: 500,
      contentType: 'application/json',
      wwwAuthenticate: null,
      body: somethingWrong,
    });
  });

  it('refuses a token for another audience, and any token when the IdP is down, with the same 401', async () => {
    const otherAudience = await startApi({ issuer: idp.issuer, audience: 'another-api' });
    const orphan = await startApi({ issuer: 'http://127.0.0.1:1/auth/realms/abrumet' });
    for (const server of [otherAudience, orphan]) {
      const response = await call('/api/v1/me', { token: therapist.access_token }, server);
      expect(await seen(response)).toEqual({
        status: 401,
        contentType: 'application/json',
        wwwAuthenticate: null,
        body: invalidJwt,
      });
    }
  });

  it('refuses an expired access token with the same 401, and a leeway lets it through', async () => {
    const shortIdp = await startIdp(1);
    const strict = await startApi({ issuer: shortIdp.issuer });
    const lenient = await startApi({ issuer: shortIdp.issuer, clockLeewaySeconds: 60 });
    const { access_token } = await signIn({
      idp: shortIdp,
      clientId,
      redirectUri,
      username: 'therapist',
      password: 'therapist',
    });
    const expiresAtMs = (decodeJwt(access_token).exp ?? 0) * 1000;
    await sleep(Math.max(0, expiresAtMs - Date.now()) + 1050);
    expect((await seen(await call('/api/v1/me', { token: access_token }, strict))).body).toBe(invalidJwt);
    expect((await call('/api/v1/me', { token: access_token }, lenient)).status).toBe(200);
  });

  it('forbids a patient the patient list with 403 and a JSON message, but answers /me', async () => {
    expect(await seen(await call('/api/v1/patients', { token: patient.access_token }))).toEqual({
      status: 403,
      contentType: 'application/json',
      wwwAuthenticate: null,
      body: '{"message":"Insufficient role."}\n',
    });
    const me = await call('/api/v1/me', { token: patient.access_token });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ username: 'patient' });
  });

  it('answers a therapist the patient list', async () => {
    const response = await call('/api/v1/patients', { token: therapist.access_token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'p-001' })]));
  });

  it('lets the portal read its errors (CORS), and answers the preflight without a token', async () => {
    const preflight = await call('/api/v1/patients', {
      method: 'OPTIONS',
      origin: portal,
      headers: { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(portal);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization');
    const refused = await call('/api/v1/me', { token: 'garbage', origin: portal });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(portal);
    expect(refused.headers.get('access-control-expose-headers')).toBe('Www-Authenticate');
    const foreign = await call('/api/v1/me', { token: 'garbage', origin: otherOrigin });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
