import { describe, expect, it } from 'vitest';
import { readToken } from '../../shared/token/readToken.ts';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { keysFor, pastedToken } from './pastedToken.ts';

const jwt = fakeJwt({ iss: 'https://auth.example/auth/realms/abrumet', sub: 'x' });

describe('pastedToken', () => {
  it.each([
    [jwt, jwt],
    [`Bearer ${jwt}`, jwt],
    [`  bearer   ${jwt}\n`, jwt],
    [`Authorization: Bearer ${jwt}`, jwt],
    [`"${jwt}"`, jwt],
    [`${jwt.slice(0, 20)}\n${jwt.slice(20)}`, jwt],
    ['opaque-reference-token', 'opaque-reference-token'],
  ])('finds the token in %j', (text, token) => {
    expect(pastedToken(text)).toBe(token);
  });
});

describe('keysFor', () => {
  const environments = [
    { id: 'local', authority: 'http://127.0.0.1:8180/auth/realms/abrumet' },
    { id: 'prod', authority: 'https://auth.example/auth/realms/abrumet/' },
  ];
  it('names the configured realm of the issuer, trailing slash or not', () => {
    expect(keysFor(readToken(jwt), environments)).toEqual({
      kind: 'configured',
      environment: environments[1],
    });
  });
  it('refuses an issuer that is not configured, and says which', () => {
    const other = readToken(fakeJwt({ iss: 'https://evil.example/realms/x' }));
    expect(keysFor(other, environments)).toEqual({
      kind: 'unknown-issuer',
      iss: 'https://evil.example/realms/x',
    });
  });
  it('has nothing to check for an opaque token or a JWT without iss', () => {
    expect(keysFor(readToken('opaque-token'), environments).kind).toBe('not-signed-jwt');
    expect(keysFor(readToken(fakeJwt({ sub: 'x' })), environments).kind).toBe('no-issuer');
  });
});
