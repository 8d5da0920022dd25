import type { User } from 'oidc-client-ts';
import { readToken } from '../shared/token/readToken.ts';

/** Who a session's tokens are for: the access token's `sub` (else the ID token's), and a name to say. */
export interface Identity {
  sub: string | undefined;
  who: string;
}

type Tokens = Pick<User, 'access_token' | 'profile'>;

const nameOf = (username: unknown, sub: string | undefined) =>
  typeof username === 'string' ? username : (sub ?? 'an unknown user');

/** The identity of the tokens held before a refresh: the access token first, the ID token's profile else. */
export function identityBefore({ access_token, profile }: Tokens): Identity {
  const access = readToken(access_token);
  const sub = access.sub ?? profile.sub;
  return { sub, who: nameOf(access.username ?? profile.preferred_username, sub) };
}

/**
 * The identity of a refresh answer. Only the access token counts: when the answer has no ID token,
 * oidc-client-ts carries the old ID token's profile over, so the profile still names the old user.
 */
export function identityAfter({ access_token }: Pick<User, 'access_token'>): Identity {
  const access = readToken(access_token);
  return { sub: access.sub, who: nameOf(access.username, access.sub) };
}

/**
 * A refresh must give tokens for the same user (OpenID Connect Core §12.2: the same `sub`). An
 * opaque access token cannot be read; oidc-client-ts then still compares the ID tokens.
 */
export function identityChanged(before: Identity, after: Identity): { before: string; after: string } | null {
  if (before.sub === undefined || after.sub === undefined || before.sub === after.sub) return null;
  return { before: before.who, after: after.who };
}

/**
 * Whether to keep the refresh token after a refresh whose answer held none (oidc-client-ts then
 * keeps the previous one). Keep it only while the realm has not been seen rotating refresh tokens:
 * once it has, the previous one is spent, and presenting it again would end the session (Keycloak
 * takes a reused refresh token for a stolen one).
 *
 * Kept is not "the realm does not rotate" (case 31): an answer without a refresh token does not say,
 * so the token view calls the kept one possibly spent, and names this cause if the realm then refuses
 * it. Dropping it instead would strand every realm that does not rotate (RFC 6749 §6 lets it omit
 * the refresh token). No per-environment setting: the realm's own answers decide, and a setting that
 * a realm admin's change makes wrong would have the portal state what it never saw.
 */
export function keepRefreshToken(
  previous: string | undefined,
  next: string | undefined,
  rotationSeen: boolean,
): { keep: boolean; rotated: boolean } {
  const rotated = next !== undefined && next !== previous;
  return { keep: rotated || !rotationSeen || previous === undefined, rotated };
}
