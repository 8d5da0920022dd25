import { useNow } from '../shared/useNow.ts';
import { describeTimeLeft } from './describeTimeLeft.ts';

interface TimeLeftProps {
  /** Seconds since the epoch, from the token. */
  exp: number | undefined;
  /** Server time − local time. */
  clockSkewMs: number;
  /** Injected clock; must be a stable reference (useNow keys its shared interval on it). */
  now?: (() => number) | undefined;
}

/**
 * "expires in 4 min 12 s", derived from exp on each tick of the app's one clock (never counted
 * down). Only this leaf re-renders every second.
 */
export function TimeLeft({ exp, clockSkewMs, now }: TimeLeftProps) {
  const nowMs = useNow(1000, now);
  const left = exp === undefined ? undefined : Math.floor(exp - (nowMs + clockSkewMs) / 1000);
  return (
    <span className={left !== undefined && left <= 0 ? 'rq-expired' : undefined}>
      {describeTimeLeft(left)}
    </span>
  );
}
