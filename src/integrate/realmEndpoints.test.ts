import { describe, expect, it } from 'vitest';
import type { DiscoveryView, Endpoint } from '../shared/discovery/describeDiscovery.ts';
import { realmEndpoints } from './realmEndpoints.ts';

const authority = 'https://auth.example.org/auth/realms/abrumet';
const oidc = `${authority}/protocol/openid-connect`;
/** What the realm advertises, here on another host than Keycloak's paths would say. */
const advertised = 'https://sso.example.org/auth/realms/abrumet/protocol/openid-connect';

const view = (endpoints: Endpoint[], issuer = authority): DiscoveryView => ({
  ok: true,
  issuer,
  issuerMismatch: null,
  endpoints,
  warnings: null,
});
const all: Endpoint[] = [
  { key: 'authorization_endpoint', name: 'Authorization', url: `${advertised}/auth` },
  { key: 'token_endpoint', name: 'Token', url: `${advertised}/token` },
  { key: 'device_authorization_endpoint', name: 'Device authorization', url: `${advertised}/auth/device` },
  { key: 'userinfo_endpoint', name: 'UserInfo', url: `${advertised}/userinfo` },
  { key: 'end_session_endpoint', name: 'End session', url: `${advertised}/logout` },
  { key: 'jwks_uri', name: 'JWKS (signing keys)', url: `${advertised}/certs` },
  { key: 'introspection_endpoint', name: 'Introspection', url: `${advertised}/token/introspect` },
];

describe('realmEndpoints', () => {
  it("takes the realm's own URLs and issuer from its discovery document", () => {
    const endpoints = realmEndpoints(view(all, 'https://sso.example.org/auth/realms/abrumet'), authority);
    expect(endpoints).toEqual({
      source: 'discovery',
      issuer: 'https://sso.example.org/auth/realms/abrumet',
      urls: {
        authorization_endpoint: `${advertised}/auth`,
        token_endpoint: `${advertised}/token`,
        device_authorization_endpoint: `${advertised}/auth/device`,
        jwks_uri: `${advertised}/certs`,
        userinfo_endpoint: `${advertised}/userinfo`,
        end_session_endpoint: `${advertised}/logout`,
      },
      missing: [],
    });
  });

  it("names an endpoint the realm does not advertise, and gives Keycloak's path for it", () => {
    const withoutDevice = all.map((e) =>
      e.key === 'device_authorization_endpoint' ? { ...e, url: undefined } : e,
    );
    const endpoints = realmEndpoints(view(withoutDevice), authority);
    expect(endpoints.missing).toEqual(['device_authorization_endpoint']);
    expect(endpoints.urls.device_authorization_endpoint).toBe(`${oidc}/auth/device`);
    expect(endpoints.urls.token_endpoint).toBe(`${advertised}/token`);
  });

  it.each<[string, DiscoveryView | null, 'loading' | 'failed']>([
    ['while discovery is being read', null, 'loading'],
    [
      'when the realm cannot be read',
      { ok: false, kind: 'network', tone: 'bad', title: 'The realm did not answer', next: 'Check.' },
      'failed',
    ],
  ])("uses Keycloak's standard paths below the authority %s", (_when, discovery, source) => {
    const endpoints = realmEndpoints(discovery, `${authority}/`);
    expect(endpoints.source).toBe(source);
    expect(endpoints.issuer).toBe(authority);
    expect(endpoints.urls).toEqual({
      authorization_endpoint: `${oidc}/auth`,
      token_endpoint: `${oidc}/token`,
      device_authorization_endpoint: `${oidc}/auth/device`,
      jwks_uri: `${oidc}/certs`,
      userinfo_endpoint: `${oidc}/userinfo`,
      end_session_endpoint: `${oidc}/logout`,
    });
  });
});
