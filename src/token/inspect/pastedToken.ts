import { sameIssuer } from '../../config/urls.ts';
import type { TokenReading } from '../../shared/token/readToken.ts';

/**
 * The token in what people paste: "Bearer eyJ…", "Authorization: Bearer eyJ…", quotes from a
 * log line, or a token wrapped over several lines. Whitespace never belongs to a token.
 */
export function pastedToken(text: string): string {
  return text
    .trim()
    .replace(/^authorization:\s*/i, '')
    .replace(/^bearer\s+/i, '')
    .replace(/^["']|["']$/g, '')
    .replace(/\s+/g, '');
}

/** Whose keys can check a token's signature: the configured realm its `iss` names, or why none. */
export type KeysFor<E> =
  | { kind: 'configured'; environment: E }
  | { kind: 'unknown-issuer'; iss: string }
  | { kind: 'no-issuer' }
  | { kind: 'not-signed-jwt'; message: string };

/**
 * The portal fetches keys only from realms in its config: a token naming any other issuer could
 * make the page fetch from anywhere, and a signature "valid" against an attacker's keys means nothing.
 */
export function keysFor<E extends { authority: string }>(
  reading: TokenReading,
  environments: readonly E[],
): KeysFor<E> {
  if (!reading.readable) return { kind: 'not-signed-jwt', message: reading.problem ?? 'Not a JWT.' };
  if (!reading.iss) return { kind: 'no-issuer' };
  const environment = environments.find((e) => sameIssuer(reading.iss, e.authority));
  return environment ? { kind: 'configured', environment } : { kind: 'unknown-issuer', iss: reading.iss };
}
