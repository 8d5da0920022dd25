import { describe, expect, it } from 'vitest';
import { PORTAL_CLIENT_ID } from '../clients.ts';
import { abrumetRealm } from './realm.ts';

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
    const people = (realm.users as Json[]).filter((user) => user.serviceAccountClientId === undefined);
    expect(people).toEqual([
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

describe('the other clients of the realm', () => {
  const byId = (id: string) => clients.find((candidate) => candidate.clientId === id) as Json;

  it('has a confidential client for client credentials whose service account holds the role therapist', () => {
    expect(byId('abrumet-service')).toMatchObject({
      publicClient: false,
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: false,
    });
    // No secret in the repository: Keycloak generates one on import (the stack reads it).
    expect(byId('abrumet-service').secret).toBeUndefined();
    expect(realm.users).toContainEqual(
      expect.objectContaining({
        serviceAccountClientId: 'abrumet-service',
        realmRoles: expect.arrayContaining(['therapist']),
      }),
    );
  });

  it('has a public client for the device authorization grant only', () => {
    expect(byId('abrumet-cli')).toMatchObject({ publicClient: true, standardFlowEnabled: false });
    expect((byId('abrumet-cli').attributes as Json)['oauth2.device.authorization.grant.enabled']).toBe(
      'true',
    );
  });
});
