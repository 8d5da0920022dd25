import { describe, expect, it } from 'vitest';
import { CLIENT_KINDS, type ClientKind } from '../shared/clientRequest/clientKinds.ts';
import { acceptance, local, production } from '../test/environments.ts';
import { integrationGuide } from './guide.ts';

const guide = (kind: ClientKind, change: { clientId?: string; redirectUri?: string } = {}) =>
  integrationGuide({
    kind,
    environment: acceptance,
    discovery: null,
    clientId: '',
    redirectUri: '',
    ...change,
  });

describe('integrationGuide', () => {
  it.each<[ClientKind, RegExp, 'public' | 'confidential', string[]]>([
    ['spa', /^Authorization code \+ PKCE/, 'public', ['spa']],
    ['server', /confidential client/, 'confidential', ['server-node']],
    ['mobile', /system browser \(AppAuth\)/, 'public', ['android', 'ios']],
    ['service', /^Client credentials$/, 'confidential', ['client-credentials']],
    ['device', /^Device authorization grant/, 'public', ['device-flow']],
  ])('advises a %s the flow %s, as a %s client, with its code', (kind, flow, clientType, code) => {
    const { advice, code: snippets } = guide(kind);
    expect(advice.flow).toMatch(flow);
    expect(advice.clientType).toBe(clientType);
    expect(advice.why.length).toBeGreaterThanOrEqual(3);
    expect(snippets.map((snippet) => snippet.id)).toEqual(code);
  });

  it('says why a service needs the realm role on its service account', () => {
    expect(guide('service').advice.why.join(' ')).toMatch(
      /service account needs the realm role .*therapist.*403/,
    );
  });

  it('tells a mobile app never to use an embedded web view', () => {
    expect(guide('mobile').advice.why.join(' ')).toContain('Never an embedded web view');
  });

  it.each(CLIENT_KINDS.map((info) => [info.kind, info] as const))(
    'uses the %s example client and callback until the developer types theirs',
    (kind, info) => {
      expect(guide(kind)).toMatchObject({
        clientId: info.exampleClientId,
        redirectUri: info.exampleRedirectUri,
      });
      const typed = guide(kind, { clientId: ' my-client ', redirectUri: 'https://mine.example.org/cb' });
      expect(typed.clientId).toBe('my-client');
      expect(typed.redirectUri).toBe(info.redirect === 'none' ? '' : 'https://mine.example.org/cb');
      expect(typed.code.map((snippet) => snippet.code).join('\n')).toContain('my-client');
    },
  );

  it.each([acceptance, production, local])(
    "fills every snippet with $label's realm and API, and no secret or token",
    (environment) => {
      for (const { kind } of CLIENT_KINDS) {
        const result = integrationGuide({
          kind,
          environment,
          discovery: null,
          clientId: '',
          redirectUri: '',
        });
        const all = [...result.code, result.bearer, ...result.resourceServer.code]
          .map((s) => s.code)
          .join('\n');
        expect(all).toContain(environment.authority);
        expect(all).not.toMatch(/eyJ[\w-]+\.eyJ/); // no JWT
        // A secret only ever as the placeholder the developer replaces ('…') or reads from the environment.
        expect(all).not.toMatch(/CLIENT_SECRET\s*=\s*'(?!…')/);
      }
    },
  );

  it('shows the bearer on the environment’s first GET request, with $TOKEN', () => {
    expect(guide('spa').bearer.code).toContain(
      `curl --include 'https://acc.api.example.org/api/v1/me' \\\n  --header "Authorization: Bearer $TOKEN"`,
    );
  });

  it('gives the API team the issuer, keys, audience and realm role to check', () => {
    const rows = Object.fromEntries(
      guide('device').resourceServer.values.rows.map((row) => [row.name, row.value]),
    );
    expect(rows).toMatchObject({
      'Issuer (iss)': acceptance.authority,
      'JWKS (signing keys)': `${acceptance.authority}/protocol/openid-connect/certs`,
      'Audience (aud)': 'abrumet-api',
      'Realm role': 'therapist in realm_access.roles',
      'Token type (typ claim)': 'Bearer',
    });
  });

  it('gives AppAuth its values for a mobile app only', () => {
    expect(guide('spa').values).toEqual([]);
    const [appAuth] = guide('mobile').values;
    const rows = Object.fromEntries(appAuth?.rows.map((row) => [row.name, row.value]) ?? []);
    expect(rows).toMatchObject({
      Issuer: acceptance.authority,
      'Client ID': 'abrumet-mobile',
      'Client secret': 'none',
      'Redirect URI': 'org.abrumet.app:/oauth2redirect',
      'Redirect scheme': 'org.abrumet.app',
    });
  });
});
