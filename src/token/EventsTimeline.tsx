import { useSyncExternalStore } from 'react';
import { localClock } from '../shared/format.ts';
import { formatSignedClock } from '../shared/token/formatDuration.ts';
import { describeRefreshError } from './session/refreshFailure.ts';
import type { EventLog, RefreshTrigger, TokenEvent } from './session/sessionEvents.ts';

const time = localClock;

const expText = (exp: number | undefined) => (exp ? localClock(exp * 1000) : '?');

const HOW: Record<RefreshTrigger, string> = {
  manual: '',
  auto: ' automatically',
  load: ' automatically: the token was stale when the page loaded',
  visible: ' automatically: the token was stale when the tab came back',
  wake: ' automatically: the token was stale when the computer woke up',
};

/** An identity's sign-in through the realm, and what it did to this tab's realm session. */
function identitySignIn(who: string | null, endsTabSession: boolean): string {
  if (who === null)
    return endsTabSession
      ? 'An identity’s sign-in pop-up closed before it finished (on Keycloak, choosing ⟳ “Restart login” there already ends this tab’s realm session)'
      : 'An identity’s sign-in pop-up closed before it finished';
  return endsTabSession
    ? `${who} signed in through the realm as an identity: that ended this tab’s realm session (the realm keeps one per browser)`
    : `${who} signed in through the realm as an identity (this tab’s realm session stays)`;
}

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
      return `Refresh failed: ${describeRefreshError(event.error, undefined, event.replaced).detail}`;
    case 'identity-sign-in':
      return identitySignIn(event.who, event.endsTabSession);
    case 'refresh-note':
      return event.message;
    case 'signed-out':
      return 'Signed out';
    case 'auto-refresh':
      return `Auto-refresh turned ${event.on ? 'on' : 'off'}`;
  }
}

/** How each kind of event reads at a glance: failures and expiry stand out, renewals are good news. */
const COLOUR: Partial<Record<TokenEvent['type'], string>> = {
  'refresh-failed': 'text-bad',
  'identity-sign-in': 'text-warn',
  expired: 'text-bad',
  refreshed: 'text-ok',
};

/** This tab's session, newest first; memory only. The only reader of the log: it alone re-renders. */
export function EventsTimeline({ log }: { log: EventLog }) {
  const events = useSyncExternalStore(log.subscribe, log.read);
  return (
    <details className="tk-timeline" open={events.length > 1}>
      <summary>Session events ({events.length})</summary>
      <ol reversed aria-label="Session events">
        {[...events].reverse().map((event) => (
          <li key={`${event.at}-${event.type}`} className={COLOUR[event.type]}>
            <time className="tk-timeline__time">{time(event.at)}</time> {describeEvent(event)}
          </li>
        ))}
      </ol>
    </details>
  );
}
