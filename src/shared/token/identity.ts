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
