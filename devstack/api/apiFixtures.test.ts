import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdp, type Idp } from '../idp/createIdp.ts';
import { signIn, type TokenResponse } from '../testing/signIn.ts';
import { testPortal } from '../testing/testPortal.ts';
import { type Api, createApi } from './createApi.ts';

const { origin: portal, clientId, redirectUri } = testPortal;

let idp: Idp;
let api: Api;
let therapist: TokenResponse;
let patient: TokenResponse;

function call(path: string, init: RequestInit & { token?: string } = {}) {
  const { token, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
  return fetch(`${api.url}${path}`, { ...rest, headers, redirect: 'manual' });
}

beforeAll(async () => {
  idp = await createIdp(testPortal.idpOptions());
  api = await createApi({ issuer: idp.issuer, allowedOrigins: [portal] });
  const user = (username: string) => signIn({ idp, clientId, redirectUri, username, password: username });
  [therapist, patient] = await Promise.all([user('therapist'), user('patient')]);
});

afterAll(async () => {
  await Promise.all([api.close(), idp.close()]);
});

describe('apiFixtures', () => {
  const fixture = (name: string, init: RequestInit = {}) =>
    call(`/api/v1/fixtures/${name}`, { ...init, token: therapist.access_token });

  it('need the therapist role like the rest of the API', async () => {
    const response = await call('/api/v1/fixtures/html', { token: patient.access_token });
    expect(response.status).toBe(403);
  });

  it('redirect answers 302 to another origin', async () => {
    const response = await fixture('redirect');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://127.0.0.2:9/elsewhere');
  });

  it('html answers markup with a script in it', async () => {
    const response = await fixture('html');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<script>alert(1)</script><h1>Hello</h1>');
  });

  it.each([
    ['sso-login', 200, /^text\/html/, '<title>Sign in – Abrumet SSO</title>'],
    ['bad-gateway', 502, /^text\/html/, '<center>nginx/1.25.3</center>'],
    ['body-error', 401, /^application\/json/, '"error_description":"Token verification failed"'],
  ])('%s answers %s as a gateway, an SSO page or a terse API would', async (name, status, type, text) => {
    const response = await fixture(name);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(type);
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(await response.text()).toContain(text);
  });

  it('binary answers 2048 bytes of octet-stream', async () => {
    const response = await fixture('binary');
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect((await response.arrayBuffer()).byteLength).toBe(2048);
  });

  it('slow answers after the requested wait, and survives a client that gives up', async () => {
    await expect(fixture('slow?ms=5000', { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    const response = await fixture('slow?ms=20');
    expect(await response.json()).toEqual({ waitedMs: 20 });
  });

  it('large answers a JSON array of about the requested size', async () => {
    const response = await fixture('large?mb=1');
    const text = await response.text();
    expect(text.length).toBeGreaterThan(0.95 * 1024 * 1024);
    expect(text.length).toBeLessThanOrEqual(1024 * 1024);
    expect(JSON.parse(text).length).toBeGreaterThan(1000);
  });

  it('echo-authorization answers the Authorization header it got, in the body and a header', async () => {
    const response = await fixture('echo-authorization');
    expect(await response.json()).toEqual({ headers: { authorization: `Bearer ${therapist.access_token}` } });
    expect(response.headers.get('x-echo-authorization')).toBe(`Bearer ${therapist.access_token}`);
  });

  it('endless answers 200 and goes on for as long as the client reads', async () => {
    const response = await fixture('endless');
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    let bytes = 0;
    while (bytes < 4 * 1024 * 1024) bytes += (await reader?.read())?.value?.byteLength ?? 0;
    await reader?.cancel();
    expect(bytes).toBeGreaterThanOrEqual(4 * 1024 * 1024);
  });

  it('answer-without-cors passes the preflight, carries out the POST, and answers without CORS headers', async () => {
    const preflight = await call('/api/v1/fixtures/answer-without-cors', {
      method: 'OPTIONS',
      headers: {
        Origin: portal,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(portal);
    const created = await call('/api/v1/fixtures/answer-without-cors', {
      method: 'POST',
      token: therapist.access_token,
      headers: { Origin: portal, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Side Effect' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBeNull();
    const list = await call('/api/v1/patients', { token: therapist.access_token });
    expect(JSON.stringify(await list.json())).toContain('Side Effect');
  });
});
