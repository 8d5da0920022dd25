import { describe, expect, it } from 'vitest';
import { readConfig } from './readConfig.ts';

const environment = {
  id: 'acceptance',
  label: 'Acceptance',
  authority: 'https://acc.example.org/auth/realms/abrumet',
  clientId: 'portal',
  api: { baseUrl: 'https://api.acc.example.org/', requiredRole: 'therapist' },
};

describe('readConfig', () => {
  it('accepts a minimal environment and fills the defaults a user would expect', () => {
    const result = readConfig({ environments: [environment] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [env] = result.config.environments;
    expect(result.config.defaultEnvironment).toBe('acceptance');
    expect(env?.redirectUri).toBe('/callback/acceptance');
    expect(env?.scope).toBe('openid profile email');
    expect(env?.tokenStore).toBe('session');
    expect(env?.api.baseUrl).toBe('https://api.acc.example.org');
    expect(env?.api.allowedOrigins).toEqual(['https://api.acc.example.org']);
    expect(env?.realmTimeoutSeconds).toBe(15);
    expect(env?.api.clockLeewaySeconds).toBe(60);
    expect(env?.api).not.toHaveProperty('confirmOrigins');
    expect(result.config).not.toHaveProperty('cspReportUri');
  });

  it('reads the API clock leeway and the origins a user may confirm', () => {
    const api = { ...environment.api, clockLeewaySeconds: 5, confirmOrigins: ['https://mock.example.org/x'] };
    const result = readConfig({ environments: [{ ...environment, api }] });
    expect(result.ok && result.config.environments[0]?.api).toMatchObject({
      clockLeewaySeconds: 5,
      confirmOrigins: ['https://mock.example.org'],
    });
  });

  it.each([
    [
      { clockLeewaySeconds: -1 },
      'api.clockLeewaySeconds',
      'must be a whole number of seconds from 0 to 3600',
    ],
    [
      { clockLeewaySeconds: '60' },
      'api.clockLeewaySeconds',
      'must be a whole number of seconds from 0 to 3600',
    ],
    [{ confirmOrigins: 'https://x.example' }, 'api.confirmOrigins', 'must be a list of origins'],
    [{ confirmOrigins: ['not a url'] }, 'api.confirmOrigins[0]', 'must be an origin'],
  ])('refuses the api setting %j', (patch, at, message) => {
    const result = readConfig({ environments: [{ ...environment, api: { ...environment.api, ...patch } }] });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain(at);
    expect(JSON.stringify(result)).toContain(message);
  });

  it.each([['https://csp.example.org/report'], ['/csp-reports'], ['http://127.0.0.1:9000/csp']])(
    'case 49: takes %j as the CSP report address',
    (cspReportUri) => {
      const result = readConfig({ cspReportUri, environments: [environment] });
      expect(result.ok && result.config.cspReportUri).toBe(cspReportUri);
    },
  );

  it.each([
    [
      "https://csp.example.org/r; script-src 'unsafe-inline'",
      'must be a URL or a path, without spaces, quotes, commas or semicolons',
    ],
    ['csp.example.org/report', '"csp.example.org/report" is not an absolute http(s) URL'],
    ['//csp.example.org/report', '"//csp.example.org/report" is not an absolute http(s) URL'],
    [
      'http://csp.example.org/report',
      '"http://csp.example.org/report" must use https: (http: is only allowed for 127.0.0.1/localhost)',
    ],
    ['https://reporter:secret@csp.example.org/report', 'must not contain credentials'],
    [42, 'must be a URL or a path, without spaces, quotes, commas or semicolons'],
  ])('case 49: refuses %j as the CSP report address', (cspReportUri, problem) => {
    const result = readConfig({ cspReportUri, environments: [environment] });
    expect(result.ok ? [] : result.problems).toEqual([`config.cspReportUri: ${problem}`]);
  });

  it.each([[0], [301], ['15']])('case 27: refuses realmTimeoutSeconds %j', (realmTimeoutSeconds) => {
    const result = readConfig({ environments: [{ ...environment, realmTimeoutSeconds }] });
    expect(result.ok ? [] : result.problems).toContain(
      'environment "acceptance".realmTimeoutSeconds: must be a number of seconds from 1 to 300',
    );
  });

  it('lists every problem at once', () => {
    const result = readConfig({
      defaultEnvironment: 'prod',
      environments: [{ id: 'Bad Id', authority: 'http://auth.example.org/realms/x', api: {} }, 'oops'],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'environments[0].id: use lower-case letters, digits and dashes',
      'environments[0].authority: "http://auth.example.org/realms/x" must use https: (http: is only allowed for 127.0.0.1/localhost)',
      'environments[0].clientId: is missing',
      'environments[0].api.baseUrl: is missing',
      'environments[1]: must be an object',
      'config.defaultEnvironment: "prod" is not the id of an environment',
    ]);
  });

  it.each([
    [null, 'config.json: must be a JSON object'],
    [[], 'config.json: must be a JSON object'],
    [{}, 'environments: must list at least one environment'],
    [{ environments: [] }, 'environments: must list at least one environment'],
    [{ environments: [environment, environment] }, 'environments[1].id: "acceptance" is used twice'],
    [
      { environments: [{ ...environment, authority: 'not a url' }] },
      'environment "acceptance".authority: "not a url" is not an absolute http(s) URL',
    ],
    [
      { environments: [{ ...environment, authority: 'https://u:p@x.org/r' }] },
      'environment "acceptance".authority: must not contain credentials',
    ],
    [
      { environments: [{ ...environment, tokenStore: 'local' }] },
      'environment "acceptance".tokenStore: must be "session" or "memory"',
    ],
    [
      { environments: [{ ...environment, presets: [{ name: 'x', path: '/x', method: 'FETCH' }] }] },
      'environment "acceptance".presets[0].method: must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
    ],
    [{ adminEmail: 'nobody', environments: [environment] }, 'config.adminEmail: must be an e-mail address'],
  ])('reports %j as a problem', (raw, problem) => {
    const result = readConfig(raw);
    expect(result.ok ? [] : result.problems).toContain(problem);
  });

  it('allows http only on loopback, for the local stack', () => {
    const local = { ...environment, authority: 'http://127.0.0.1:8180/auth/realms/abrumet' };
    expect(readConfig({ environments: [local] }).ok).toBe(true);
  });
});
