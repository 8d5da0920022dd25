import type { IdentitySignIn } from '../../shared/token/identity.ts';
import type { TokenReading } from '../../shared/token/readToken.ts';
import type { TokenEvent } from './sessionEvents.ts';

/*
 * The realm keeps one session per browser (a cookie). A sign-in through it of another user, in an
 * identity's pop-up, replaces that session: the tab's refresh token then dies with the one it
 * belonged to ("Session not active"), unless it is an offline one. Keycloak ends it already when
 * the user chooses ⟳ ("Restart login") in the pop-up, finished or not; oidc-provider (the embedded
 * IdP) only when the other user's sign-in finishes (tests/identitySession.test.ts).
 */

/** The tab's own session, as far as another sign-in through the realm can end it. */
export interface TabRealmSession {
  who: string;
  /** Its realm session (`sid` of the access token), when the token says. */
  sid: string | undefined;
  /** Its refresh token is an offline one: it outlives the browser's realm session. */
  offline: boolean;
}

/** The identity sign-in that ended the tab's realm session: who, or null for a pop-up that did not finish. */
export interface SessionReplaced {
  at: number;
  who: string | null;
}

/**
 * Whether an identity's sign-in ended the tab's realm session. The same realm session (`sid`) means
 * the realm only asked the same user for the password again; another one replaced the tab's. A
 * pop-up that did not finish may have (Keycloak's ⟳): the tab's next successful refresh says not.
 */
export function endsTabSession(tab: TabRealmSession, signIn: IdentitySignIn): boolean {
  if (tab.offline) return false;
  if (signIn.who === null) return true;
  if (signIn.sid !== undefined && tab.sid !== undefined) return signIn.sid !== tab.sid;
  return signIn.who !== tab.who;
}

/**
 * The identity sign-in that ended the tab's realm session, from the tab's timeline: the first one
 * since the tab last signed in or refreshed (a refresh that worked proves the session alive then),
 * one that finished before one that did not.
 */
export function sessionReplacedBy(events: readonly TokenEvent[]): SessionReplaced | undefined {
  let finished: SessionReplaced | undefined;
  let unfinished: SessionReplaced | undefined;
  for (const event of events) {
    if (event.type === 'signed-in' || event.type === 'restored' || event.type === 'refreshed') {
      finished = undefined;
      unfinished = undefined;
    } else if (event.type === 'identity-sign-in' && event.endsTabSession) {
      if (event.who === null) unfinished ??= { at: event.at, who: null };
      else finished ??= { at: event.at, who: event.who };
    }
  }
  return finished ?? unfinished;
}

/**
 * Whether the tab's new access token comes from a new sign-in rather than a refresh: another realm
 * session (`sid`), or another user. Its tokens before stay the tab's earlier ones all the same.
 */
export function isNewSignIn(before: TokenReading, after: TokenReading): boolean {
  if (before.sid !== undefined && after.sid !== undefined) return before.sid !== after.sid;
  return before.sub !== after.sub;
}
