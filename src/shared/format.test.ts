import { describe, expect, it } from 'vitest';
import { count, localClock, localDateTime } from './format.ts';

describe('format', () => {
  it('shows a local time with two digits per field', () => {
    const ms = new Date(2026, 10, 28, 9, 5, 7).getTime();
    expect(localClock(ms)).toBe('09:05:07');
  });

  it('shows a local date-time with its offset from UTC, matching what Intl would say', () => {
    const ms = new Date(2026, 0, 2, 23, 59, 1).getTime();
    const text = localDateTime(ms);
    expect(text.startsWith('2026-01-02 23:59:01 (UTC')).toBe(true);
    const offsetMinutes = 0 - new Date(ms).getTimezoneOffset();
    const [, sign, hh, mm] = /UTC([+−])(\d\d):(\d\d)\)$/.exec(text) ?? [];
    expect((sign === '−' ? -1 : 1) * (Number(hh) * 60 + Number(mm))).toBe(offsetMinutes);
  });

  it('groups thousands like en-US', () => {
    for (const n of [0, 7, 999, 1000, 12345, 1234567, 10_000_000, -4200])
      expect(count(n)).toBe(n.toLocaleString('en-US'));
  });
});
