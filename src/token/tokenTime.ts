export type TokenTimeState = 'fresh' | 'expiring' | 'expired';

export interface TokenTime {
  state: TokenTimeState;
  /** Seconds until exp in server time; negative once expired. */
  secondsLeft: number;
  /** exp - iat, when both are known. */
  lifetime: number | null;
  /** Share of the lifetime still left, 0..1 (0 when unknown or expired). */
  fractionLeft: number;
}

/** The last minute is "expiring", but never more than a fifth of a short token's life. */
export const expiringWindow = (lifetime: number | null) => Math.min(60, lifetime ? lifetime / 5 : 60);

/**
 * Derived, never decremented: what is left is computed from `exp` and the server's clock
 * (local now + measured skew) at every tick, so sleep and hidden tabs cannot make it drift.
 */
export function tokenTime(exp: number, iat: number | undefined, nowMs: number, skewMs: number): TokenTime {
  const serverNow = (nowMs + skewMs) / 1000;
  const secondsLeft = exp - serverNow;
  const lifetime = typeof iat === 'number' && exp > iat ? exp - iat : null;
  const state: TokenTimeState =
    secondsLeft <= 0 ? 'expired' : secondsLeft <= expiringWindow(lifetime) ? 'expiring' : 'fresh';
  const fractionLeft = lifetime && secondsLeft > 0 ? Math.min(1, secondsLeft / lifetime) : 0;
  return { state, secondsLeft, lifetime, fractionLeft };
}
