import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { listRoles, readToken } from './readToken.ts';

describe('readToken', () => {
  it('reads a Keycloak access token once into the claims every feature uses', () => {
    const reading = readToken(
      fakeJwt({
        iss: 'https://auth.example.org/realms/abrumet',
        aud: 'abrumet-api',
        typ: 'Bearer',
        sub: 'u1',
        preferred_username: 'therapist',
        exp: 300,
        iat: 0,
        nbf: 0,
        realm_access: { roles: ['therapist', 7] },
        resource_access: { account: { roles: ['view-profile'] }, broken: null },
      }),
    );
    expect(reading).toMatchObject({
      readable: true,
      alg: 'RS256',
      typ: 'Bearer',
      aud: ['abrumet-api'],
      username: 'therapist',
      exp: 300,
      iat: 0,
      nbf: 0,
      roles: {
        realm: ['therapist'],
        clients: [
          { client: 'account', roles: ['view-profile'] },
          { client: 'broken', roles: [] },
        ],
      },
    });
  });

  it.each([
    ['', 'No token.'],
    ['opaque-reference-token', 'opaque token'],
    ['a.b.c.d.e', 'encrypted token'],
  ])('says why %j cannot be read', (raw, problem) => {
    const reading = readToken(raw);
    expect(reading.readable).toBe(false);
    expect(reading.problem).toContain(problem);
    expect(reading.aud).toEqual([]);
  });

  it('ignores claims of the wrong type instead of trusting them', () => {
    const reading = readToken(fakeJwt({ exp: '300', aud: ['a', 1], realm_access: 'therapist' }));
    expect(reading.exp).toBeUndefined();
    expect(reading.aud).toEqual(['a']);
    expect(reading.roles.realm).toEqual([]);
  });

  it('lists client roles as client:role, never as realm roles', () => {
    expect(
      listRoles({ realm: ['patient'], clients: [{ client: 'abrumet-api', roles: ['therapist'] }] }),
    ).toBe('patient, abrumet-api:therapist');
    expect(listRoles({ realm: [], clients: [] })).toBe('none');
  });
});
