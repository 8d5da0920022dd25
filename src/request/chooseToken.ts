import { tamperSignature } from './tamperSignature.ts';

export type TokenChoice = 'current' | 'none' | 'expired' | 'tampered' | 'id' | 'pasted';

/** What the shell hands the pane: tokens live in oidc-client-ts, the pane only reads them. */
export interface PaneTokens {
  access: string;
  id?: string | undefined;
  /** The access token before the last refresh, kept in memory by the shell. */
  previousAccess?: string | undefined;
}

export const TOKEN_CHOICES: ReadonlyArray<{ choice: TokenChoice; label: string }> = [
  { choice: 'current', label: 'Current access token' },
  { choice: 'none', label: 'No token' },
  { choice: 'expired', label: 'Expired token (the previous one)' },
  { choice: 'tampered', label: 'Tampered signature' },
  { choice: 'id', label: 'ID token instead' },
  { choice: 'pasted', label: 'Pasted token' },
];

export const choiceLabel = (choice: TokenChoice) =>
  TOKEN_CHOICES.find((c) => c.choice === choice)?.label ?? choice;

export type ChosenToken = { ok: true; token: string | undefined } | { ok: false; message: string };

export const NO_PREVIOUS_TOKEN = 'No earlier token yet: it appears after the first refresh';

/** The raw token a choice stands for, or why that choice is not available right now. */
export function chooseToken(choice: TokenChoice, tokens: PaneTokens, pasted = ''): ChosenToken {
  switch (choice) {
    case 'current':
      return { ok: true, token: tokens.access };
    case 'none':
      return { ok: true, token: undefined };
    case 'expired':
      return tokens.previousAccess
        ? { ok: true, token: tokens.previousAccess }
        : { ok: false, message: `${NO_PREVIOUS_TOKEN}.` };
    case 'tampered': {
      const tampered = tamperSignature(tokens.access);
      return tampered.ok ? { ok: true, token: tampered.token } : tampered;
    }
    case 'id':
      return tokens.id
        ? { ok: true, token: tokens.id }
        : { ok: false, message: 'No ID token in this session (the realm did not return one).' };
    case 'pasted': {
      // People paste "Bearer eyJ…" or a token wrapped over lines: keep only the token.
      const token = pasted.replace(/^\s*bearer\s+/i, '').replace(/\s+/g, '');
      return token ? { ok: true, token } : { ok: false, message: 'Paste a token first.' };
    }
  }
}
