/** `m:ss` for the countdown (hours fold into minutes: tokens rarely live that long). */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(Math.abs(totalSeconds)));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "3 min 12 s", "2 h 5 min", "4 d 1 h": two units at most, for reading not computing. */
export function formatSpan(totalSeconds: number): string {
  const s = Math.round(Math.abs(totalSeconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
  if (s < 86400) {
    const minutes = Math.floor((s % 3600) / 60);
    return minutes ? `${Math.floor(s / 3600)} h ${minutes} min` : `${Math.floor(s / 3600)} h`;
  }
  const hours = Math.floor((s % 86400) / 3600);
  return hours ? `${Math.floor(s / 86400)} d ${hours} h` : `${Math.floor(s / 86400)} d`;
}

/** "+4:53" / "−0:07": a signed difference, so a shorter new lifetime never reads as a gain. */
export function formatSignedClock(totalSeconds: number): string {
  return `${totalSeconds < 0 ? '−' : '+'}${formatClock(totalSeconds)}`;
}

/** "expires in 4 min 12 s" / "expired 42 s ago" / "no expiry" for whole seconds left. */
export function describeTimeLeft(seconds: number | undefined): string {
  if (seconds === undefined) return 'no expiry (exp) in the token';
  return seconds > 0 ? `expires in ${formatSpan(seconds)}` : `expired ${formatSpan(seconds)} ago`;
}

/** "in 3 min 12 s" / "2 min ago" / "now", relative to `nowSeconds`. */
export function formatRelative(atSeconds: number, nowSeconds: number): string {
  // Truncated like the countdown, so "(in 5 s)" and "0:05 left" agree.
  const delta = Math.trunc(atSeconds - nowSeconds) + 0;
  if (delta === 0) return 'now';
  return delta > 0 ? `in ${formatSpan(delta)}` : `${formatSpan(delta)} ago`;
}
