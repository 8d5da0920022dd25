import type { SessionTokens } from './sessionTokens.ts';

/**
 * Another user signed in beside the tab's own session (identities/), for the same environment:
 * its tokens in memory only, read into the one token model.
 */
export interface Identity {
  id: string;
  /** Who it is, for headers and grids ("patient"). */
  label: string;
  tokens: SessionTokens;
}

/**
 * An identity's sign-in through the realm, when its pop-up finished or gave up: the shell writes it
 * into the tab's timeline, because the realm keeps one session per browser.
 */
export interface IdentitySignIn {
  at: number;
  /** Who signed in; null when the pop-up closed or failed before it finished. */
  who: string | null;
  /** The realm session of its tokens (`sid`), when they say. */
  sid: string | undefined;
}

/** What the identities panel needs to know of the tab's own session, to warn before a pop-up. */
export interface TabSession {
  who: string;
  /** The tab's refresh token is an offline one (scope offline_access): no other sign-in ends it. */
  offline: boolean;
  /** The tab's session is already over (the realm refused its refresh token). */
  ended: boolean;
}
