/** What the page is, decided once per render from auth's state: the shell renders it by a switch. */
export type Page =
  /** A stored session being read (no callback): nothing for the moment it takes, then the token. */
  | { kind: 'blank' }
  /** A sign-in's callback: the code exchange is under way. */
  | { kind: 'checking' }
  /** The refresh itself signed the tab out (another user's tokens came back): why, and the way back. */
  | { kind: 'ended' }
  /** The sections, signed in or out. */
  | { kind: 'workspace'; signedIn: boolean };

export interface PageFacts {
  /** Auth is still loading with a stored user or a callback to process. */
  checking: boolean;
  cameFromCallback: boolean;
  /** The session ended by a refresh that failed for good. */
  ended: boolean;
  hasUser: boolean;
  /** A user whose tokens could be read. */
  signedIn: boolean;
}

export function pageOf({ checking, cameFromCallback, ended, hasUser, signedIn }: PageFacts): Page {
  if (checking) return cameFromCallback ? { kind: 'checking' } : { kind: 'blank' };
  if (ended && !hasUser) return { kind: 'ended' };
  return { kind: 'workspace', signedIn };
}
