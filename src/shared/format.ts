/*
 * Dates, times and counts as the page shows them, without Intl: the first toLocaleString() of a
 * page loads ICU's locale and time-zone data (about 10 ms in Chromium, on the path to the first
 * token), and a fixed, sortable form reads the same for every user and matches server logs.
 */

const two = (n: number) => String(n).padStart(2, '0');

/** "14:03:07": the local wall-clock time of an instant (ms since the epoch). */
export function localClock(ms: number): string {
  const date = new Date(ms);
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** "2026-11-28 14:03:07 (UTC+01:00)": the local date and time of an instant, with its offset. */
export function localDateTime(ms: number): string {
  const date = new Date(ms);
  const offset = 0 - date.getTimezoneOffset();
  const sign = offset < 0 ? '−' : '+';
  const zone = `UTC${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${localClock(ms)} (${zone})`;
}

/** "1,234,567": a whole count with thousands separators. */
export function count(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}
