import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../config/types.ts';
import { describeDiscovery } from './describeDiscovery.ts';
import type { DiscoveryFetch } from './fetchDiscovery.ts';

const authority = 'https://auth.example.org/auth/realms/abrumet';
const environment = { id: 'acceptance', label: 'Acceptance', authority } as EnvironmentConfig;
const url = `${authority}/.well-known/openid-configuration`;
const oidc = `${authority}/protocol/openid-connect`;

const keycloakMetadata = {
  issuer: authority,
  authorization_endpoint: `${oidc}/auth`,
  token_endpoint: `${oidc}/token`,
  device_authorization_endpoint: `${oidc}/auth/device`,
  userinfo_endpoint: `${oidc}/userinfo`,
  end_session_endpoint: `${oidc}/logout`,
  jwks_uri: `${oidc}/certs`,
  introspection_endpoint: `${oidc}/token/introspect`,
  code_challenge_methods_supported: ['plain', 'S256'],
};

const answer = (status: number, body: string, contentType = 'application/json', finalUrl = url) =>
  ({ kind: 'response', url, finalUrl, status, contentType, body }) satisfies DiscoveryFetch;
const json = (value: unknown) => answer(200, JSON.stringify(value));

describe('describeDiscovery', () => {
  it("lists a Keycloak realm's issuer and endpoints", () => {
    const view = describeDiscovery(json(keycloakMetadata), environment);
    expect(view).toMatchObject({ ok: true, issuer: authority, issuerMismatch: null, warnings: null });
    if (!view.ok) return;
    expect(view.endpoints.map((e) => [e.name, e.url])).toEqual([
      ['Authorization', `${oidc}/auth`],
      ['Token', `${oidc}/token`],
      ['Device authorization', `${oidc}/auth/device`],
      ['UserInfo', `${oidc}/userinfo`],
      ['End session', `${oidc}/logout`],
      ['JWKS (signing keys)', `${oidc}/certs`],
      ['Introspection', `${oidc}/token/introspect`],
    ]);
  });

  it.each([
    ['http://auth.example.org/auth/realms/abrumet', 'X-Forwarded-Proto'],
    ['https://keycloak-0.internal:8443/auth/realms/abrumet', 'KC_HOSTNAME'],
    ['https://auth.example.org/realms/abrumet', 'http-relative-path'],
    ['https://auth.example.org/auth/realms/Abrumet', 'case-sensitive'],
    ['https://auth.example.org/auth/realms/other', 'iss'],
  ])('flags the advertised issuer %s and says why (%s)', (issuer, cause) => {
    const view = describeDiscovery(json({ ...keycloakMetadata, issuer }), environment);
    expect(view.ok && view.issuerMismatch).toMatchObject({ configured: authority, advertised: issuer });
    expect(view.ok && view.issuerMismatch?.likelyCause).toContain(cause);
  });

  it.each([
    [{ end_session_endpoint: undefined }, 'Forget tokens here'],
    [{ code_challenge_methods_supported: ['plain'] }, 'S256'],
    [{ token_endpoint: undefined }, 'signing in cannot work'],
  ])('warns when %j', (change, words) => {
    const view = describeDiscovery(json({ ...keycloakMetadata, ...change }), environment);
    expect(view.ok && view.warnings?.reasons?.join(' ')).toContain(words);
  });

  it.each<[string, DiscoveryFetch, string, string]>([
    [
      "Keycloak's 404 for a wrong realm name",
      answer(404, '{"error":"Realm does not exist"}'),
      'realm-not-found',
      'The realm "abrumet" does not exist',
    ],
    ['any other 404', answer(404, 'Not Found', 'text/plain'), 'realm-not-found', 'not found (404)'],
    [
      'a proxy login page',
      answer(200, '<!DOCTYPE html><title>Corp SSO</title>', 'text/html', 'https://sso.example.org/login'),
      'html',
      'A web page came back',
    ],
    [
      'HTML served as JSON',
      answer(200, '<html><body>Maintenance</body></html>'),
      'html',
      'A web page came back',
    ],
    ['no response', { kind: 'network-error', url, message: 'Failed to fetch' }, 'network', 'did not answer'],
    [
      "Keycloak's unknown realm (404 without CORS, master realm fine)",
      {
        kind: 'network-error',
        url,
        message: 'Failed to fetch',
        probe: { server: 'hidden', masterRealm: true },
      },
      'realm-not-found',
      'does not exist',
    ],
    [
      'an answer hidden by CORS, with no master realm to compare',
      {
        kind: 'network-error',
        url,
        message: 'Failed to fetch',
        probe: { server: 'hidden', masterRealm: false },
      },
      'network',
      'the browser may not read',
    ],
    ['a cut body', answer(200, '{"issuer": "https://au'), 'invalid-json', 'not valid JSON'],
    ['JSON without an issuer', json({ status: 'UP' }), 'not-discovery', 'not an OpenID Connect'],
    ['a server error', answer(503, '{"error":"unavailable"}'), 'http-error', 'answered 503'],
  ])('explains %s', (_case, result, reason, title) => {
    const view = describeDiscovery(result, environment);
    expect(view).toMatchObject({ ok: false, kind: reason, tone: 'bad' });
    if (view.ok) return;
    expect(view.title).toContain(title);
    expect(view.detail?.length).toBeGreaterThan(30);
    expect(view.next.length).toBeGreaterThan(10);
  });

  it('names the page a proxy answered with and where it redirected', () => {
    const view = describeDiscovery(
      answer(
        200,
        '<html><head><title>Corp SSO</title></head></html>',
        'text/html',
        'https://sso.example.org/',
      ),
      environment,
    );
    expect(!view.ok && view.detail).toContain('"Corp SSO" (after a redirect to https://sso.example.org/)');
  });

  it('says what to check when CORS or CSP may be the cause', () => {
    const view = describeDiscovery({ kind: 'network-error', url, message: 'Failed to fetch' }, environment);
    expect(!view.ok && view.detail).toMatch(/CORS.*connect-src/);
  });
});
