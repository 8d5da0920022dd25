import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize } from '../testing/authorize.ts';
import { CookieJar } from '../testing/cookieJar.ts';
import { testPortal } from '../testing/testPortal.ts';
import { tokenRequest } from '../testing/tokenRequest.ts';
import { createIdp, type Idp } from './createIdp.ts';
import { users } from './users.ts';

const { origin: portal, clientId, redirectUri } = testPortal;
const therapist = { username: 'therapist', password: 'therapist' };

let idp: Idp;
const endpoint = (path: string) => `${idp.issuer}/protocol/openid-connect${path}`;
const client = () => ({ idp, clientId, redirectUri });

async function exchange(code: string, codeVerifier: string) {
  const response = await tokenRequest(idp, {
    grant_type: 'authorization_code',
    code,
    code_verifier: codeVerifier,
    redirect_uri: redirectUri,
    client_id: clientId,
  });
  expect(response.status).toBe(200);
  return response.json();
}

/** The login page of a fresh authorization request (redirect followed with cookies). */
async function openLoginPage(jar = new CookieJar()) {
  const query = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  });
  const start = await jar.fetch(`${endpoint('/auth')}?${query}`);
  expect(start.status).toBe(303);
  const url = new URL(start.headers.get('location') ?? '', idp.url).href;
  const page = await jar.fetch(url);
  return { jar, url, page, html: await page.text() };
}

beforeAll(async () => {
  idp = await createIdp(testPortal.idpOptions());
});

afterAll(async () => {
  await idp.close();
});

describe('loginActions', () => {
  describe('login page', () => {
    it('shows a labelled form and the local test users', async () => {
      const { page, html, url } = await openLoginPage();
      expect(page.status).toBe(200);
      expect(new URL(url).pathname).toMatch(/^\/auth\/realms\/abrumet\/login-actions\/[\w-]+$/);
      expect(html).toContain('<title>Sign in to abrumet</title>');
      expect(html).toContain('<label for="username">Username</label>');
      expect(html).toContain('<label for="password">Password</label>');
      expect(html).toMatch(/<input id="password" name="password" type="password"/);
      expect(html).toContain('<button type="submit">Sign In</button>');
      for (const user of users) expect(html).toContain(`<td>${user.username}</td><td>${user.password}</td>`);
      expect(html).not.toContain('<div role="alert">');
    });

    it('answers a wrong password with the form again, HTTP 200 and Keycloak’s message', async () => {
      const { jar, url } = await openLoginPage();
      const response = await jar.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: 'therapist', password: 'wrong' }),
      });
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(html).toContain('<div role="alert">Invalid username or password.</div>');
      expect(html).toContain('value="therapist"');
    });

    it('escapes the username it echoes', async () => {
      const { jar, url } = await openLoginPage();
      const response = await jar.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: '"><script>alert(1)</script>', password: 'x' }),
      });
      const html = await response.text();
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    });
  });

  describe('browser session', () => {
    it('signs in again without the password, except when prompt=login asks for it', async () => {
      const jar = new CookieJar();
      expect((await authorize({ ...client(), ...therapist, jar })).loginPageShown).toBe(true);
      expect((await authorize({ ...client(), jar })).loginPageShown).toBe(false);
      // No consent screen either, even when one is asked for: this is a first-party client.
      expect((await authorize({ ...client(), jar, params: { prompt: 'consent' } })).loginPageShown).toBe(
        false,
      );
      const forced = await authorize({ ...client(), ...therapist, jar, params: { prompt: 'login' } });
      expect(forced.loginPageShown).toBe(true);
    });

    it('lets another user sign in with prompt=login, ending the first user’s session', async () => {
      const jar = new CookieJar();
      const first = await authorize({ ...client(), ...therapist, jar });
      const firstTokens = await exchange(first.code, first.codeVerifier);
      const { code, codeVerifier } = await authorize({
        ...client(),
        username: 'patient',
        password: 'patient',
        jar,
        params: { prompt: 'login' },
      });
      const tokens = await exchange(code, codeVerifier);
      expect(decodeJwt(tokens.access_token)).toMatchObject({ preferred_username: 'patient' });
      // As Keycloak's "Restart login" does: the first user's refresh token dies with its session.
      const refreshed = await tokenRequest(idp, {
        grant_type: 'refresh_token',
        refresh_token: firstTokens.refresh_token,
        client_id: clientId,
      });
      expect({ status: refreshed.status, body: await refreshed.json() }).toEqual({
        status: 400,
        body: { error: 'invalid_grant', error_description: 'Session not active' },
      });
    });

    it('ends the IdP session on RP-initiated logout and redirects to post_logout_redirect_uri', async () => {
      const jar = new CookieJar();
      const { code, codeVerifier } = await authorize({ ...client(), ...therapist, jar });
      const tokens = await exchange(code, codeVerifier);

      const logout = new URLSearchParams({
        id_token_hint: tokens.id_token,
        post_logout_redirect_uri: `${portal}/`,
        state: 'bye',
      });
      const page = await jar.fetch(`${endpoint('/logout')}?${logout}`);
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(html).toContain('document.forms[0].submit()');
      expect(html).toContain('>Sign out</button>');

      // What the page's script does: submit its form.
      const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
      const inputs = [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"\/>/g)];
      const confirmed = await jar.fetch(action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(inputs.map(([, name = '', value = '']) => [name, value])),
      });
      expect(confirmed.status).toBe(303);
      expect(confirmed.headers.get('location')).toBe(`${portal}/?state=bye`);

      await expect(authorize({ ...client(), jar })).rejects.toThrow(/login page/);
      const refreshed = await tokenRequest(idp, {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        client_id: clientId,
      });
      expect(refreshed.status).toBe(400);
    });
  });
});
