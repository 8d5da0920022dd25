import { formatSpan } from '../shared/token/formatDuration.ts';

/** "expires in 4 min 12 s" / "expired 42 s ago" / "no expiry". */
export function describeTimeLeft(seconds: number | undefined): string {
  if (seconds === undefined) return 'no expiry (exp) in the token';
  return seconds > 0 ? `expires in ${formatSpan(seconds)}` : `expired ${formatSpan(seconds)} ago`;
}
