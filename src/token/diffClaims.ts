import type { JsonObject } from '../shared/token/decodeToken.ts';

export interface ClaimChange {
  claim: string;
  before: unknown;
  after: unknown;
}

/** What a refresh changed: claims added, removed or with another value (jti, exp, iat at least). */
export function diffClaims(before: JsonObject, after: JsonObject): ClaimChange[] {
  const claims = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return claims
    .filter((claim) => JSON.stringify(before[claim]) !== JSON.stringify(after[claim]))
    .map((claim) => ({ claim, before: before[claim], after: after[claim] }));
}
