import { describe, expect, it } from 'vitest';
import { readToken } from '../../shared/token/readToken.ts';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { type CheckContext, checkClaims, issuerMixUp } from './checkClaims.ts';

const issuer = 'https://auth.example.org/auth/realms/abrumet';
const access: CheckContext = {
  expected: { issuer, audience: 'abrumet-api', requiredRole: 'therapist' },
  portalOrigin: 'https://portal.example.org',
  use: 'access',
  clientId: 'portal',
  serverNow: 1,
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
  checkClaims(readToken(fakeJwt(payload, h)), context).map((c) => `${c.tone} ${c.claim}`);

describe('checkClaims', () => {
  it('passes a Keycloak access token made for this portal and API', () => {
    expect(claimsOf(good)).toEqual([]);
  });
  it.each([
    [{ ...good, iss: 'https://auth.example.org/auth/realms/other' }, 'bad iss'],
    [{ ...good, iss: undefined }, 'bad iss'],
    [{ ...good, typ: 'ID' }, 'bad typ'],
    [{ ...good, aud: 'account' }, 'warn aud'],
    [{ ...good, 'allowed-origins': ['https://elsewhere.example.org'] }, 'warn allowed-origins'],
    [{ ...good, exp: undefined }, 'warn exp'],
  ])('flags %j', (payload, flag) => {
    expect(claimsOf(payload)).toEqual([flag]);
  });
  it('accepts a trailing slash difference in the issuer', () => {
    expect(claimsOf({ ...good, iss: `${issuer}/` })).toEqual([]);
  });
  it('flags an unsigned token', () => {
    expect(claimsOf(good, access, { alg: 'none' })).toEqual(['bad alg']);
  });
  it('checks an ID token against the client id instead of the API', () => {
    const id: CheckContext = { ...access, use: 'id' };
    expect(claimsOf({ iss: issuer, exp: 2, aud: 'portal', typ: 'ID' }, id)).toEqual([]);
    expect(claimsOf({ iss: issuer, exp: 2, aud: 'other', typ: 'ID' }, id)).toEqual(['bad aud']);
  });
  it('does not require an audience when none is configured', () => {
    const noAudience = { ...access, expected: { ...access.expected, audience: undefined } };
    expect(claimsOf({ ...good, aud: 'account' }, noAudience)).toEqual([]);
  });
});

const realm = 'https://auth.example.org/auth/realms/abrumet';
const from = (iss: string) => readToken(fakeJwt({ iss }));

describe('issuerMixUp', () => {
  it('accepts tokens from the configured realm', () => {
    expect(issuerMixUp(realm, [from(realm), from(`${realm}/`)])).toBeNull();
  });
  it('names the foreign issuer when one token comes from elsewhere', () => {
    const other = 'https://acc.example.org/auth/realms/abrumet';
    expect(issuerMixUp(realm, [from(realm), from(other)])?.detail).toContain(`issued by ${other}`);
  });
  it('ignores tokens it cannot decode', () => {
    expect(issuerMixUp(realm, [readToken('opaque')])).toBeNull();
  });
});
