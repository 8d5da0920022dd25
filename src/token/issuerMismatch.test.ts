import { describe, expect, it } from 'vitest';
import { readToken } from '../shared/token/readToken.ts';
import { fakeJwt } from '../test/fakeJwt.ts';
import { issuerMismatch } from './issuerMismatch.ts';

const realm = 'https://auth.example.org/auth/realms/abrumet';
const from = (iss: string) => readToken(fakeJwt({ iss }));

describe('issuerMismatch', () => {
  it('accepts tokens from the configured realm', () => {
    expect(issuerMismatch(realm, [from(realm), from(`${realm}/`)])).toBeNull();
  });
  it('names the foreign issuer when one token comes from elsewhere', () => {
    const other = 'https://acc.example.org/auth/realms/abrumet';
    expect(issuerMismatch(realm, [from(realm), from(other)])).toContain(`issued by ${other}`);
  });
  it('ignores tokens it cannot decode', () => {
    expect(issuerMismatch(realm, [readToken('opaque')])).toBeNull();
  });
});
