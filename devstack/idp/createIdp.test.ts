import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize } from '../testing/authorize.ts';
import { signIn } from '../testing/signIn.ts';
import { testPortal } from '../testing/testPortal.ts';
import { tokenRequest } from '../testing/tokenRequest.ts';
import { createIdp, type Idp } from './createIdp.ts';
import { users } from './users.ts';

const { origin: portal, otherOrigin, clientId, redirectUri } = testPortal;
const ttl = 8;
const therapist = { username: 'therapist', password: 'therapist' };

let idp: Idp;
const endpoint = (path: string) => `${idp.issuer}/protocol/openid-connect${path}`;
const client = () => ({ idp, clientId, redirectUri });

beforeAll(async () => {
  idp = await createIdp(testPortal.idpOptions({ accessTokenTtl: ttl }));
});

afterAll(async () => {
  await idp.close();
});

describe('createIdp', () => {
  it('publishes discovery with the issuer and Keycloak endpoint paths', async () => {
    const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
    const discovery = await response.json();
    expect(idp.issuer).toBe(`${idp.url}/auth/realms/abrumet`);
    expect(discovery).toMatchObject({
      issuer: idp.issuer,
      authorization_endpoint: endpoint('/auth'),
      token_endpoint: endpoint('/token'),
      jwks_uri: endpoint('/certs'),
      userinfo_endpoint: endpoint('/userinfo'),
      end_session_endpoint: endpoint('/logout'),
      revocation_endpoint: endpoint('/revoke'),
      introspection_endpoint: endpoint('/token/introspect'),
      code_challenge_methods_supported: ['S256'],
    });
  });

  it('answers the browser’s /favicon.ico with an icon, so the login page’s tab logs no 404', async () => {
    const response = await fetch(`${idp.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
    // An ICO file: reserved 0, type 1 (icon).
    expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 4)]).toEqual([0, 0, 1, 0]);
  });

  describe('authorization code + PKCE', () => {
    it('issues a Keycloak-shaped JWT access token, signed with the published keys', async () => {
      const tokens = await signIn({ ...client(), ...therapist });
      expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: ttl, scope: 'openid profile email' });
      expect(tokens.refresh_token).toEqual(expect.any(String));

      const jwks = createRemoteJWKSet(new URL(endpoint('/certs')));
      const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, {
        issuer: idp.issuer,
        audience: 'abrumet-api',
      });
      expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
      expect(payload).toMatchObject({
        typ: 'Bearer',
        azp: clientId,
        sub: users[0]?.sub,
        scope: 'openid profile email',
        aud: ['abrumet-api', 'account'],
        acr: '1',
        realm_access: {
          roles: ['offline_access', 'uma_authorization', 'therapist', 'default-roles-abrumet'],
        },
        resource_access: { account: { roles: ['manage-account', 'view-profile'] } },
        preferred_username: 'therapist',
        name: 'Theo Therapist',
        email: 'therapist@abrumet.local',
        email_verified: true,
        'allowed-origins': [portal],
      });
      expect(payload.sid).toEqual(expect.any(String));
      expect(payload.jti).toEqual(expect.any(String));
      expect(payload.auth_time).toEqual(expect.any(Number));
      expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(ttl);
    });

    it('issues an ID token with the profile and email claims', async () => {
      const tokens = await signIn({ ...client(), username: 'patient', password: 'patient' });
      const idToken = decodeJwt(tokens.id_token ?? '');
      expect(decodeProtectedHeader(tokens.id_token ?? '').alg).toBe('RS256');
      expect(idToken).toMatchObject({
        iss: idp.issuer,
        aud: clientId,
        typ: 'ID',
        preferred_username: 'patient',
        name: 'Pat Patient',
        email: 'patient@abrumet.local',
      });
    });

    it('refuses a code exchange without the code_verifier', async () => {
      const { code } = await authorize({ ...client(), ...therapist });
      const response = await tokenRequest(idp, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: clientId,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
    });
  });

  describe('refresh tokens', () => {
    it('rotates the refresh token and issues a new JWT access token for the API', async () => {
      const first = await signIn({ ...client(), ...therapist });
      const response = await tokenRequest(idp, {
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token ?? '',
        client_id: clientId,
      });
      const second = await response.json();
      expect(response.status).toBe(200);
      expect(second.refresh_token).toEqual(expect.any(String));
      expect(second.refresh_token).not.toBe(first.refresh_token);
      expect(decodeJwt(second.access_token)).toMatchObject({
        aud: ['abrumet-api', 'account'],
        typ: 'Bearer',
        azp: clientId,
      });
    });

    it('refuses a refresh token that was already used, with invalid_grant', async () => {
      const first = await signIn({ ...client(), ...therapist });
      const refresh = () =>
        tokenRequest(idp, {
          grant_type: 'refresh_token',
          refresh_token: first.refresh_token ?? '',
          client_id: clientId,
        });
      expect((await refresh()).status).toBe(200);
      const reused = await refresh();
      expect(reused.status).toBe(400);
      expect(await reused.json()).toMatchObject({ error: 'invalid_grant' });
    });
  });

  describe('CORS', () => {
    const badGrant = {
      grant_type: 'authorization_code',
      code: 'nope',
      client_id: clientId,
      redirect_uri: redirectUri,
    };

    it('allows the portal origin on a token endpoint error response', async () => {
      const response = await tokenRequest(idp, badGrant, { Origin: portal });
      expect(response.status).toBe(400);
      expect(response.headers.get('access-control-allow-origin')).toBe(portal);
      expect(response.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
    });

    it('refuses token requests from other origins as Keycloak does: 403 "Invalid origin", no CORS', async () => {
      const error = await tokenRequest(idp, badGrant, { Origin: otherOrigin });
      expect(error.status).toBe(403);
      expect(await error.json()).toEqual({ error: 'Invalid origin' });
      expect(error.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('answers discovery and preflights for any origin, as Keycloak does', async () => {
      const discovery = await fetch(`${idp.issuer}/.well-known/openid-configuration`, {
        headers: { Origin: otherOrigin },
      });
      const preflight = await fetch(endpoint('/token'), {
        method: 'OPTIONS',
        headers: { Origin: otherOrigin, 'Access-Control-Request-Method': 'POST' },
      });
      for (const response of [discovery, preflight]) {
        expect(response.headers.get('access-control-allow-origin')).toBe(otherOrigin);
      }
    });

    it('answers the portal’s preflight with the requested headers', async () => {
      const response = await fetch(endpoint('/token'), {
        method: 'OPTIONS',
        headers: {
          Origin: portal,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type, dpop',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(portal);
      expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, dpop');
    });
  });
});
