import { useEffect, useReducer } from 'react';
import { describeTimeLeft } from './formatSeconds.ts';

interface TimeLeftProps {
  /** Seconds since the epoch, from the token. */
  exp: number | undefined;
  /** Server time − local time. */
  clockSkewMs: number;
  now?: () => number;
}

/**
 * "expires in 4 min 12 s", derived from exp on each tick (never counted down). Only this leaf
 * re-renders every second.
 */
export function TimeLeft({ exp, clockSkewMs, now = Date.now }: TimeLeftProps) {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (exp === undefined) return;
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [exp]);
  const left = exp === undefined ? undefined : Math.floor(exp - (now() + clockSkewMs) / 1000);
  return (
    <span className={left !== undefined && left <= 0 ? 'rq-expired' : undefined}>
      {describeTimeLeft(left)}
    </span>
  );
}
