import type { JsonObject } from '../../shared/token/decodeToken.ts';

/**
 * OpenID Connect Core §5.1 standard claims that name or reach a person. On a real realm they are a
 * real person's data, and a ticket is read by many: a report leaves them out unless asked.
 */
const PERSONAL_CLAIMS: ReadonlySet<string> = new Set([
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'email',
  'phone_number',
  'address',
  'birthdate',
  'picture',
  'profile',
  'website',
]);

/** What a left-out value reads as, so the reader still sees the claim was there. */
export const LEFT_OUT = '(left out: personal)';

/** A user name that is an e-mail address (many realms sign users in by e-mail) is personal too. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+$/.test(value);

const isPersonal = (claim: string, value: unknown) =>
  PERSONAL_CLAIMS.has(claim) ||
  (claim === 'preferred_username' && typeof value === 'string' && looksLikeEmail(value));

/** Every string inside a claim's value (an address is an object of strings). */
const stringsIn = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
};

/** The claims with each personal value left out, and those values, to take out of the rest too. */
export function leaveOutPersonal(payload: JsonObject): { claims: JsonObject; values: string[] } {
  const claims: JsonObject = {};
  const values: string[] = [];
  for (const [claim, value] of Object.entries(payload)) {
    if (isPersonal(claim, value)) {
      claims[claim] = LEFT_OUT;
      values.push(...stringsIn(value).filter((text) => text.trim() !== ''));
    } else {
      claims[claim] = value;
    }
  }
  return { claims, values };
}

/**
 * Takes personal values out of text the report quotes from elsewhere (a verdict saying "signed in
 * as …", an API answer echoing the user). As a JSON string always; bare only when the value cannot
 * be an ordinary word (an e-mail address, a full name), so "Pat" never mangles "Patients".
 */
export function scrubPersonal(text: string, values: readonly string[]): string {
  let clean = text;
  for (const value of [...values].sort((a, b) => b.length - a.length)) {
    clean = clean.split(JSON.stringify(value)).join(JSON.stringify(LEFT_OUT));
    if (value.includes('@') || /\s/.test(value.trim())) clean = clean.split(value).join(LEFT_OUT);
  }
  return clean;
}
