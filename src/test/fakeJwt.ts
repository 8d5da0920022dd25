/** Builds an unsigned JWT for unit tests (the signature part is a placeholder unless given). */
export function fakeJwt(
  payload: unknown,
  header: unknown = { alg: 'RS256', typ: 'JWT', kid: 'k1' },
  signature = 'c2lnbmF0dXJl',
): string {
  return `${b64url(header)}.${b64url(payload)}.${signature}`;
}

export function b64url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const binary = Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
