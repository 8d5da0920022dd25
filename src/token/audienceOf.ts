import type { JsonObject } from '../shared/token/decodeToken.ts';

/** `aud` is a string or a list of strings (RFC 7519 §4.1.3); always a list here. */
export function audienceOf(payload: JsonObject): string[] {
  const { aud } = payload;
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud.filter((value): value is string => typeof value === 'string') : [];
}
