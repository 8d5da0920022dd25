import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../freePort.ts';
import { createIdp, type Idp } from '../idp/createIdp.ts';
import { signIn, type TokenResponse } from '../testing/signIn.ts';
import { testPortal } from '../testing/testPortal.ts';
import { createGoApi, goPrerequisites } from './goApi.ts';
import {
  createOauth2Proxy,
  OAUTH2_PROXY_VERSION,
  type Oauth2ProxyOptions,
  oauth2ProxyPrerequisites,
} from './oauth2Proxy.ts';
import type { ResourceServer } from './resourceServer.ts';

const missing = oauth2ProxyPrerequisites() ?? goPrerequisites();
const required = process.env.ABRUMET_REQUIRE_RESOURCE_SERVERS === '1';
const { origin: portal, clientId, redirectUri } = testPortal;

const closers: Array<() => Promise<void>> = [];
let idp: Idp;
let api: ResourceServer;
let redirect: ResourceServer;
let signInPage: ResourceServer;
let bearer: ResourceServer;
let therapist: TokenResponse;
let patient: TokenResponse;

function call(base: ResourceServer, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return fetch(`${base.url}${path}`, { method, headers, redirect: 'manual' });
}
const bearerOf = (token: string) => ({ Authorization: `Bearer ${token}` });
/** What a browser sends before a cross-origin request with Authorization. */
const preflight = {
  Origin: portal,
  'Access-Control-Request-Method': 'GET',
  'Access-Control-Request-Headers': 'authorization',
};

/** oauth2-proxy's "Sign In" page, as it serves it in place of the API's answer. */
async function expectSignInPage(response: Response) {
  expect(response.status).toBe(403);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate, max-age=0');
  expect(response.headers.get('www-authenticate')).toBeNull();
  expect(response.headers.get('access-control-allow-origin')).toBeNull();
  const html = await response.text();
  expect(html).toMatch(/^\s*<!DOCTYPE html>/);
  expect(html).toContain('<title>Sign In</title>');
  expect(html).toContain('<form method="GET" action="/oauth2/start">');
  expect(html).toContain('<input type="hidden" name="rd" value="/api/v1/me">');
  expect(html).toContain('Sign in with OpenID Connect</button>');
  expect(html).toContain(`OAuth2 Proxy</a> version ${OAUTH2_PROXY_VERSION}</p>`);
}

describe('oauth2ProxyPrerequisites', () => {
  it('asks for Go 1.26 (its go.mod) while the binary is not in the cache', () => {
    const env = { XDG_CACHE_HOME: '/nonexistent/abrumet-cache' };
    expect(oauth2ProxyPrerequisites(env, () => 'go version go1.25.3 linux/amd64')).toBe(
      'oauth2-proxy v7.15.6 is built with Go: go version go1.25.3 linux/amd64 is too old: install Go 1.26 or newer from https://go.dev/dl/.',
    );
    expect(oauth2ProxyPrerequisites(env, () => 'go version go1.26.0 linux/amd64')).toBeUndefined();
  });
});

describe.skipIf(missing !== undefined && !required)(`oauth2-proxy ${OAUTH2_PROXY_VERSION}`, () => {
  beforeAll(async () => {
    // The gateways' ports are chosen first so their callbacks can be registered on the portal's
    // client, which makes the 302 a sign-in the realm accepts.
    const [redirectPort, signInPagePort, bearerPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
    ]);
    const callbacks = [redirectPort, signInPagePort].map(
      (port) => `http://127.0.0.1:${port}/oauth2/callback`,
    );
    idp = await createIdp(
      testPortal.idpOptions({ accessTokenTtl: 60, redirectUris: [redirectUri, ...callbacks] }),
    );
    closers.push(idp.close);
    api = await createGoApi({ issuer: idp.issuer, allowedOrigins: [portal] });
    closers.push(api.close);
    const gateway = async (mode: Oauth2ProxyOptions['mode'], port: number | undefined) => {
      const started = await createOauth2Proxy({
        issuer: idp.issuer,
        upstream: `${api.url}/`,
        mode,
        clientId,
        allowedOrigins: [portal],
        port,
      });
      closers.push(started.close);
      return started;
    };
    // The first one builds oauth2-proxy when it is not in the cache yet (minutes, once).
    redirect = await gateway('redirect', redirectPort);
    [signInPage, bearer] = await Promise.all([
      gateway('sign-in-page', signInPagePort),
      gateway('bearer', bearerPort),
    ]);
    const user = (username: string) => signIn({ idp, clientId, redirectUri, username, password: username });
    [therapist, patient] = await Promise.all([user('therapist'), user('patient')]);
  }, 30 * 60_000);

  afterAll(async () => {
    await Promise.all(closers.map((close) => close()));
  });

  describe("mode 'redirect' (--skip-provider-button)", () => {
    it("answers an API call without a session with 302 to the realm's authorization endpoint", async () => {
      const response = await call(redirect, '/api/v1/me');
      expect(response.status).toBe(302);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('www-authenticate')).toBeNull();
      expect(response.headers.get('set-cookie')).toMatch(
        /^_oauth2_proxy_csrf=[^;]+; Path=\/; Max-Age=900; HttpOnly$/,
      );
      const location = new URL(response.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(`${idp.issuer}/protocol/openid-connect/auth`);
      const parameters = Object.fromEntries(location.searchParams);
      expect(parameters).toEqual({
        approval_prompt: 'force',
        client_id: clientId,
        code_challenge: expect.stringMatching(/^[\w-]{43}$/),
        code_challenge_method: 'S256',
        redirect_uri: `${redirect.url}/oauth2/callback`,
        response_type: 'code',
        scope: 'openid email profile',
        // A nonce, then where to go back: the path, URL-encoded once more.
        state: expect.stringMatching(/^[\w-]{43}:%2Fapi%2Fv1%2Fme$/),
      });
      const body = await response.text();
      expect(body).toBe(`<a href="${location.href.replaceAll('&', '&amp;')}">Found</a>.\n\n`);
      // Followed, it is a sign-in the realm accepts: on to its login page.
      const login = await fetch(location, { redirect: 'manual' });
      expect(login.status).toBe(303);
      expect(login.headers.get('location')).toMatch(/^\/auth\/realms\/abrumet\/login-actions\/[\w-]+$/);
    });

    it('sends a bearer token of the realm to the same sign-in (it reads only its cookie)', async () => {
      const response = await call(redirect, '/api/v1/me', bearerOf(therapist.access_token));
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toMatch(/\/protocol\/openid-connect\/auth\?/);
    });

    it('answers the CORS preflight with the same 302, without any CORS header', async () => {
      const response = await call(redirect, '/api/v1/me', preflight, 'OPTIONS');
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toMatch(/\/protocol\/openid-connect\/auth\?/);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('answers 401 {} instead when the request accepts application/json', async () => {
      const response = await call(redirect, '/api/v1/me', { Accept: 'application/json' });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.headers.get('www-authenticate')).toBeNull();
      expect(await response.text()).toBe('{}');
    });
  });

  describe("mode 'sign-in-page' (the default)", () => {
    it('serves its Sign In page with 403 in place of the API answer', async () => {
      await expectSignInPage(await call(signInPage, '/api/v1/me', { Origin: portal }));
    });

    it('serves the same page to a bearer token and to the CORS preflight', async () => {
      await expectSignInPage(await call(signInPage, '/api/v1/me', bearerOf(therapist.access_token)));
      await expectSignInPage(await call(signInPage, '/api/v1/me', preflight, 'OPTIONS'));
    });

    it('answers 401 {} instead when the request accepts application/json', async () => {
      const response = await call(signInPage, '/api/v1/me', { Accept: 'application/json' });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.text()).toBe('{}');
    });
  });

  describe("mode 'bearer' (--skip-jwt-bearer-tokens)", () => {
    it("passes a therapist's access token through to the API, which answers", async () => {
      const response = await call(bearer, '/api/v1/me', {
        ...bearerOf(therapist.access_token),
        Origin: portal,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      // The upstream's CORS headers come through, and oauth2-proxy adds who it let in.
      expect(response.headers.get('access-control-allow-origin')).toBe(portal);
      expect(response.headers.get('gap-auth')).toBe('therapist@abrumet.local');
      expect(await response.json()).toEqual({ username: 'therapist' });
      const list = await call(bearer, '/api/v1/patients', bearerOf(therapist.access_token));
      expect(list.status).toBe(200);
    });

    it("passes a patient's token through: the 403 is the API's", async () => {
      const response = await call(bearer, '/api/v1/patients', bearerOf(patient.access_token));
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.headers.get('gap-auth')).toBe('patient@abrumet.local');
      expect(await response.text()).toBe('{"message":"Insufficient role."}\n');
    });

    it('lets an ID token whose aud is its client id through too: the 401 is the API’s', async () => {
      const response = await call(bearer, '/api/v1/me', bearerOf(therapist.id_token ?? ''));
      expect(response.status).toBe(401);
      expect(response.headers.get('gap-auth')).toBe('therapist@abrumet.local');
      expect(await response.text()).toBe('{"message":"JWT is invalid."}');
    });

    it('serves its Sign In page to no token, a tampered token, garbage and the preflight', async () => {
      await expectSignInPage(await call(bearer, '/api/v1/me'));
      await expectSignInPage(
        await call(bearer, '/api/v1/me', bearerOf(`${therapist.access_token.slice(0, -4)}AAAA`)),
      );
      await expectSignInPage(await call(bearer, '/api/v1/me', bearerOf('garbage')));
      await expectSignInPage(await call(bearer, '/api/v1/me', preflight, 'OPTIONS'));
    });

    it('lets the preflight through to the API with --skip-auth-preflight', async () => {
      const lenient = await createOauth2Proxy({
        issuer: idp.issuer,
        upstream: `${api.url}/`,
        mode: 'bearer',
        clientId,
        skipAuthPreflight: true,
      });
      closers.push(lenient.close);
      const response = await call(lenient, '/api/v1/me', preflight, 'OPTIONS');
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(portal);
      expect(response.headers.get('access-control-allow-headers')).toBe('authorization');
    });
  });
});
