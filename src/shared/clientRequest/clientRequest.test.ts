import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../config/types.ts';
import { CLIENT_KINDS, type ClientKind } from './clientKinds.ts';
import { type ClientRequestForm, clientRequest, mailtoFor } from './clientRequest.ts';

const acceptance: EnvironmentConfig = {
  id: 'acceptance',
  label: 'Acceptance',
  production: false,
  authority: 'https://acc.auth.example.org/auth/realms/abrumet',
  clientId: 'abrumet-debug-portal',
  redirectUri: '/callback/acceptance',
  scope: 'openid',
  tokenStore: 'session',
  realmTimeoutSeconds: 15,
  presets: [],
  api: {
    baseUrl: 'https://acc.api.example.org',
    allowedOrigins: [],
    requiredRole: 'therapist',
    audience: 'abrumet-api',
  },
};
const production = { ...acceptance, id: 'production', label: 'Production', production: true };

const form = (change: Partial<ClientRequestForm> = {}): ClientRequestForm => ({
  clientId: 'abrumet-debug-portal',
  environment: acceptance,
  redirectUri: 'https://portal.example.org/callback/acceptance',
  kind: 'spa',
  ...change,
});

describe('clientRequest', () => {
  it('lists what the realm admin needs for a web app, named as in the admin console', () => {
    const request = clientRequest(form());
    expect(request.problems).toEqual([]);
    expect(Object.fromEntries(request.rows)).toMatchObject({
      Realm: 'abrumet (https://acc.auth.example.org/auth/realms/abrumet)',
      'Client ID': 'abrumet-debug-portal',
      'Client authentication': 'Off (public client, no secret)',
      'PKCE code challenge method': 'S256',
      'Valid redirect URIs': 'https://portal.example.org/callback/acceptance',
      'Valid post logout redirect URIs': 'https://portal.example.org/',
      'Web origins': 'https://portal.example.org',
    });
  });

  it("asks for the API's audience mapper and names the realm role the API requires", () => {
    const rows = Object.fromEntries(clientRequest(form()).rows);
    expect(rows['Audience mapper']).toContain('adds “abrumet-api” to access tokens');
    expect(rows['Realm role for users of the API']).toBe('therapist');
  });

  it.each(CLIENT_KINDS.map((info) => [info.kind, info] as const))(
    'gives every %s checklist item the value of its table row',
    (kind, info) => {
      const request = clientRequest(form({ kind, redirectUri: info.exampleRedirectUri }));
      expect(request.problems).toEqual([]);
      const rows = Object.fromEntries(request.rows);
      for (const setting of request.settings) expect(rows[setting.name]).toBe(setting.value);
      expect(rows['Application type']).toBe(info.applicationType);
    },
  );

  it.each<[ClientKind, string, string]>([
    ['spa', 'Off (public client', 'Standard flow on'],
    ['server', 'On (confidential client', 'Standard flow on'],
    ['mobile', 'Off (public client', 'Standard flow on'],
    ['service', 'On (confidential client', 'Service accounts roles on'],
    ['device', 'Off (public client', 'OAuth 2.0 Device Authorization Grant on'],
  ])('asks for a %s: client authentication %s, %s', (kind, authentication, flow) => {
    const rows = Object.fromEntries(clientRequest(form({ kind })).rows);
    expect(rows['Client authentication']).toContain(authentication);
    expect(rows['Authentication flow']).toContain(flow);
    expect(rows['Authentication flow']).toContain('Implicit flow off');
  });

  it.each<ClientKind>(['service', 'device'])(
    'asks no redirect, PKCE or Web origins of a %s, and needs no callback',
    (kind) => {
      const request = clientRequest(form({ kind, redirectUri: '' }));
      expect(request.problems).toEqual([]);
      const names = request.settings.map((setting) => setting.name);
      for (const name of ['Valid redirect URIs', 'PKCE code challenge method', 'Web origins']) {
        expect(names).not.toContain(name);
      }
    },
  );

  it("gives a service's account the API's realm role instead of its users, and says why", () => {
    const service = clientRequest(form({ kind: 'service' }));
    const rows = Object.fromEntries(service.rows);
    expect(rows['Service account roles']).toBe('realm role therapist');
    expect(rows['Realm role for users of the API']).toBeUndefined();
    const why = service.settings.find((setting) => setting.name === 'Service account roles')?.why;
    expect(why).toContain('403 insufficient_scope');
  });

  it('asks no Web origins of a server-side web app: the server, not the browser, calls the realm', () => {
    const rows = Object.fromEntries(
      clientRequest(form({ kind: 'server', redirectUri: 'https://web.example.org/callback' })).rows,
    );
    expect(rows['Web origins']).toBe('none needed (no browser calls)');
    expect(rows['Valid post logout redirect URIs']).toBe('https://web.example.org/');
    expect(rows['PKCE code challenge method']).toBe('S256');
  });

  it('writes a Markdown table and an aligned plain-text table', () => {
    const request = clientRequest(form());
    const lines = request.markdown.split('\n');
    expect(lines[0]).toBe('| Setting | Value |');
    expect(lines).toContain('| Valid redirect URIs | https://portal.example.org/callback/acceptance |');
    expect(request.text).toMatch(/^Client ID {2,}abrumet-debug-portal$/m);
    expect(request.subject).toBe('Client registration request: abrumet-debug-portal in abrumet (Acceptance)');
  });

  it('asks nothing of Web origins for a mobile app', () => {
    const request = clientRequest(form({ kind: 'mobile', redirectUri: 'org.abrumet.app:/oauth2redirect' }));
    expect(request.problems).toEqual([]);
    expect(Object.fromEntries(request.rows)['Web origins']).toBe('none needed (no browser calls)');
    expect(Object.fromEntries(request.rows)['Application type']).toBe('Mobile app (native)');
  });

  it('escapes a pipe so the Markdown table keeps its columns', () => {
    expect(clientRequest(form({ clientId: 'a|b' })).markdown).toContain('| a\\|b |');
  });

  it.each<[Partial<ClientRequestForm>, string]>([
    [{ clientId: '' }, 'Client ID: fill in'],
    [{ clientId: 'my client' }, 'no spaces'],
    [{ redirectUri: '' }, 'Callback URI: fill it in'],
    [{ redirectUri: '/callback/acceptance' }, 'not an absolute URI'],
    [{ redirectUri: 'https://portal.example.org/cb#x' }, '#fragment'],
    [{ redirectUri: 'https://portal.example.org/*' }, 'wildcard'],
    [{ redirectUri: 'http://portal.example.org/cb' }, 'must use https:'],
    [{ redirectUri: 'org.abrumet.app:/cb' }, 'a web app gets an https: callback'],
    [{ environment: production, redirectUri: 'http://127.0.0.1:5173/callback/production' }, 'Production'],
    [{ kind: 'mobile', redirectUri: 'myapp:/callback' }, 'reverse domain name'],
    [{ kind: 'mobile', redirectUri: 'https://app.example.org/cb#x' }, '#fragment'],
  ])('refuses %j: %s', (change, problem) => {
    expect(clientRequest(form(change)).problems.join(' ')).toContain(problem);
  });

  it('accepts a loopback callback for Acceptance (a developer machine)', () => {
    expect(
      clientRequest(form({ redirectUri: 'http://127.0.0.1:5173/callback/acceptance' })).problems,
    ).toEqual([]);
  });
});

const mailRequest = clientRequest({
  clientId: 'abrumet-debug-portal',
  environment: {
    id: 'acceptance',
    label: 'Acceptance',
    production: false,
    authority: 'https://acc.auth.example.org/realms/abrumet',
    clientId: 'abrumet-debug-portal',
    redirectUri: '/callback/acceptance',
    scope: 'openid',
    tokenStore: 'session',
    realmTimeoutSeconds: 15,
    presets: [],
    api: { baseUrl: 'https://acc.api.example.org', allowedOrigins: [], requiredRole: 'therapist' },
  } satisfies EnvironmentConfig,
  redirectUri: 'https://portal.example.org/callback/acceptance',
  kind: 'spa',
});

describe('mailtoFor', () => {
  it('drafts a mail to the admin with the subject and the table in the body', () => {
    const mailto = mailtoFor(mailRequest, 'keycloak-admin@abrumet.example');
    const url = new URL(mailto ?? '');
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('keycloak-admin@abrumet.example');
    expect(url.searchParams.get('subject')).toBe(mailRequest.subject);
    expect(url.searchParams.get('body')).toContain(mailRequest.text);
  });

  it('offers no draft without an admin address', () => {
    expect(mailtoFor(mailRequest, undefined)).toBeNull();
  });
});
