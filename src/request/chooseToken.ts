import { describeTimeLeft } from '../shared/token/formatDuration.ts';
import { readToken, type TokenReading } from '../shared/token/readToken.ts';
import { latestExpired, type SessionTokens } from '../shared/token/sessionTokens.ts';
import { wholeSeconds } from '../shared/token/tokenTime.ts';
import { tamperSignature } from './tamperSignature.ts';

export type TokenChoice = 'current' | 'none' | 'expired' | 'tampered' | 'id' | 'pasted';

export const TOKEN_CHOICES: ReadonlyArray<{ choice: TokenChoice; label: string }> = [
  { choice: 'current', label: 'Current access token' },
  { choice: 'none', label: 'No token' },
  { choice: 'expired', label: 'Expired token' },
  { choice: 'tampered', label: 'Tampered signature' },
  { choice: 'id', label: 'ID token instead' },
  { choice: 'pasted', label: 'Pasted token' },
];

export const choiceLabel = (choice: TokenChoice) =>
  TOKEN_CHOICES.find((c) => c.choice === choice)?.label ?? choice;

export type ChosenToken = { ok: true; token: TokenReading | undefined } | { ok: false; message: string };

/** Why there is no expired token to send yet, and when there will be one. */
export function noExpiredToken(tokens: SessionTokens, serverNow: number): string {
  const { exp } = tokens.access;
  const when =
    exp === undefined ? '' : `; the current one ${describeTimeLeft(wholeSeconds(exp - serverNow))}`;
  return `None of this tab's tokens has expired yet${when}`;
}

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
      const tampered = tamperSignature(tokens.access.raw);
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
