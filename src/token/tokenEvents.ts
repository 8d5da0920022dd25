export type TokenEvent =
  | { type: 'signed-in'; at: number; who: string; exp?: number }
  | { type: 'restored'; at: number; who: string; exp?: number }
  | { type: 'refreshed'; at: number; trigger: RefreshTrigger; oldExp?: number; newExp?: number }
  | { type: 'expired'; at: number; exp?: number }
  | { type: 'refresh-failed'; at: number; message: string }
  | { type: 'signed-out'; at: number }
  | { type: 'auto-refresh'; at: number; on: boolean };

export type RefreshTrigger = 'manual' | 'auto';

/** The session timeline keeps the last events of this tab, in memory only. */
export const MAX_EVENTS = 100;

export function appendEvent(events: TokenEvent[], event: TokenEvent): TokenEvent[] {
  return [...events, event].slice(-MAX_EVENTS);
}
