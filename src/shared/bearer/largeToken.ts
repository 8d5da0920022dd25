import type { Failure } from '../explanation.ts';
import type { TokenReading } from '../token/readToken.ts';

/**
 * What servers commonly accept in one request header line: nginx's large_client_header_buffers
 * (8 KB), Apache's LimitRequestFieldSize (8190 bytes); Node.js refuses 16 KB of headers in all.
 */
export const HEADER_LINE_LIMIT = 8 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The bytes of `Authorization: Bearer <token>` (tokens are ASCII). */
export const authorizationLineBytes = (token: Pick<TokenReading, 'raw'>) =>
  'Authorization: Bearer '.length + token.raw.length;

/**
 * Case 18: a token too large for many servers' header limits. They answer 431 Request Header
 * Fields Too Large or 400, often before any CORS header is added, so the browser may see no
 * answer at all. Null for a token of a usual size.
 */
export function largeToken(token: Pick<TokenReading, 'raw'> | undefined): Failure<'large-token'> | null {
  if (!token) return null;
  const bytes = authorizationLineBytes(token);
  if (bytes <= HEADER_LINE_LIMIT) return null;
  return {
    kind: 'large-token',
    tone: 'warn',
    title: `This token is large: its Authorization header is ${kb(bytes)}`,
    detail: `Many servers and proxies refuse a request header over ${kb(HEADER_LINE_LIMIT)} (nginx, Apache; Node.js refuses 16 KB of headers in all) with 431 Request Header Fields Too Large or 400, often without CORS headers, so the page then sees no answer at all.`,
    next: 'Ask the realm admin to put fewer roles or groups into the access token (client scopes, mappers), or raise the header limits of the servers on the way.',
  };
}
