import type { TokenReading } from './readToken.ts';

export type TimeState = 'not-yet-valid' | 'fresh' | 'expiring' | 'expired' | 'no-expiry';

export interface TokenTime {
  state: TimeState;
  /** Seconds until `exp` in server time; negative once expired; undefined without `exp`. */
  secondsLeft?: number;
  /** `exp − iat`, when both are known. */
  lifetime?: number;
  /** Seconds since `iat`, when known. */
  age?: number;
  /** Seconds until `nbf`, while the token is not valid yet. */
  validIn?: number;
  /** Share of the lifetime still left, 0..1 (0 when unknown or expired). */
  fractionLeft: number;
}

/** The last minute of a token's life is "expiring". */
export const EXPIRING_SECONDS = 60;

/**
 * Where a token stands at `serverNow` (seconds, server clock). Derived, never decremented: what is
 * left is computed from `exp` at every tick, so sleep and hidden tabs cannot make it drift.
 */
export function tokenTime(reading: Pick<TokenReading, 'exp' | 'iat' | 'nbf'>, serverNow: number): TokenTime {
  const { exp, iat, nbf } = reading;
  const lifetime = exp !== undefined && iat !== undefined && exp > iat ? exp - iat : undefined;
  const age = iat === undefined ? undefined : serverNow - iat;
  const known = { ...(lifetime === undefined ? {} : { lifetime }), ...(age === undefined ? {} : { age }) };
  const secondsLeft = exp === undefined ? undefined : exp - serverNow;
  const withLeft = secondsLeft === undefined ? known : { ...known, secondsLeft };
  if (secondsLeft !== undefined && secondsLeft <= 0)
    return { ...withLeft, state: 'expired', fractionLeft: 0 };
  // RFC 7519 §4.1.5: not to be accepted before nbf.
  if (nbf !== undefined && nbf > serverNow) {
    return { ...withLeft, state: 'not-yet-valid', validIn: nbf - serverNow, fractionLeft: 0 };
  }
  if (secondsLeft === undefined) return { ...withLeft, state: 'no-expiry', fractionLeft: 0 };
  const fractionLeft = lifetime ? Math.min(1, secondsLeft / lifetime) : 0;
  const state = secondsLeft <= EXPIRING_SECONDS ? 'expiring' : 'fresh';
  return { ...withLeft, state, fractionLeft };
}

/**
 * How long before expiry a token is renewed: a tenth of its life, between 1 s and 60 s, so very
 * short tokens are not renewed the moment they arrive.
 */
export const renewalLead = (lifetime: number | undefined) =>
  Math.min(60, Math.max(1, (lifetime ?? 300) / 10));

/** Expired, or so close to it that a call made now may arrive too late: time to renew. */
export function isStale(time: TokenTime): boolean {
  if (time.state === 'expired') return true;
  return time.secondsLeft !== undefined && time.secondsLeft <= renewalLead(time.lifetime);
}

/**
 * Whole seconds, as every part of the portal says them: truncated toward zero, like the countdown's
 * clock, so "0:05 left", "expires in 5 s" and "expired 1 s before the request" agree.
 */
export const wholeSeconds = (seconds: number) => Math.trunc(seconds) + 0;

/** Seconds left as whole seconds (negative once expired). */
export const wholeSecondsLeft = (time: TokenTime) =>
  time.secondsLeft === undefined ? undefined : wholeSeconds(time.secondsLeft);
