import { formatSignedClock } from '../shared/token/formatDuration.ts';
import type { RefreshTrigger, TokenEvent } from './tokenEvents.ts';

const expText = (exp: number | undefined) => (exp ? new Date(exp * 1000).toLocaleTimeString() : '?');

const HOW: Record<RefreshTrigger, string> = {
  manual: '',
  auto: ' automatically',
  load: ' automatically: the token was stale when the page loaded',
  visible: ' automatically: the token was stale when the tab came back',
  wake: ' automatically: the token was stale when the computer woke up',
};

/** One line of the session timeline. Lifetime changes are signed: a shorter new token reads "−". */
export function describeEvent(event: TokenEvent): string {
  switch (event.type) {
    case 'signed-in':
      return `Signed in as ${event.who}; token valid until ${expText(event.exp)}`;
    case 'restored':
      return `Session restored for ${event.who} (this tab); token valid until ${expText(event.exp)}`;
    case 'refreshed': {
      const delta =
        event.oldExp !== undefined && event.newExp !== undefined
          ? ` (${formatSignedClock(event.newExp - event.oldExp)})`
          : '';
      return `Refreshed${HOW[event.trigger]}; exp ${expText(event.oldExp)} → ${expText(event.newExp)}${delta}`;
    }
    case 'refresh-unchanged':
      return `Refresh returned the same access token: nothing changed (still valid until ${expText(event.exp)})`;
    case 'expired':
      return 'Access token expired';
    case 'refresh-failed':
      return `Refresh failed: ${event.message}`;
    case 'signed-out':
      return 'Signed out';
    case 'auto-refresh':
      return `Auto-refresh turned ${event.on ? 'on' : 'off'}`;
  }
}
