import { describe, expect, it } from 'vitest';
import { readStartSettings, tokenLifetimeLine } from './startSettings.ts';

const keycloak = ['node', 'start.ts', '--keycloak'];
const embedded = ['node', 'start.ts'];
const admin = { KC_BOOTSTRAP_ADMIN_USERNAME: 'admin', KC_BOOTSTRAP_ADMIN_PASSWORD: 'admin' };

describe('readStartSettings', () => {
  it('npm start: the embedded IdP on the default ports, tokens as the realm says', () => {
    expect(readStartSettings({}, embedded)).toEqual({
      ok: true,
      settings: {
        command: 'npm start',
        portalPort: 5173,
        apiPort: 8181,
        realm: { kind: 'embedded', port: 8180 },
      },
    });
  });

  it.each([
    ['npm start', embedded, {}, { kind: 'embedded', port: 8180 }],
    ['npm run start:keycloak', keycloak, {}, { kind: 'new-keycloak', port: 8180 }],
    [
      'npm run start:keycloak with KEYCLOAK_URL and its admin',
      keycloak,
      { KEYCLOAK_URL: 'http://127.0.0.1:8080/auth/', ...admin },
      {
        kind: 'running-keycloak',
        url: 'http://127.0.0.1:8080/auth',
        adminCredentials: { username: 'admin', password: 'admin' },
      },
    ],
  ] as const)('ACCESS_TOKEN_TTL=30 %s: the realm is given 30 s access tokens', (_, argv, env, realm) => {
    const result = readStartSettings({ ACCESS_TOKEN_TTL: '30', ...env }, argv);
    expect(result).toMatchObject({ ok: true, settings: { accessTokenTtl: 30, realm } });
  });

  it('KEYCLOAK_URL without ACCESS_TOKEN_TTL needs no admin, as before', () => {
    expect(readStartSettings({ KEYCLOAK_URL: 'http://127.0.0.1:8080/auth' }, keycloak)).toMatchObject({
      ok: true,
      settings: { realm: { kind: 'running-keycloak', url: 'http://127.0.0.1:8080/auth' } },
    });
  });

  it('ACCESS_TOKEN_TTL with KEYCLOAK_URL but no admin is refused, saying what to set', () => {
    const result = readStartSettings({ ACCESS_TOKEN_TTL: '30', KEYCLOAK_URL: 'http://kc/auth' }, keycloak);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toContain(
      'set KC_BOOTSTRAP_ADMIN_USERNAME and KC_BOOTSTRAP_ADMIN_PASSWORD',
    );
  });

  it('lists every problem at once: a TTL and ports that are not numbers are never ignored', () => {
    const result = readStartSettings(
      { ACCESS_TOKEN_TTL: '30s', PORTAL_PORT: 'x', API_PORT: '70000' },
      keycloak,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        'ACCESS_TOKEN_TTL=30s is not a whole number of seconds: e.g. ACCESS_TOKEN_TTL=30 npm run start:keycloak.',
        'PORTAL_PORT=x is not a port number (1–65535).',
        'API_PORT=70000 is not a port number (1–65535).',
      ],
    });
  });

  it.each([['0'], ['-5'], ['2.5']])('refuses ACCESS_TOKEN_TTL=%s', (value) => {
    expect(readStartSettings({ ACCESS_TOKEN_TTL: value }, embedded).ok).toBe(false);
  });
});

describe('tokenLifetimeLine', () => {
  const settingsOf = (env: NodeJS.ProcessEnv, argv: string[]) => {
    const result = readStartSettings(env, argv);
    if (!result.ok) throw new Error(result.problems.join(' '));
    return result.settings;
  };

  it('says nothing when the realm keeps its own lifetime', () => {
    expect(tokenLifetimeLine(settingsOf({}, keycloak))).toBeUndefined();
  });

  it.each([
    [embedded, {}, 'Tokens  access tokens live 30 s (ACCESS_TOKEN_TTL: the embedded IdP)'],
    [keycloak, {}, "Tokens  access tokens live 30 s (ACCESS_TOKEN_TTL: the realm's Access Token Lifespan)"],
    [
      keycloak,
      { KEYCLOAK_URL: 'http://kc/auth', ...admin },
      "Tokens  access tokens live 30 s (ACCESS_TOKEN_TTL: the abrumet-portal client's Access Token Lifespan, put back when this stops)",
    ],
  ])('says where the 30 s are set (%j)', (argv, env, line) => {
    expect(tokenLifetimeLine(settingsOf({ ACCESS_TOKEN_TTL: '30', ...env }, argv))).toBe(line);
  });
});
