import { describe, expect, it } from 'vitest';
import { keptRefreshToken } from './refreshAnswer.ts';
import { refreshNotes } from './refreshNotes.ts';

const before = { refreshToken: 'rt-1', scope: 'openid profile email' };

describe('refreshNotes', () => {
  it('says nothing about a usual refresh: a new refresh token, the same scope in another order', () => {
    expect(refreshNotes(before, { refreshToken: 'rt-2', scope: 'email openid profile' })).toEqual([]);
  });

  it('case 31: an answer without refresh_token keeps the previous one as possibly spent, never claiming the realm does not rotate', () => {
    const [note] = refreshNotes(before, { ...before });
    expect(note).toMatchObject({ kind: 'refresh-token-kept', tone: 'warn' });
    expect(note?.title).toBe(
      'The answer held no new refresh token: the previous one is kept, but may already be spent',
    );
    expect(note?.detail).toContain('does not say whether the realm rotates them');
    expect(note?.next).toContain('if it ends the session, sign in again');
    expect(JSON.stringify(note)).not.toMatch(/does not rotate refresh tokens here/);
  });

  it('case 31: a kept refresh token the realm took again is kept without a warning', () => {
    const [note] = refreshNotes(before, { ...before }, true);
    expect(note).toMatchObject({ kind: 'refresh-token-kept', tone: 'info' });
    expect(note?.title).toBe('The realm took the kept refresh token again: it is kept for the next refresh');
  });

  it('keptRefreshToken: only an answer that left the previous refresh token in place', () => {
    expect(keptRefreshToken(before, { ...before })).toBe(true);
    expect(keptRefreshToken(before, { ...before, refreshToken: 'rt-2' })).toBe(false);
    expect(keptRefreshToken(before, { ...before, refreshToken: undefined })).toBe(false);
    expect(
      keptRefreshToken({ ...before, refreshToken: undefined }, { ...before, refreshToken: undefined }),
    ).toBe(false);
  });

  it('case 31: a spent refresh token dropped after rotation says the access token cannot be renewed', () => {
    const [note] = refreshNotes(before, { refreshToken: undefined, scope: before.scope });
    expect(note).toMatchObject({ kind: 'refresh-token-dropped', tone: 'warn' });
    expect(note?.next).toBe('Use this access token until it expires, then sign in again.');
  });

  it('case 31: a narrowed scope is shown with what was dropped', () => {
    const notes = refreshNotes(before, { refreshToken: 'rt-2', scope: 'openid profile' });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      kind: 'scope-changed',
      tone: 'warn',
      title: 'The refresh narrowed the scope: no longer granted: email',
    });
  });

  it('a widened scope is news, not a warning', () => {
    const [note] = refreshNotes(before, { refreshToken: 'rt-2', scope: `${before.scope} offline_access` });
    expect(note).toMatchObject({
      tone: 'info',
      title: 'The refresh changed the scope: newly granted: offline_access',
    });
  });
});
