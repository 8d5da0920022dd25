import { describeTimeLeft } from '../shared/token/formatDuration.ts';
import type { TokenReading } from '../shared/token/readToken.ts';
import { serverNowSeconds, tokenTime, wholeSecondsLeft } from '../shared/token/tokenTime.ts';
import { useNow } from '../shared/useNow.ts';

interface TimeLeftProps {
  token: TokenReading;
  /** Server time − local time. */
  skewMs: number;
  /** Injected clock; must be a stable reference (useNow keys its shared interval on it). */
  now?: (() => number) | undefined;
}

/**
 * "expires in 4 min 12 s", derived from exp on each tick of the app's one clock (never counted
 * down). Only this leaf re-renders every second.
 */
export function TimeLeft({ token, skewMs, now }: TimeLeftProps) {
  const time = tokenTime(token, serverNowSeconds(useNow(1000, now), skewMs));
  return (
    <span className={time.state === 'expired' ? 'rq-expired' : undefined}>
      {describeTimeLeft(wholeSecondsLeft(time))}
    </span>
  );
}
