import type { Failure } from '../shared/explanation.ts';

export type IdentityProblemKind = 'popup-blocked' | 'popup-closed' | 'sign-in-failed' | 'refresh-failed';

const messageOf = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

/** Why adding (or refreshing) an identity failed, and what to do next. */
export function identityProblem(cause: unknown, during: 'add' | 'refresh'): Failure<IdentityProblemKind> {
  const message = messageOf(cause);
  if (during === 'refresh' && /^Session not active$/i.test(message)) {
    return {
      kind: 'refresh-failed',
      tone: 'bad',
      title: 'This identity could not be refreshed',
      quote: message,
      detail:
        'Its realm session is over, usually because another user signed in after it in this browser (the realm keeps one session per browser).',
      next: 'Remove it and add it again if you need it; the identity signed in last keeps refreshing.',
    };
  }
  if (during === 'refresh') {
    return {
      kind: 'refresh-failed',
      tone: 'bad',
      title: 'This identity could not be refreshed',
      quote: message,
      next: 'Remove it and add it again (the realm will ask for the password).',
    };
  }
  if (/popup.*(blocked|failed to open)|window.*(blocked|null)/i.test(message)) {
    return {
      kind: 'popup-blocked',
      tone: 'warn',
      title: 'The browser blocked the sign-in window',
      next: 'Allow pop-ups for this page, then click “Add identity” again.',
    };
  }
  if (/popup closed|closed by user/i.test(message)) {
    return {
      kind: 'popup-closed',
      tone: 'warn',
      title: 'The sign-in window was closed before the sign-in finished',
      next: 'Click “Add identity” and sign in within the window that opens.',
    };
  }
  return {
    kind: 'sign-in-failed',
    tone: 'bad',
    title: 'The identity could not sign in',
    quote: message,
    next: 'Check the username and password in the sign-in window, then try again.',
  };
}
