import { readToken, type TokenReading } from './readToken.ts';
import type { ServerClock } from './serverClock.ts';

/** The tokens of this tab's session, each read once, with the server's clock: what features get. */
export interface SessionTokens {
  access: TokenReading;
  id?: TokenReading | undefined;
  /** This tab's earlier access tokens, newest first: kept in memory only, gone with the tab. */
  earlier: TokenReading[];
  clock: ServerClock;
}

/** Builds the session from raw tokens (the shell, and tests). */
export function sessionTokens(
  raw: { access: string; id?: string | undefined; earlier?: readonly string[] },
  clock: ServerClock = { skewMs: 0, measured: false },
): SessionTokens {
  return {
    access: readToken(raw.access),
    id: raw.id ? readToken(raw.id) : undefined,
    earlier: (raw.earlier ?? []).map(readToken),
    clock,
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
