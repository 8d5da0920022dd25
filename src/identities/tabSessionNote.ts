import type { Explanation } from '../shared/explanation.ts';
import type { TabSession } from '../shared/token/identity.ts';

/**
 * What an identity's sign-in will do to the tab's own realm session, said before the pop-up opens.
 * The realm keeps one session per browser (a cookie): another user signing in through it replaces
 * the tab's, whose refresh token then dies ("Session not active"). An offline refresh token outlives
 * that; an identity's own offline session protects the identity, not the tab. Checked against
 * Keycloak 26 and the embedded IdP (tests/identitySession.test.ts).
 */
export function tabSessionNote({ who, offline, ended }: TabSession): Explanation {
  if (ended) {
    return {
      kind: 'tab-session-over',
      tone: 'info',
      title: 'This tab’s realm session has already ended',
      detail: 'Signing in others changes nothing for it; “Sign in again” above brings it back in a pop-up.',
    };
  }
  if (offline) {
    return {
      kind: 'tab-session-offline',
      tone: 'info',
      title: 'This tab keeps its realm session whoever signs in here',
      detail: `${who}’s refresh token is an offline one (offline_access): it outlives the browser’s realm session.`,
    };
  }
  return {
    kind: 'tab-session-ends',
    tone: 'warn',
    title: 'Signing in another user ends this tab’s realm session',
    detail: `The realm keeps one session per browser: ${who}’s token keeps working until it expires, but Refresh stops working here. An identity’s own realm session (offline access) protects that identity, not this tab.`,
    next: 'Go ahead if you need the other user: “Sign in again” then brings this tab back in a pop-up, keeping the identities and its earlier tokens.',
  };
}
