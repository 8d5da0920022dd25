import { readToken, type TokenReading } from '../../shared/token/readToken.ts';
import { latestExpired, noExpiredToken, type SessionTokens } from '../../shared/token/sessionTokens.ts';
import type { TokenChoice } from '../editor/draft.ts';

export type ChosenToken = { ok: true; token: TokenReading | undefined } | { ok: false; message: string };

/**
 * The token a choice stands for at `serverNow` (seconds, server clock), or why that choice is not
 * available right now. "Expired" is the latest of this tab's tokens whose `exp` has passed: never
 * one that is still valid.
 */
export function chooseToken(
  choice: TokenChoice,
  tokens: SessionTokens,
  pasted: string,
  serverNow: number,
): ChosenToken {
  switch (choice) {
    case 'current':
      return { ok: true, token: tokens.access };
    case 'none':
      return { ok: true, token: undefined };
    case 'expired': {
      const token = latestExpired(tokens, serverNow);
      return token ? { ok: true, token } : { ok: false, message: `${noExpiredToken(tokens, serverNow)}.` };
    }
    case 'tampered': {
      const tampered = tamperSignature(tokens.access);
      return tampered.ok ? { ok: true, token: readToken(tampered.token) } : tampered;
    }
    case 'id':
      return tokens.id
        ? { ok: true, token: tokens.id }
        : { ok: false, message: 'No ID token in this session (the realm did not return one).' };
    case 'pasted': {
      // People paste "Bearer eyJ…" or a token wrapped over lines: keep only the token.
      const token = pasted.replace(/^\s*bearer\s+/i, '').replace(/\s+/g, '');
      return token ? { ok: true, token: readToken(token) } : { ok: false, message: 'Paste a token first.' };
    }
  }
}

/**
 * The same token with its signature changed, so an API that verifies signatures must refuse it
 * while header and payload (and thus expiry and roles) stay the same. The first base64url character
 * carries the top bits of the first signature byte, so changing it always changes the bytes.
 */
export function tamperSignature(
  token: Pick<TokenReading, 'decoded'>,
): { ok: true; token: string } | { ok: false; message: string } {
  const { decoded } = token;
  if (!decoded.ok) return { ok: false, message: 'Only a JWT (three parts) has a signature to tamper with.' };
  const [header, payload, signature] = decoded.parts;
  if (signature === '') {
    return {
      ok: false,
      message: 'This token is unsigned (alg "none"): there is no signature to tamper with.',
    };
  }
  const first = signature[0] === 'A' ? 'B' : 'A';
  return { ok: true, token: `${header}.${payload}.${first}${signature.slice(1)}` };
}
