import type { Failure } from '../shared/explanation.ts';
import { popupProblemOf } from '../shared/popupProblem.ts';

export type IdentityProblemKind =
  | 'popup-blocked'
  | 'popup-closed'
  | 'sign-in-failed'
  | 'offline-refused'
  | 'refresh-failed'
  | 'revoke-failed';

const messageOf = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

/** Why adding (or refreshing) an identity failed, and what to do next. */
export function identityProblem(
  cause: unknown,
  during: 'add' | 'refresh' | 'remove',
): Failure<IdentityProblemKind> {
  const message = messageOf(cause);
  if (during === 'remove') {
    return {
      kind: 'revoke-failed',
      tone: 'warn',
      title: 'Removed here, but the realm was not told to end its session',
      quote: message,
      detail:
        'Its tokens are gone from this page; its session at the realm ends by itself (an offline one after the realm’s offline idle time, 30 days by default on Keycloak).',
      next: 'Nothing is needed for testing; to end it now, sign out that user in the realm’s account console or ask the realm admin.',
    };
  }
  // Keycloak, when the user lacks the offline_access role or the client that scope.
  if (during === 'add' && /offline tokens not allowed/i.test(message)) {
    return {
      kind: 'offline-refused',
      tone: 'warn',
      title: 'The realm gives this user or client no offline session',
      quote: message,
      next: 'Untick “Keep its own realm session” and add the identity again (it then loses its refresh when another user signs in), or ask the realm admin to grant the offline_access role and client scope.',
    };
  }
  if (during === 'refresh' && /^Session not active$/i.test(message)) {
    return {
      kind: 'refresh-failed',
      tone: 'bad',
      title: 'This identity could not be refreshed',
      quote: message,
      detail:
        'Its realm session is over, usually because another user signed in after it in this browser (the realm keeps one session per browser; identities added with “Keep its own realm session” have an offline session that survives this).',
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
  const popup = popupProblemOf(cause);
  if (popup === 'popup-blocked') {
    return {
      kind: 'popup-blocked',
      tone: 'warn',
      title: 'The browser blocked the sign-in window',
      next: 'Allow pop-ups for this page, then click “Add identity” again.',
    };
  }
  if (popup === 'popup-closed') {
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
