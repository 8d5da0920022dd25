import { describe, expect, it } from 'vitest';
import { readToken } from '../../shared/token/readToken.ts';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { endsTabSession, isNewSignIn, sessionReplacedBy } from './realmSession.ts';
import type { TokenEvent } from './sessionEvents.ts';

const tab = { who: 'therapist', sid: 's1', offline: false };

describe('endsTabSession', () => {
  it.each([
    ['another user, another realm session', { who: 'patient', sid: 's2' }, true],
    ['the same user re-authenticated in the same session', { who: 'therapist', sid: 's1' }, false],
    ['the same user after ⟳ Restart login (a new session)', { who: 'therapist', sid: 's3' }, true],
    ['another user, tokens without sid', { who: 'patient', sid: undefined }, true],
    ['the same user, tokens without sid', { who: 'therapist', sid: undefined }, false],
    ['a pop-up that did not finish', { who: null, sid: undefined }, true],
  ])('%s → %s', (_, signIn, expected) => {
    expect(endsTabSession(tab, { at: 0, ...signIn })).toBe(expected);
  });

  it('never for a tab whose refresh token is an offline one', () => {
    expect(endsTabSession({ ...tab, offline: true }, { at: 0, who: 'patient', sid: 's2' })).toBe(false);
  });
});

describe('sessionReplacedBy', () => {
  const signedIn: TokenEvent = { type: 'signed-in', at: 1, who: 'therapist' };
  const patient: TokenEvent = { type: 'identity-sign-in', at: 2, who: 'patient', endsTabSession: true };
  const closed: TokenEvent = { type: 'identity-sign-in', at: 3, who: null, endsTabSession: true };
  const same: TokenEvent = { type: 'identity-sign-in', at: 4, who: 'therapist', endsTabSession: false };
  const refreshed: TokenEvent = { type: 'refreshed', at: 5, trigger: 'manual' };

  it.each<[string, TokenEvent[], ReturnType<typeof sessionReplacedBy>]>([
    ['none without an identity sign-in', [signedIn], undefined],
    ['the sign-in of another user', [signedIn, same, patient], { at: 2, who: 'patient' }],
    ['a finished one before one that did not finish', [signedIn, closed, patient], { at: 2, who: 'patient' }],
    ['a pop-up that did not finish, when nothing else', [signedIn, closed], { at: 3, who: null }],
    ['none once a refresh worked after it', [signedIn, closed, refreshed], undefined],
    ['none once the tab signed in again', [patient, signedIn], undefined],
    ['none for a sign-in that kept the session', [signedIn, same], undefined],
  ])('%s', (_, events, expected) => {
    expect(sessionReplacedBy(events)).toEqual(expected);
  });
});

describe('isNewSignIn', () => {
  const token = (claims: Record<string, string>) => readToken(fakeJwt(claims));
  it.each([
    ['a refresh (the same sid)', { sub: 'u1', sid: 's1' }, { sub: 'u1', sid: 's1' }, false],
    ['a new realm session of the same user', { sub: 'u1', sid: 's1' }, { sub: 'u1', sid: 's2' }, true],
    ['tokens without sid, the same user', { sub: 'u1' }, { sub: 'u1' }, false],
    ['tokens without sid, another user', { sub: 'u1' }, { sub: 'u2' }, true],
  ])('%s → %s', (_, before, after, expected) => {
    expect(isNewSignIn(token(before), token(after))).toBe(expected);
  });
});
