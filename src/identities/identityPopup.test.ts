import { describe, expect, it } from 'vitest';
import { isIdentityPopupCallback } from './identityPopup.ts';
import { identityProblem } from './identityProblem.ts';

describe('isIdentityPopupCallback', () => {
  it.each([
    ['http://p/callback/local/identity?code=c&state=s', true],
    ['http://p/callback/local/identity?error=access_denied&state=s', true],
    ['http://p/callback/local?code=c&state=s', false],
    ['http://p/callback/local/identity', false],
  ])('%s → %s', (url, expected) => {
    expect(isIdentityPopupCallback(new URL(url))).toBe(expected);
  });
});

describe('identityProblem', () => {
  it.each([
    [new Error('Popup closed by user'), 'popup-closed'],
    [new Error('Error opening popup window'), 'sign-in-failed'],
    [new Error('Popup blocked by the browser'), 'popup-blocked'],
    [new Error('invalid_grant'), 'sign-in-failed'],
  ])('%s is %s, with a next step', (cause, kind) => {
    const problem = identityProblem(cause, 'add');
    expect(problem.kind).toBe(kind);
    expect(problem.next).toBeTruthy();
  });

  it('explains a refresh refused because a later sign-in ended the realm session', () => {
    const problem = identityProblem(new Error('Session not active'), 'refresh');
    expect(problem).toMatchObject({ kind: 'refresh-failed', quote: 'Session not active' });
    expect(problem.detail).toContain('another user signed in after it');
    expect(identityProblem(new Error('Token is not active'), 'refresh').detail).toBeUndefined();
  });
});
