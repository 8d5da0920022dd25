import { ErrorResponse } from 'oidc-client-ts';
import { describe, expect, it } from 'vitest';
import { PortalCheckError } from '../shared/portalCheck.ts';
import { signInAgainProblem } from './signInAgainProblem.ts';

describe('signInAgainProblem', () => {
  it('says another user signed in in the pop-up, kept nothing, and how to get the tab’s user', () => {
    const problem = signInAgainProblem(
      new PortalCheckError({ kind: 'signed-in-as-another', before: 'therapist', after: 'patient' }),
    );
    expect(problem.title).toBe('You signed in as patient in the pop-up; this tab is therapist’s');
    expect(problem.detail).toContain('Nothing of that sign-in was kept');
    expect(problem.next).toBe(
      'Sign in again as therapist. If the pop-up shows patient’s name fixed, choose ⟳ beside it (“Restart login”) first.',
    );
  });

  it.each([
    [new Error('Popup closed by user'), 'popup-closed', 'Click “Sign in again”'],
    [new Error('Popup blocked by the browser'), 'popup-blocked', 'Allow pop-ups'],
  ])('%s → %s', (cause, kind, next) => {
    const problem = signInAgainProblem(cause);
    expect(problem.kind).toBe(kind);
    expect(problem.next).toContain(next);
  });

  it('explains the realm’s own refusal as a sign-in error, never quoting the request form', () => {
    const problem = signInAgainProblem(
      new ErrorResponse(
        { error: 'access_denied', error_description: 'nope' },
        new URLSearchParams('code=SECRET'),
      ),
    );
    expect(problem).toMatchObject({ kind: 'idp-error', quote: 'access_denied: nope' });
    expect(JSON.stringify(problem)).not.toContain('SECRET');
  });
});
