import { describe, expect, it } from 'vitest';
import { tabSessionNote } from './tabSessionNote.ts';

describe('tabSessionNote', () => {
  it('warns that another user’s sign-in ends the tab’s realm session, and Refresh with it', () => {
    const note = tabSessionNote({ who: 'therapist', offline: false, ended: false });
    expect(note).toMatchObject({ kind: 'tab-session-ends', tone: 'warn' });
    expect(note.detail).toContain(
      'therapist’s token keeps working until it expires, but Refresh stops working',
    );
    expect(note.detail).toContain('protects that identity, not this tab');
    expect(note.next).toContain('“Sign in again” then brings this tab back in a pop-up');
  });

  it.each([
    [{ offline: true, ended: false }, 'tab-session-offline'],
    [{ offline: false, ended: true }, 'tab-session-over'],
    [{ offline: true, ended: true }, 'tab-session-over'],
  ])('%o: nothing to warn of, said so (%s)', (tab, kind) => {
    expect(tabSessionNote({ who: 'therapist', ...tab })).toMatchObject({ kind, tone: 'info' });
  });
});
