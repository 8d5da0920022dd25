/** "42 s", "4 min 12 s", "2 h 5 min": durations a reader takes in at a glance. */
export function formatSeconds(total: number): string {
  const s = Math.abs(Math.round(total));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** "expires in 4 min 12 s" / "expired 42 s ago" / "no expiry". */
export function describeTimeLeft(seconds: number | undefined): string {
  if (seconds === undefined) return 'no expiry (exp) in the token';
  return seconds > 0 ? `expires in ${formatSeconds(seconds)}` : `expired ${formatSeconds(seconds)} ago`;
}
