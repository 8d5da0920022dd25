import { describe, expect, it } from 'vitest';
import { refreshNotes } from './refreshNotes.ts';

const before = { refreshToken: 'rt-1', scope: 'openid profile email' };

describe('refreshNotes', () => {
  it('says nothing about a usual refresh: a new refresh token, the same scope in another order', () => {
    expect(refreshNotes(before, { refreshToken: 'rt-2', scope: 'email openid profile' })).toEqual([]);
  });

  it('case 31: an answer without refresh_token keeps the previous one, and says so', () => {
    const [note] = refreshNotes(before, { ...before });
    expect(note?.kind).toBe('refresh-token-kept');
    expect(note?.title).toBe('The answer held no new refresh token: the previous one is kept');
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
