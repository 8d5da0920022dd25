import { describe, expect, it } from 'vitest';
import { checkBearerTarget, resolveUrl } from './target.ts';

const environment = {
  api: {
    baseUrl: 'https://api.example.org',
    allowedOrigins: ['https://api.example.org', 'http://127.0.0.1:8181/', 'http://localhost:3000'],
    requiredRole: 'therapist',
  },
};

describe('checkBearerTarget', () => {
  it.each([
    'https://api.example.org/api/v1/me',
    'https://API.EXAMPLE.ORG:443/x',
    'http://127.0.0.1:8181/api/v1/me',
    'http://localhost:3000/',
  ])('case 33: allows %s (on the allowlist)', (url) => {
    expect(checkBearerTarget(url, environment).verdict).toBe('allowed');
  });

  it.each([
    ['a look-alike suffix', 'https://api.example.org.evil.com/x', 'https://api.example.org.evil.com'],
    ['a look-alike prefix', 'https://evilapi.example.org/x', 'https://evilapi.example.org'],
    ['a subdomain', 'https://a.api.example.org/x', 'https://a.api.example.org'],
    ['another port', 'https://api.example.org:8443/x', 'https://api.example.org:8443'],
    ['another loopback port', 'http://127.0.0.1:9999/x', 'http://127.0.0.1:9999'],
    ['http on an allowed https host', 'http://localhost:3001/x', 'http://localhost:3001'],
    ['IPv6 loopback', 'http://[::1]:8181/x', 'http://[::1]:8181'],
    ['an IDN look-alike (Cyrillic а)', 'https://аpi.example.org/x', 'https://xn--pi-6kc.example.org'],
  ])('case 33: asks before sending to %s, naming the origin', (_name, url, origin) => {
    const target = checkBearerTarget(url, environment);
    expect(target).toMatchObject({ verdict: 'confirm', origin });
    if (target.verdict === 'confirm') expect(target.message).toContain(origin);
  });

  it('does not ask again for an origin confirmed in this session', () => {
    expect(
      checkBearerTarget('https://other.example.org/x', environment, ['https://other.example.org']),
    ).toEqual({
      verdict: 'allowed',
      origin: 'https://other.example.org',
    });
    expect(
      checkBearerTarget(
        'https://other.example.org:444/x',
        environment,
        new Set(['https://other.example.org']),
      ).verdict,
    ).toBe('confirm');
  });

  it.each([
    ['userinfo that hides the real host', 'https://api.example.org@evil.com/x', 'credentials'],
    ['a user and password', 'https://u:p@api.example.org/x', 'credentials'],
    ['plain http to a remote host', 'http://api.example.org/x', 'insecure'],
    ['plain http to a look-alike of localhost', 'http://localhost.evil.com/x', 'insecure'],
    ['plain http even when confirmed', 'http://plain.example.org/x', 'insecure'],
    ['another scheme', 'ftp://api.example.org/x', 'scheme'],
    ['no URL at all', 'not a url', 'invalid-url'],
  ])('case 33: refuses %s', (_name, url, reason) => {
    expect(checkBearerTarget(url, environment, ['http://plain.example.org'])).toMatchObject({
      verdict: 'refused',
      reason,
    });
  });
});

describe('checkBearerTarget across environments', () => {
  const production = {
    label: 'Production',
    api: {
      baseUrl: 'https://api.abrumet.example',
      allowedOrigins: ['https://api.abrumet.example'],
      requiredRole: 'therapist',
    },
  };
  const acceptance = {
    label: 'Acceptance',
    api: {
      baseUrl: 'https://acc.api.abrumet.example',
      allowedOrigins: ['https://acc.api.abrumet.example', 'https://shared.abrumet.example'],
      requiredRole: 'therapist',
    },
  };

  it.each([
    [
      'a Production token to the Acceptance API',
      production,
      acceptance,
      'https://acc.api.abrumet.example/api/v1/me',
      'Acceptance',
    ],
    [
      'an Acceptance token to the Production API',
      acceptance,
      production,
      'https://api.abrumet.example/api/v1/me',
      'Production',
    ],
  ])('case 34: refuses %s, even when that origin was confirmed', (_, mine, other, url, owner) => {
    const target = checkBearerTarget(url, mine, [new URL(url).origin], [other]);
    expect(target).toMatchObject({ verdict: 'refused', reason: 'other-environment' });
    if (target.verdict === 'refused')
      expect(target.message).toBe(
        `${new URL(url).origin} is the ${owner} API: a ${mine.label} token never goes to another environment's API, confirmed or not.`,
      );
  });

  it("case 34: an origin on this environment's own allowlist stays allowed, even if another lists it too", () => {
    const both = {
      ...production,
      api: { ...production.api, allowedOrigins: ['https://shared.abrumet.example'] },
    };
    expect(checkBearerTarget('https://shared.abrumet.example/x', both, [], [acceptance]).verdict).toBe(
      'allowed',
    );
  });
});

describe('resolveUrl', () => {
  it.each([
    ['/api/v1/me', 'https://api.example.org', 'https://api.example.org/api/v1/me'],
    ['api/v1/me', 'https://api.example.org/', 'https://api.example.org/api/v1/me'],
    ['/api/v1/me', 'https://gw.example.org/abrumet', 'https://gw.example.org/abrumet/api/v1/me'],
    ['  /x?q=a b  ', 'http://127.0.0.1:8181', 'http://127.0.0.1:8181/x?q=a%20b'],
    ['?page=2', 'https://api.example.org/list', 'https://api.example.org/list?page=2'],
    ['https://other.example.org/y', 'https://api.example.org', 'https://other.example.org/y'],
    ['HTTP://API.Example.org:443/z', 'https://api.example.org', 'http://api.example.org:443/z'],
  ])('resolves %s against %s', (input, base, url) => {
    expect(resolveUrl(input, base)).toEqual({ ok: true, url });
  });

  it.each([
    ['', /Type a path/],
    ['//evil.example.org/x', /Add the scheme/],
    ['javascript:alert(1)', /Only http and https/],
    ['https://exa mple.org', /not a valid URL/],
  ])('refuses %j with a next step', (input, message) => {
    const result = resolveUrl(input, 'https://api.example.org');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
