import { renewalLead, type TokenTime } from '../shared/token/tokenTime.ts';

/**
 * When to renew automatically, in ms from now (0 = now): `renewalLead` before expiry, and never
 * sooner than half the token's life after it was issued, so very short tokens do not cause a
 * renew storm. Undefined for a token without `exp`.
 */
export function autoRefreshDelay(time: TokenTime): number | undefined {
  if (time.secondsLeft === undefined) return undefined;
  const lifetime = time.lifetime ?? 300;
  const beforeExpiry = time.secondsLeft - renewalLead(time.lifetime);
  const halfLife = time.age === undefined ? time.secondsLeft - lifetime / 2 : lifetime / 2 - time.age;
  return Math.max(0, Math.round(Math.max(beforeExpiry, halfLife) * 1000));
}
