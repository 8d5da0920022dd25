import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../test/fakeJwt.ts';
import { allRoles, secondsLeft, tokenFacts } from './tokenFacts.ts';

describe('tokenFacts', () => {
  it('reads a Keycloak access token', () => {
    const facts = tokenFacts(
      fakeJwt({
        sub: 's1',
        preferred_username: 'therapist',
        jti: 'j1',
        typ: 'Bearer',
        iss: 'http://idp/realms/a',
        aud: 'abrumet-api',
        exp: 1000,
        realm_access: { roles: ['therapist', 7] },
        resource_access: { account: { roles: ['view-profile'] }, broken: 'x' },
      }),
    );
    expect(facts).toMatchObject({
      readable: true,
      sub: 's1',
      username: 'therapist',
      jti: 'j1',
      typ: 'Bearer',
      aud: ['abrumet-api'],
      realmRoles: ['therapist'],
      clientRoles: { account: ['view-profile'], broken: [] },
    });
    expect(allRoles(facts)).toEqual(['therapist', 'account:view-profile']);
    expect(secondsLeft(facts, 990_000)).toBe(10);
    expect(secondsLeft(facts, 1_004_500)).toBe(-5);
  });

  it('says why an opaque token cannot be read', () => {
    const facts = tokenFacts('opaque-reference');
    expect(facts.readable).toBe(false);
    expect(facts.problem).toMatch(/opaque/);
    expect(secondsLeft(facts, 0)).toBeUndefined();
  });
});
