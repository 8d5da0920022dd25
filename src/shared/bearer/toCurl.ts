import type { OutgoingRequest } from './send.ts';

/** POSIX shell single quotes: everything literal, and a quote itself as '\'' . */
export const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

const BEARER = /^\s*bearer\s+/i;

/** What the user pastes in place of the token: the export line then reads as an instruction. */
export const TOKEN_PLACEHOLDER = '<paste the access token>';

/**
 * The line that sets what toCurl's `$TOKEN` reads (a new shell has no TOKEN: the API would answer
 * 401 to an empty bearer). With the placeholder unless the caller was explicitly given the token.
 */
export const exportToken = (token: string = TOKEN_PLACEHOLDER) => `export TOKEN=${shellQuote(token)}`;

/**
 * The request as a curl command that runs in sh/bash/zsh. The bearer becomes `$TOKEN` unless the
 * caller explicitly reveals it, so a command pasted into a ticket does not leak a live token.
 */
export function toCurl(request: OutgoingRequest, { revealToken = false } = {}): string {
  const lines: string[] = [];
  if (request.method === 'HEAD') lines.push('--head');
  else if (request.method !== 'GET') lines.push(`--request ${shellQuote(request.method)}`);
  lines.push(shellQuote(request.url));
  for (const [name, value] of request.headers) {
    if (!revealToken && name.toLowerCase() === 'authorization' && BEARER.test(value)) {
      // Double quotes so the shell expands $TOKEN; the literal part has nothing to expand.
      lines.push(`--header "Authorization: Bearer $TOKEN"`);
    } else {
      lines.push(`--header ${shellQuote(`${name}: ${value}`)}`);
    }
  }
  if (request.body !== undefined && request.body !== '' && !['GET', 'HEAD'].includes(request.method)) {
    lines.push(`--data-raw ${shellQuote(request.body)}`);
  }
  return `curl --include ${lines.join(' \\\n  ')}`;
}
