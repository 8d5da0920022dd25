import { formatClock } from '../shared/token/formatDuration.ts';
import type { TokenEvent } from './tokenEvents.ts';

interface EventsTimelineProps {
  events: TokenEvent[];
}

const time = (ms: number) => new Date(ms).toLocaleTimeString();
const expText = (exp: number | undefined) => (exp ? new Date(exp * 1000).toLocaleTimeString() : '?');

function describe(event: TokenEvent): string {
  switch (event.type) {
    case 'signed-in':
      return `Signed in as ${event.who}; token valid until ${expText(event.exp)}`;
    case 'restored':
      return `Session restored for ${event.who} (this tab); token valid until ${expText(event.exp)}`;
    case 'refreshed': {
      const gained = event.oldExp && event.newExp ? ` (+${formatClock(event.newExp - event.oldExp)})` : '';
      return `Refreshed${event.trigger === 'auto' ? ' automatically' : ''}: exp ${expText(event.oldExp)} → ${expText(event.newExp)}${gained}`;
    }
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

/** This tab's session, newest first; memory only. */
export function EventsTimeline({ events }: EventsTimelineProps) {
  return (
    <details className="timeline" open={events.length > 1}>
      <summary>Session events ({events.length})</summary>
      <ol reversed aria-label="Session events">
        {[...events].reverse().map((event) => (
          <li key={`${event.at}-${event.type}`} className={`timeline__item timeline__item--${event.type}`}>
            <time>{time(event.at)}</time> {describe(event)}
          </li>
        ))}
      </ol>
    </details>
  );
}
