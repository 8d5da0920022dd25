import { count } from '../format.ts';
/** `eyJhbGciOi…x9Q (1,024 chars)`: enough to recognise a token, not enough to use it. */
export function maskToken(token: string): string {
  const size = `${count(token.length)} chars`;
  if (token.length <= 16) return `${'•'.repeat(Math.min(token.length, 8))} (${size})`;
  return `${token.slice(0, 10)}…${token.slice(-3)} (${size})`;
}

/** A token of this tab's session, and how to name it where it turns up. */
export interface KnownToken {
  raw: string;
  label: string;
}

/** Three base64url parts, the first two JSON objects (`{"` is `eyJ`): what a JWS looks like. */
const JWT_SHAPE = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;

/**
 * Case 42: an answer that echoes the Authorization header, or carries tokens, shows them masked:
 * the session's own tokens by name, any other JWT as one. The mask has no quote or backslash, so
 * JSON stays JSON. Applied to what the page shows; a download keeps the bytes as received.
 */
export function maskTokens(text: string, known: readonly KnownToken[]): string {
  let masked = text;
  // Longest first, so a token is never masked by a piece of another.
  for (const { raw, label } of [...known].sort((a, b) => b.raw.length - a.raw.length)) {
    if (raw.length >= 16 && masked.includes(raw))
      masked = masked.split(raw).join(`[${label}, masked: ${maskToken(raw)}]`);
  }
  return masked.replace(JWT_SHAPE, (jwt) => `[a token, masked: ${maskToken(jwt)}]`);
}
