import type { TokenReading } from './readToken.ts';

/** When an access token arrived, measured the moment the token response was stored. */
export interface Receipt {
  /** Which token (tokenKey). */
  key: string;
  /** Its `iat`: the server's clock when it was issued. */
  iat: number;
  /** Our clock when it arrived (ms since the epoch). */
  receivedAtMs: number;
  /** The token response's `expires_in` (s), when known. */
  expiresIn?: number;
}

export interface ServerClock {
  /** Server time minus our time, in ms (positive: the server is ahead). 0 when not measured. */
  skewMs: number;
  measured: boolean;
  /** The token response's `expires_in` against the token's own `exp − iat`, when they disagree. */
  expiresInMismatch?: { expiresIn: number; lifetime: number };
}

/** Server time in seconds: our clock (ms) plus the measured skew. */
export const serverNowSeconds = (nowMs: number, clock: Pick<ServerClock, 'skewMs'>) =>
  (nowMs + clock.skewMs) / 1000;

/** Not measured (no token yet, or one without `iat`): our clock is taken as the server's. */
export const UNMEASURED: ServerClock = { skewMs: 0, measured: false };

/** Below this the difference is latency and the second granularity of `iat`, not a wrong clock. */
export const NOTABLE_SKEW_MS = 5000;
/** `expires_in` and `exp − iat` may differ by the second it took to answer. */
const EXPIRES_IN_TOLERANCE = 5;

/** Tells two access tokens apart without keeping either (jti, or iat and exp without one). */
export const tokenKey = (reading: Pick<TokenReading, 'jti' | 'iat' | 'exp'>) =>
  reading.jti ?? `${reading.iat ?? '?'}-${reading.exp ?? '?'}`;

/**
 * The receipt of a token that just arrived. `expiresAt` is oidc-client-ts's `expires_at`, which it
 * stamps as our clock at receipt (whole seconds) + `expires_in`, so `expires_in` can be recovered
 * from it. Null for a token without `iat`: nothing to measure against.
 */
export function receiptOf(reading: TokenReading, receivedAtMs: number, expiresAt?: number): Receipt | null {
  if (reading.iat === undefined) return null;
  const expiresIn = expiresAt === undefined ? undefined : expiresAt - Math.floor(receivedAtMs / 1000);
  return {
    key: tokenKey(reading),
    iat: reading.iat,
    receivedAtMs,
    ...(expiresIn === undefined ? {} : { expiresIn }),
  };
}

/**
 * The server's clock, from the token itself: a token is issued (`iat`, server time) the moment
 * it is sent, so `iat` minus our time of receipt is the skew, give or take the latency. The
 * response's `expires_in` is not used for time: a gateway or IdP may announce a lifetime the token
 * does not have; it is only compared with the token's `exp − iat` and shown when they disagree.
 */
export function serverClock(access: TokenReading, receipt: Receipt | undefined): ServerClock {
  if (!receipt) return UNMEASURED;
  const clock: ServerClock = { skewMs: receipt.iat * 1000 - receipt.receivedAtMs, measured: true };
  const { exp, iat } = access;
  if (receipt.key !== tokenKey(access) || receipt.expiresIn === undefined) return clock;
  if (exp === undefined || iat === undefined) return clock;
  const lifetime = exp - iat;
  return Math.abs(receipt.expiresIn - lifetime) > EXPIRES_IN_TOLERANCE
    ? { ...clock, expiresInMismatch: { expiresIn: receipt.expiresIn, lifetime } }
    : clock;
}
