import { describeTimeLeft } from './formatDuration.ts';
import { readToken, type TokenReading } from './readToken.ts';
import { wholeSeconds } from './tokenTime.ts';

/** The tokens of this tab's session, each read once: what features get (the clock comes apart, serverTime). */
export interface SessionTokens {
  access: TokenReading;
  id?: TokenReading | undefined;
  /** This tab's earlier access tokens, newest first: kept in memory only, gone with the tab. */
  earlier: TokenReading[];
}

/** Builds the session from raw tokens (the shell, and tests). */
export function sessionTokens(raw: {
  access: string;
  id?: string | undefined;
  earlier?: readonly string[];
}): SessionTokens {
  return {
    access: readToken(raw.access),
    id: raw.id ? readToken(raw.id) : undefined,
    earlier: (raw.earlier ?? []).map(readToken),
  };
}

/**
 * The latest of this tab's access tokens that has truly expired at `serverNow` (its `exp` has
 * passed by the server's clock), or none: a token that is still valid is never offered as expired.
 */
export function latestExpired(tokens: SessionTokens, serverNow: number): TokenReading | undefined {
  let latest: TokenReading | undefined;
  for (const token of [tokens.access, ...tokens.earlier]) {
    if (token.exp === undefined || token.exp > serverNow) continue;
    if (!latest || (latest.exp ?? 0) < token.exp) latest = token;
  }
  return latest;
}

/** Why there is no expired token to send yet, and when there will be one. */
export function noExpiredToken(tokens: SessionTokens, serverNow: number): string {
  const { exp } = tokens.access;
  const when =
    exp === undefined ? '' : `; the current one ${describeTimeLeft(wholeSeconds(exp - serverNow))}`;
  return `None of this tab's tokens has expired yet${when}`;
}
