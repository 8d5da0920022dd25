/** `eyJhbGciOi…x9Q (1,024 chars)`: enough to recognise a token, not enough to use it. */
export function maskToken(token: string): string {
  const count = `${token.length.toLocaleString('en-US')} chars`;
  if (token.length <= 16) return `${'•'.repeat(Math.min(token.length, 8))} (${count})`;
  return `${token.slice(0, 10)}…${token.slice(-3)} (${count})`;
}
