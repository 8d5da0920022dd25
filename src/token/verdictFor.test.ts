import { describe, expect, it } from 'vitest';
import { decodeToken } from '../shared/token/decodeToken.ts';
import { fakeJwt } from '../test/fakeJwt.ts';
import { rolesOf } from './rolesOf.ts';
import { verdictFor } from './verdictFor.ts';

const token = (realmRoles: string[]) =>
  decodeToken(
    fakeJwt({
      realm_access: { roles: realmRoles },
      resource_access: { account: { roles: ['view-profile'] }, 'abrumet-api': { roles: ['reader'] } },
    }),
  );

describe('verdictFor', () => {
  it('says a therapist token can call the API', () => {
    expect(verdictFor(token(['offline_access', 'therapist']), 'therapist')).toMatchObject({
      kind: 'can-call',
    });
  });
  it('says a patient token lacks the role, and suggests why', () => {
    const verdict = verdictFor(token(['patient']), 'therapist');
    expect(verdict.kind).toBe('missing-role');
    expect(verdict.message).toContain('lacks the realm role therapist');
    expect(verdict.message).toContain('signed in as a patient?');
  });
  it('does not count a client role as the realm role', () => {
    expect(verdictFor(token(['reader']), 'reader').kind).toBe('can-call');
    expect(verdictFor(token([]), 'view-profile').kind).toBe('missing-role');
  });
  it('cannot judge an opaque token', () => {
    expect(verdictFor(decodeToken('opaque-reference'), 'therapist').kind).toBe('unknown');
  });
});

describe('rolesOf', () => {
  it('groups realm and client roles', () => {
    const decoded = token(['therapist']);
    expect(decoded.ok && rolesOf(decoded.payload)).toEqual({
      realm: ['therapist'],
      clients: [
        { client: 'account', roles: ['view-profile'] },
        { client: 'abrumet-api', roles: ['reader'] },
      ],
    });
  });
  it('ignores malformed role claims', () => {
    expect(rolesOf({ realm_access: { roles: 'therapist' }, resource_access: null })).toEqual({
      realm: [],
      clients: [],
    });
  });
});
