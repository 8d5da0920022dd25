import type { SessionReplaced } from './realmSession.ts';

export type TokenEvent =
  | { type: 'signed-in'; at: number; who: string; exp?: number | undefined }
  | { type: 'restored'; at: number; who: string; exp?: number | undefined }
  | {
      type: 'refreshed';
      at: number;
      trigger: RefreshTrigger;
      oldExp?: number | undefined;
      newExp?: number | undefined;
    }
  /** The realm answered a refresh with the very token the tab already had. */
  | { type: 'refresh-unchanged'; at: number; exp?: number | undefined }
  | { type: 'expired'; at: number; exp?: number | undefined }
  /**
   * The error as reported (described when shown: refreshFailure never reads its request form), and
   * the identity sign-in that had ended the tab's realm session by then, if one had.
   */
  | { type: 'refresh-failed'; at: number; error: unknown; replaced?: SessionReplaced | undefined }
  /** An identity signed in through the realm (who: null when its pop-up did not finish). */
  | { type: 'identity-sign-in'; at: number; who: string | null; endsTabSession: boolean }
  /** What a refresh answer changed besides the access token (refresh token, scope). */
  | { type: 'refresh-note'; at: number; message: string }
  | { type: 'signed-out'; at: number }
  | { type: 'auto-refresh'; at: number; on: boolean };

/**
 * What started a refresh: the Refresh button, the auto-refresh toggle, or the portal renewing a
 * stale token when the page loads, the tab becomes visible again, or the machine wakes up.
 */
export type RefreshTrigger = 'manual' | 'auto' | 'load' | 'visible' | 'wake';

/** The session timeline keeps the last events of this tab, in memory only. */
export const MAX_EVENTS = 100;

export function appendEvent(events: TokenEvent[], event: TokenEvent): TokenEvent[] {
  return [...events, event].slice(-MAX_EVENTS);
}

/**
 * The timeline as a small store: recording an event re-renders only what shows the timeline
 * (useSyncExternalStore), not the page that holds the session (the first event comes right after
 * the token is on screen, and re-rendered the whole signed-in page).
 */
export interface EventLog {
  record(event: TokenEvent): void;
  read(): TokenEvent[];
  subscribe(onChange: () => void): () => void;
}

export function createEventLog(): EventLog {
  let events: TokenEvent[] = [];
  const listeners = new Set<() => void>();
  return {
    record(event) {
      events = appendEvent(events, event);
      for (const listener of listeners) listener();
    },
    read: () => events,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}
