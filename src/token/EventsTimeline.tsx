import { describeEvent } from './describeEvent.ts';
import type { TokenEvent } from './tokenEvents.ts';

interface EventsTimelineProps {
  events: TokenEvent[];
}

const time = (ms: number) => new Date(ms).toLocaleTimeString();

/** This tab's session, newest first; memory only. */
export function EventsTimeline({ events }: EventsTimelineProps) {
  return (
    <details className="timeline" open={events.length > 1}>
      <summary>Session events ({events.length})</summary>
      <ol reversed aria-label="Session events">
        {[...events].reverse().map((event) => (
          <li key={`${event.at}-${event.type}`} className={`timeline__item timeline__item--${event.type}`}>
            <time>{time(event.at)}</time> {describeEvent(event)}
          </li>
        ))}
      </ol>
    </details>
  );
}
