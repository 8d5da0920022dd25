/**
 * When to renew automatically: shortly before expiry, in proportion to the token's life (a tenth,
 * between 1 s and 60 s ahead), and never sooner than half its life after it was issued, so very
 * short tokens do not cause a renew storm. Returns ms from now (0 = now).
 */
export function autoRefreshDelay(
  exp: number,
  iat: number | undefined,
  nowMs: number,
  skewMs: number,
): number {
  const lifetime = typeof iat === 'number' && exp > iat ? exp - iat : 300;
  const lead = Math.min(60, Math.max(1, lifetime / 10));
  const serverNow = (nowMs + skewMs) / 1000;
  const earliest = (iat ?? exp - lifetime) + lifetime / 2;
  const at = Math.max(exp - lead, earliest);
  return Math.max(0, Math.round((at - serverNow) * 1000));
}
