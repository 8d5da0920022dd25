/**
 * A short, one-way name for a token (the first 12 hex digits of its SHA-256), so a report can tell
 * two tokens apart without carrying either. Web Crypto: no library, nothing reversible.
 */
export async function fingerprintOf(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  const hex = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `sha256:${hex.slice(0, 12)}`;
}
