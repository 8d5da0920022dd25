import type { Failure } from '../shared/explanation.ts';
import { popupProblemOf } from '../shared/popupProblem.ts';
import { portalCheckOf } from '../shared/portalCheck.ts';
import { describeAuthError } from './describeAuthError.ts';

/**
 * Why signing the tab in again in a pop-up did not work, and what to do next. The page is as it
 * was either way: the ended session's explanation stays above, with its button.
 */
export function signInAgainProblem(cause: unknown): Failure {
  const check = portalCheckOf(cause);
  if (check?.kind === 'signed-in-as-another') {
    return {
      kind: 'signed-in-as-another',
      tone: 'warn',
      title: `You signed in as ${check.after} in the pop-up; this tab is ${check.before}’s`,
      detail: `Nothing of that sign-in was kept: this page stays ${check.before}’s, with its identities and tokens. (To work as ${check.after} beside it, add ${check.after} as an identity.)`,
      next: `Sign in again as ${check.before}. If the pop-up shows ${check.after}’s name fixed, choose ⟳ beside it (“Restart login”) first.`,
    };
  }
  const popup = popupProblemOf(cause);
  if (popup === 'popup-blocked') {
    return {
      kind: popup,
      tone: 'warn',
      title: 'The browser blocked the sign-in window',
      next: 'Allow pop-ups for this page, then click “Sign in again”.',
    };
  }
  if (popup === 'popup-closed') {
    return {
      kind: popup,
      tone: 'warn',
      title: 'The sign-in window was closed before the sign-in finished',
      next: 'Click “Sign in again” and sign in within the window that opens.',
    };
  }
  const { kind, tone, title, quote, detail, next } = describeAuthError(cause);
  return { kind, tone, title, quote, detail, next };
}
