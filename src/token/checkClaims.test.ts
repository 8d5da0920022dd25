import { describe, expect, it } from 'vitest';
import { readToken } from '../shared/token/readToken.ts';
import { fakeJwt } from '../test/fakeJwt.ts';
import { type CheckContext, checkClaims } from './checkClaims.ts';

const issuer = 'https://auth.example.org/auth/realms/abrumet';
const access: CheckContext = {
  expected: { issuer, audience: 'abrumet-api', requiredRole: 'therapist' },
  portalOrigin: 'https://portal.example.org',
  use: 'access',
  clientId: 'portal',
};
const good = {
  iss: issuer,
  exp: 2,
  typ: 'Bearer',
  aud: ['abrumet-api', 'account'],
  'allowed-origins': ['https://portal.example.org'],
};
const header = { alg: 'RS256' };
const claimsOf = (payload: Record<string, unknown>, context = access, h: Record<string, unknown> = header) =>
  checkClaims(readToken(fakeJwt(payload, h)), context).map((c) => `${c.severity} ${c.claim}`);

describe('checkClaims', () => {
  it('passes a Keycloak access token made for this portal and API', () => {
    expect(claimsOf(good)).toEqual([]);
  });
  it.each([
    [{ ...good, iss: 'https://auth.example.org/auth/realms/other' }, 'error iss'],
    [{ ...good, iss: undefined }, 'error iss'],
    [{ ...good, typ: 'ID' }, 'error typ'],
    [{ ...good, aud: 'account' }, 'warning aud'],
    [{ ...good, 'allowed-origins': ['https://elsewhere.example.org'] }, 'warning allowed-origins'],
    [{ ...good, exp: undefined }, 'warning exp'],
  ])('flags %j', (payload, flag) => {
    expect(claimsOf(payload)).toEqual([flag]);
  });
  it('accepts a trailing slash difference in the issuer', () => {
    expect(claimsOf({ ...good, iss: `${issuer}/` })).toEqual([]);
  });
  it('flags an unsigned token', () => {
    expect(claimsOf(good, access, { alg: 'none' })).toEqual(['error alg']);
  });
  it('checks an ID token against the client id instead of the API', () => {
    const id: CheckContext = { ...access, use: 'id' };
    expect(claimsOf({ iss: issuer, exp: 2, aud: 'portal', typ: 'ID' }, id)).toEqual([]);
    expect(claimsOf({ iss: issuer, exp: 2, aud: 'other', typ: 'ID' }, id)).toEqual(['error aud']);
  });
  it('does not require an audience when none is configured', () => {
    const noAudience = { ...access, expected: { ...access.expected, audience: undefined } };
    expect(claimsOf({ ...good, aud: 'account' }, noAudience)).toEqual([]);
  });
});
