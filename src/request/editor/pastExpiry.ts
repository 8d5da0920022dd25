/** Seconds waited past the API's leeway: the clocks of the portal, the realm and the API differ a little. */
export const EXPIRY_MARGIN_SECONDS = 2;

/**
 * When (local ms) a token with `exp` (server seconds) is refused for sure by an API that accepts
 * tokens up to `leewaySeconds` after it: past the leeway and a margin, in the browser's time.
 */
export const pastExpiryAt = (exp: number, leewaySeconds: number, skewMs: number): number =>
  (exp + leewaySeconds + EXPIRY_MARGIN_SECONDS) * 1000 - skewMs;

/** Why it waits that long, in the words "Send when it expires" and the matrix use. */
export const pastExpiryWhy = (leewaySeconds: number): string =>
  `${leewaySeconds + EXPIRY_MARGIN_SECONDS} s after it expires: the API's ${leewaySeconds} s clock leeway (api.clockLeewaySeconds) and ${EXPIRY_MARGIN_SECONDS} s of margin`;
