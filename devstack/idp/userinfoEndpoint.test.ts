import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../testing/signIn.ts';
import { testPortal } from '../testing/testPortal.ts';
import { createIdp, type Idp } from './createIdp.ts';
import { users } from './users.ts';

const { origin: portal, clientId, redirectUri } = testPortal;
const therapist = { username: 'therapist', password: 'therapist' };

let idp: Idp;
const endpoint = (path: string) => `${idp.issuer}/protocol/openid-connect${path}`;
const client = () => ({ idp, clientId, redirectUri });

beforeAll(async () => {
  idp = await createIdp(testPortal.idpOptions());
});

afterAll(async () => {
  await idp.close();
});

describe('userinfoEndpoint', () => {
  it('answers the user’s claims for the JWT access token', async () => {
    const tokens = await signIn({ ...client(), ...therapist });
    const response = await fetch(endpoint('/userinfo'), {
      headers: { Authorization: `Bearer ${tokens.access_token}`, Origin: portal },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(portal);
    expect(await response.json()).toEqual({
      sub: users[0]?.sub,
      preferred_username: 'therapist',
      name: 'Theo Therapist',
      given_name: 'Theo',
      family_name: 'Therapist',
      email: 'therapist@abrumet.local',
      email_verified: true,
    });
  });

  it('refuses a token that is not one of the realm’s access tokens', async () => {
    const tokens = await signIn({ ...client(), ...therapist });
    for (const token of ['garbage', tokens.id_token ?? '']) {
      const response = await fetch(endpoint('/userinfo'), {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(
        /^Bearer realm="abrumet", error="invalid_token", error_description="[^"]+"$/,
      );
    }
  });
});
