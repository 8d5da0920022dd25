import { setTimeout as sleep } from 'node:timers/promises';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdp, type Idp } from '../idp/createIdp.ts';
import { signIn, type TokenResponse } from '../testing/signIn.ts';
import { testPortal } from '../testing/testPortal.ts';
import type { ResourceServer, ResourceServerOptions } from './resourceServer.ts';
import { createSpringApi, springPrerequisites } from './springApi.ts';

const { origin: portal, otherOrigin, clientId, redirectUri } = testPortal;
const required = process.env.ABRUMET_REQUIRE_RESOURCE_SERVERS === '1';
const missing = required ? undefined : springPrerequisites();
if (missing !== undefined) {
  console.warn(
    `Skipping the Spring Boot resource server tests: ${missing} (set ABRUMET_REQUIRE_RESOURCE_SERVERS=1 to fail instead)`,
  );
}

/** Spring Security 7 points every 401 at its protected resource metadata (RFC 9728). */
const metadataUrl = (server: ResourceServer) => `${server.url}/.well-known/oauth-protected-resource`;
const RFC6750 = 'error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"';
const decodeFailure = 'An error occurred while attempting to decode the Jwt';
const invalidToken = (server: ResourceServer, description: string) =>
  `Bearer error="invalid_token", error_description="${description}", ${RFC6750}, resource_metadata="${metadataUrl(server)}"`;

const closers: Array<() => Promise<void>> = [];
/** What Spring answered, printed at the end: the strings the portal's explanations are judged on. */
const answers: Array<{ case: string; status: number; wwwAuthenticate: string | null; body: string }> = [];

async function startIdp(accessTokenTtl: number): Promise<Idp> {
  const idp = await createIdp(testPortal.idpOptions({ accessTokenTtl }));
  closers.push(idp.close);
  return idp;
}
async function startSpring(options: Partial<ResourceServerOptions> & { issuer: string }) {
  const server = await createSpringApi({ allowedOrigins: [portal], ...options });
  closers.push(server.close);
  return server;
}
const user = (idp: Idp, username: string) =>
  signIn({ idp, clientId, redirectUri, username, password: username });

let idp: Idp;
let spring: ResourceServer;
let otherAudience: ResourceServer;
let therapist: TokenResponse;
let patient: TokenResponse;

function call(
  path: string,
  init: RequestInit & { token?: string; origin?: string } = {},
  base: ResourceServer = spring,
) {
  const { token, origin, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
  if (origin !== undefined) headers.set('Origin', origin);
  return fetch(`${base.url}${path}`, { ...rest, headers, redirect: 'manual' });
}

/** Calls, records the answer under `name`, and returns status, challenge and body. */
async function answer(name: string, path: string, token?: string, base: ResourceServer = spring) {
  const response = await call(path, { token, origin: portal }, base);
  const result = {
    case: name,
    status: response.status,
    wwwAuthenticate: response.headers.get('www-authenticate'),
    body: await response.text(),
  };
  answers.push(result);
  return { ...result, headers: response.headers };
}

describe.skipIf(missing !== undefined)('Spring Boot resource server (createSpringApi)', () => {
  beforeAll(async () => {
    idp = await startIdp(60);
    // Two JVMs at once: the second start mostly overlaps the first.
    [spring, otherAudience] = await Promise.all([
      startSpring({ issuer: idp.issuer }),
      startSpring({ issuer: idp.issuer, audience: 'another-api' }),
    ]);
    [therapist, patient] = await Promise.all([user(idp, 'therapist'), user(idp, 'patient')]);
  }, 10 * 60_000);

  afterAll(async () => {
    await Promise.all(closers.map((close) => close()));
    if (answers.length > 0) {
      console.log(`What ${spring?.name} answered:\n${JSON.stringify(answers, null, 2)}`);
    }
  }, 60_000);

  it('is named after the library and listens on 127.0.0.1', () => {
    expect(spring.name).toBe('Spring Boot 4.0.7 (spring-boot-starter-oauth2-resource-server)');
    expect(spring.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers a request without a token with 401, a bare Bearer challenge and no body', async () => {
    const { status, wwwAuthenticate, body, headers } = await answer('no token', '/api/v1/me');
    expect(status).toBe(401);
    expect(wwwAuthenticate).toBe(`Bearer resource_metadata="${metadataUrl(spring)}"`);
    expect(body).toBe('');
    // The portal may read the answer and its challenge.
    expect(headers.get('access-control-allow-origin')).toBe(portal);
    expect(headers.get('access-control-expose-headers')).toMatch(/WWW-Authenticate/i);
  });

  it('serves a therapist /me and the patient list', async () => {
    const me = await call('/api/v1/me', { token: therapist.access_token });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ username: 'therapist' });
    const list = await call('/api/v1/patients', { token: therapist.access_token });
    expect(list.status).toBe(200);
    expect(Array.isArray(await list.json())).toBe(true);
  });

  it('forbids a patient the patient list with 403 insufficient_scope, but answers /me', async () => {
    const { status, wwwAuthenticate, body } = await answer(
      'patient on /patients',
      '/api/v1/patients',
      patient.access_token,
    );
    expect(status).toBe(403);
    // No resource_metadata here: the token was fine, the role is missing.
    expect(wwwAuthenticate).toBe(
      `Bearer error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token.", ${RFC6750}`,
    );
    expect(body).toBe('');
    const me = await call('/api/v1/me', { token: patient.access_token });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ username: 'patient' });
  });

  it('refuses a malformed token with 401 invalid_token', async () => {
    const { status, wwwAuthenticate } = await answer('malformed token ("garbage")', '/api/v1/me', 'garbage');
    expect(status).toBe(401);
    expect(wwwAuthenticate).toBe(invalidToken(spring, `${decodeFailure}: Malformed token`));
  });

  it('serves the protected resource metadata its challenges point at', async () => {
    const response = await fetch(metadataUrl(spring));
    const body = await response.text();
    answers.push({ case: 'GET resource_metadata', status: response.status, wwwAuthenticate: null, body });
    expect(response.status).toBe(200);
  });

  it('refuses a tampered signature with 401 invalid_token', async () => {
    const tampered = `${therapist.access_token.slice(0, -4)}AAAA`;
    const { status, wwwAuthenticate, body } = await answer('tampered signature', '/api/v1/me', tampered);
    expect(status).toBe(401);
    expect(wwwAuthenticate).toBe(
      invalidToken(spring, `${decodeFailure}: Signed JWT rejected: Invalid signature`),
    );
    expect(body).toBe('');
  });

  it('refuses an ID token (its audience is the portal, not the API) with 401 invalid_token', async () => {
    const { status, wwwAuthenticate } = await answer('ID token', '/api/v1/me', therapist.id_token ?? '');
    expect(status).toBe(401);
    expect(wwwAuthenticate).toBe(invalidToken(spring, `${decodeFailure}: The aud claim is not valid`));
  });

  it('refuses an access token for another audience with 401 invalid_token', async () => {
    const { status, wwwAuthenticate } = await answer(
      'wrong audience (API requires another-api)',
      '/api/v1/me',
      therapist.access_token,
      otherAudience,
    );
    expect(status).toBe(401);
    expect(wwwAuthenticate).toBe(invalidToken(otherAudience, `${decodeFailure}: The aud claim is not valid`));
  });

  it('refuses an expired access token with 401 invalid_token', async () => {
    const shortIdp = await startIdp(2);
    const shortSpring = await startSpring({ issuer: shortIdp.issuer, clockLeewaySeconds: 0 });
    const { access_token } = await user(shortIdp, 'therapist');
    // Valid first (the API fetches the realm's discovery and keys now), then expired: no leeway.
    const fresh = await call('/api/v1/me', { token: access_token }, shortSpring);
    const expiresAtMs = (decodeJwt(access_token).exp ?? 0) * 1000;
    expect(fresh.status, 'the token expired before the API could be asked').toBe(200);
    await sleep(Math.max(0, expiresAtMs - Date.now()) + 1100);
    const { status, wwwAuthenticate } = await answer(
      'expired token (leeway 0)',
      '/api/v1/me',
      access_token,
      shortSpring,
    );
    expect(status).toBe(401);
    // java.time.Instant's ISO form: whole seconds, no fraction.
    const expiredAt = new Date(expiresAtMs).toISOString().replace('.000Z', 'Z');
    expect(wwwAuthenticate).toBe(invalidToken(shortSpring, `${decodeFailure}: Jwt expired at ${expiredAt}`));
  }, 120_000);

  it('allows a CORS preflight from the portal and exposes WWW-Authenticate', async () => {
    const response = await call('/api/v1/patients', {
      method: 'OPTIONS',
      origin: portal,
      headers: { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(portal);
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
    expect(response.headers.get('access-control-expose-headers')).toMatch(/WWW-Authenticate/i);
  });

  it('refuses a foreign origin', async () => {
    const preflight = await call('/api/v1/patients', {
      method: 'OPTIONS',
      origin: otherOrigin,
      headers: { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await call('/api/v1/me', { origin: otherOrigin, token: therapist.access_token });
    expect(simple.status).toBe(403);
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    answers.push({
      case: 'foreign origin preflight',
      status: preflight.status,
      wwwAuthenticate: preflight.headers.get('www-authenticate'),
      body: await preflight.text(),
    });
  });
});
