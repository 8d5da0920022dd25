import { METHODS } from '../../config/methods.ts';
import type { EndpointPreset } from '../../config/types.ts';
import type { Probe } from '../../shared/bearer/verdict/verdict.ts';

/** Which token goes into Authorization: the right one, or one the API must refuse (a probe). */
export type TokenChoice = 'current' | 'expired' | 'pasted' | Probe;

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

/** The explainer hears which refusals were asked for on purpose, and nothing else of the choice. */
export const probeOf = (choice: TokenChoice): Probe | undefined =>
  choice === 'none' || choice === 'tampered' || choice === 'id' ? choice : undefined;

export { METHODS };
export type Method = (typeof METHODS)[number];

export interface HeaderRow {
  id: number;
  name: string;
  value: string;
  enabled: boolean;
}

/** The request being edited. `pasted` lives in memory only: it never reaches history or storage. */
export interface RequestDraft {
  method: Method;
  /** As typed: a path relative to the API base URL, or an absolute URL. */
  url: string;
  headers: HeaderRow[];
  body: string;
  bodyMode: 'json' | 'text';
  tokenChoice: TokenChoice;
  pasted: string;
  /** The preset that filled the request, while method and URL still match it (its role is checked). */
  presetName?: string | undefined;
  nextHeaderId: number;
}

export type DraftAction =
  | { type: 'method'; method: Method }
  | { type: 'url'; url: string }
  | { type: 'body'; body: string }
  | { type: 'body-mode'; mode: RequestDraft['bodyMode'] }
  | { type: 'token'; choice: TokenChoice }
  | { type: 'pasted'; pasted: string }
  | { type: 'add-header'; name?: string; value?: string }
  | { type: 'edit-header'; id: number; patch: Partial<Omit<HeaderRow, 'id'>> }
  | { type: 'remove-header'; id: number }
  | { type: 'preset'; preset: EndpointPreset }
  | { type: 'load'; draft: Omit<RequestDraft, 'pasted' | 'nextHeaderId'> };

export const toMethod = (value: string): Method =>
  (METHODS as readonly string[]).includes(value.toUpperCase()) ? (value.toUpperCase() as Method) : 'GET';

/** A GET of nothing yet, accepting JSON, with the current token: what a preset or entry fills in. */
export const BLANK_DRAFT: RequestDraft = {
  method: 'GET',
  url: '',
  headers: [{ id: 1, name: 'Accept', value: 'application/json', enabled: true }],
  body: '',
  bodyMode: 'json',
  tokenChoice: 'current',
  pasted: '',
  nextHeaderId: 2,
};

export function initialDraft(presets: readonly EndpointPreset[]): RequestDraft {
  const draft: RequestDraft = { ...BLANK_DRAFT, url: '/api/v1/me' };
  return presets[0] ? draftReducer(draft, { type: 'preset', preset: presets[0] }) : draft;
}

export function draftReducer(draft: RequestDraft, action: DraftAction): RequestDraft {
  switch (action.type) {
    case 'method':
      return { ...draft, method: action.method, presetName: undefined };
    case 'url':
      return { ...draft, url: action.url, presetName: undefined };
    case 'body':
      return { ...draft, body: action.body };
    case 'body-mode':
      return { ...draft, bodyMode: action.mode };
    case 'token':
      return { ...draft, tokenChoice: action.choice };
    case 'pasted':
      return { ...draft, pasted: action.pasted };
    case 'add-header':
      return {
        ...draft,
        headers: [
          ...draft.headers,
          { id: draft.nextHeaderId, name: action.name ?? '', value: action.value ?? '', enabled: true },
        ],
        nextHeaderId: draft.nextHeaderId + 1,
      };
    case 'edit-header':
      return {
        ...draft,
        headers: draft.headers.map((row) => (row.id === action.id ? { ...row, ...action.patch } : row)),
      };
    case 'remove-header':
      return { ...draft, headers: draft.headers.filter((row) => row.id !== action.id) };
    case 'preset':
      return {
        ...draft,
        method: toMethod(action.preset.method),
        url: action.preset.path,
        body: action.preset.body ?? '',
        bodyMode: 'json',
        presetName: action.preset.name,
      };
    case 'load': {
      const headers = action.draft.headers.map((row, i) => ({ ...row, id: i + 1 }));
      return { ...action.draft, headers, pasted: '', nextHeaderId: headers.length + 1 };
    }
  }
}
