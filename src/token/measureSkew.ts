/**
 * Server clock minus local clock, in ms (positive: the server is ahead).
 * oidc-client-ts stamps `expires_at` as local-time-at-receipt + expires_in, while the token's
 * `exp` is server-time-at-issue + the same lifetime, so their difference is the skew, give or
 * take the request's latency and the second granularity. It survives a reload because
 * `expires_at` is stored with the user.
 */
export function measureSkew(exp: unknown, expiresAt: number | undefined): number {
  if (typeof exp !== 'number' || typeof expiresAt !== 'number') return 0;
  return (exp - expiresAt) * 1000;
}

/** Below this the difference is latency and rounding, not a wrong clock. */
export const NOTABLE_SKEW_MS = 5000;
