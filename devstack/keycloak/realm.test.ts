import { describe, expect, it } from 'vitest';
import { abrumetRealm, PORTAL_CLIENT_ID } from './realm.ts';

type Json = Record<string, unknown>;
const portal = 'http://127.0.0.1:6173';
const realm = abrumetRealm({
  portalOrigins: [portal],
  redirectUris: [`${portal}/callback/local`],
  postLogoutRedirectUris: [`${portal}/`],
});
const clients = realm.clients as Json[];
const client = clients.find((candidate) => candidate.clientId === PORTAL_CLIENT_ID) as Json;

describe('the abrumet realm export', () => {
  it('registers the portal as a public client: standard flow only, PKCE S256, exact URIs', () => {
    expect(client).toMatchObject({
      publicClient: true,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
      redirectUris: [`${portal}/callback/local`],
      webOrigins: [portal],
    });
    expect(client.attributes).toMatchObject({
      'pkce.code.challenge.method': 'S256',
      'post.logout.redirect.uris': `${portal}/`,
    });
    expect(JSON.stringify(client.redirectUris)).not.toContain('*');
  });

  it('puts the API in the audience of access tokens', () => {
    expect(client.protocolMappers).toContainEqual(
      expect.objectContaining({
        protocolMapper: 'oidc-audience-mapper',
        config: expect.objectContaining({
          'included.custom.audience': 'abrumet-api',
          'access.token.claim': 'true',
        }),
      }),
    );
  });

  it('issues 5-minute access tokens and single-use refresh tokens', () => {
    expect(realm).toMatchObject({
      realm: 'abrumet',
      accessTokenLifespan: 300,
      revokeRefreshToken: true,
      refreshTokenMaxReuse: 0,
    });
    expect(
      abrumetRealm({ portalOrigins: [], redirectUris: [], postLogoutRedirectUris: [] }, 6)
        .accessTokenLifespan,
    ).toBe(6);
  });

  it('saves user events, LOGIN_ERROR among them', () => {
    expect(realm.eventsEnabled).toBe(true);
    expect(realm.enabledEventTypes).toEqual(
      expect.arrayContaining(['LOGIN_ERROR', 'CODE_TO_TOKEN_ERROR', 'REFRESH_TOKEN_ERROR']),
    );
  });

  it('has the therapist and patient roles and users, with names and e-mails', () => {
    const roles = (realm.roles as { realm: Json[] }).realm.map((role) => role.name);
    expect(roles).toEqual(['therapist', 'patient']);
    expect(realm.users).toEqual([
      expect.objectContaining({
        username: 'therapist',
        firstName: 'Theo',
        email: 'therapist@abrumet.local',
        realmRoles: expect.arrayContaining(['therapist']),
      }),
      expect.objectContaining({
        username: 'patient',
        firstName: 'Pat',
        email: 'patient@abrumet.local',
        realmRoles: expect.arrayContaining(['patient']),
      }),
    ]);
  });
});
