export type Tampered = { ok: true; token: string } | { ok: false; message: string };

/**
 * The same token with its signature changed, so an API that verifies signatures must refuse it
 * while header and payload (and thus expiry and roles) stay the same. The first base64url character
 * carries the top bits of the first signature byte, so changing it always changes the bytes.
 */
export function tamperSignature(token: string): Tampered {
  const parts = token.trim().split('.');
  if (parts.length !== 3) {
    return { ok: false, message: 'Only a JWT (three parts) has a signature to tamper with.' };
  }
  const [header, payload, signature] = parts as [string, string, string];
  if (signature === '') {
    return {
      ok: false,
      message: 'This token is unsigned (alg "none"): there is no signature to tamper with.',
    };
  }
  const first = signature[0] === 'A' ? 'B' : 'A';
  return { ok: true, token: `${header}.${payload}.${first}${signature.slice(1)}` };
}
