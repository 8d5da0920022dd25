import type { User } from 'oidc-client-ts';
import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../test/fakeJwt.ts';
import { identityAfter, identityBefore, identityChanged, keepRefreshToken } from './refreshChecks.ts';

const access = (sub: string, preferred_username?: string) => fakeJwt({ sub, preferred_username });
const user = (accessToken: string, profileSub = 'sub-t'): Pick<User, 'access_token' | 'profile'> => ({
  access_token: accessToken,
  profile: { sub: profileSub, iss: 'x', aud: 'y', exp: 0, iat: 0, preferred_username: 'therapist' },
});

describe('identityChanged', () => {
  it('case 30: catches a refresh answer whose access token is for another user', () => {
    const before = identityBefore(user(access('sub-t', 'therapist')));
    const after = identityAfter({ access_token: access('sub-p', 'patient') });
    expect(identityChanged(before, after)).toEqual({ before: 'therapist', after: 'patient' });
  });

  it('takes the same user, and cannot judge opaque access tokens (the ID token check remains)', () => {
    const before = identityBefore(user(access('sub-t', 'therapist')));
    expect(identityChanged(before, identityAfter({ access_token: access('sub-t', 'therapist') }))).toBeNull();
    expect(identityChanged(before, identityAfter({ access_token: 'opaque-token' }))).toBeNull();
  });

  it("falls back to the ID token's subject when the old access token is opaque", () => {
    const before = identityBefore(user('opaque-token', 'sub-t'));
    expect(before).toEqual({ sub: 'sub-t', who: 'therapist' });
    expect(identityChanged(before, identityAfter({ access_token: access('sub-p') }))).toEqual({
      before: 'therapist',
      after: 'sub-p',
    });
  });
});

describe('keepRefreshToken', () => {
  it.each([
    ['a new one came', 'old', 'new', false, { keep: true, rotated: true }],
    ['none came, rotation never seen: kept', 'old', 'old', false, { keep: true, rotated: false }],
    [
      'none came after the realm rotated before: spent, dropped',
      'old',
      'old',
      true,
      { keep: false, rotated: false },
    ],
    ['none before, none now', undefined, undefined, true, { keep: true, rotated: false }],
  ] as const)('case 31: %s', (_, previous, next, rotationSeen, decision) => {
    expect(keepRefreshToken(previous, next, rotationSeen)).toEqual(decision);
  });
});
