import type { SendResult } from '../../shared/bearer/send.ts';
import type { TokenReading } from '../../shared/token/readToken.ts';
import type { RequestDraft, TokenChoice } from '../editor/draft.ts';

export const HISTORY_LIMIT = 50;

/** The request as it can be reopened: never a token (no pasted token, no Authorization row). */
export type StoredDraft = Omit<RequestDraft, 'pasted' | 'nextHeaderId'>;

export interface HistoryEntry {
  id: string;
  /** Local time the request left (ms since the epoch). */
  at: number;
  method: string;
  url: string;
  /** The HTTP status, or what happened instead. */
  status: number | 'no response' | 'timeout' | 'cancelled' | 'redirect' | 'blocked-by-csp';
  choice: TokenChoice;
  /** Who the token was, never the token: enough to tell two sends apart. */
  who?: { sub?: string; username?: string; jti?: string; secondsLeft?: number };
  draft: StoredDraft;
}

export type HistoryAction = { type: 'add'; entry: HistoryEntry } | { type: 'clear' };

/** Newest first, at most 50. */
export function historyReducer(entries: readonly HistoryEntry[], action: HistoryAction): HistoryEntry[] {
  switch (action.type) {
    case 'add':
      return [action.entry, ...entries.filter((e) => e.id !== action.entry.id)].slice(0, HISTORY_LIMIT);
    case 'clear':
      return [];
  }
}

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);
const SECRET_PARAMS = /([?&])(access_token|id_token|refresh_token|token|code)=[^&#]*/gi;

/** Drops token-bearing query parameters (RFC 6750 §2.3 allows `access_token` in a URL). */
export const redactUrl = (url: string): string => url.replace(SECRET_PARAMS, '$1$2=REDACTED');

/** The HTTP status, or what happened instead: as history and the matrix list a send. */
export const shortStatus = (result: SendResult): HistoryEntry['status'] =>
  result.kind === 'response' ? result.status : result.kind === 'network-error' ? 'no response' : result.kind;

interface EntryInput {
  id: string;
  at: number;
  url: string;
  draft: RequestDraft;
  result: SendResult;
  token: TokenReading | undefined;
  secondsLeft: number | undefined;
}

/** A history entry for one send, with every secret left out. */
export function historyEntry({ id, at, url, draft, result, token, secondsLeft }: EntryInput): HistoryEntry {
  const { pasted: _pasted, nextHeaderId: _next, ...rest } = draft;
  const stored: StoredDraft = {
    ...rest,
    url: redactUrl(draft.url),
    headers: draft.headers.filter((row) => !SECRET_HEADERS.has(row.name.trim().toLowerCase())),
  };
  const who =
    token?.readable === true
      ? {
          ...(token.sub === undefined ? {} : { sub: token.sub }),
          ...(token.username === undefined ? {} : { username: token.username }),
          ...(token.jti === undefined ? {} : { jti: token.jti }),
          ...(secondsLeft === undefined ? {} : { secondsLeft }),
        }
      : undefined;
  return {
    id,
    at,
    method: draft.method,
    url: redactUrl(url),
    status: shortStatus(result),
    choice: draft.tokenChoice,
    ...(who ? { who } : {}),
    draft: stored,
  };
}
