import { describe, expect, it } from 'vitest';
import {
  describeTimeLeft,
  formatClock,
  formatRelative,
  formatSignedClock,
  formatSpan,
} from './formatDuration.ts';

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [5.9, '0:05'],
    [42, '0:42'],
    [192, '3:12'],
    [-42, '0:42'],
    [3725, '62:05'],
  ])('shows %s s as %s', (seconds, text) => expect(formatClock(seconds)).toBe(text));
});

describe('formatSpan and formatRelative', () => {
  it.each([
    [12, '12 s'],
    [60, '1 min'],
    [192, '3 min 12 s'],
    [7500, '2 h 5 min'],
    [90000, '1 d 1 h'],
  ])('spells %s s as %s', (seconds, text) => expect(formatSpan(seconds)).toBe(text));

  it.each([
    [1192, 1000, 'in 3 min 12 s'],
    [880, 1000, '2 min ago'],
    [1000, 1000, 'now'],
  ])('describes %s relative to %s as %s', (at, now, text) => expect(formatRelative(at, now)).toBe(text));
});

describe('formatSignedClock', () => {
  it.each([
    [293, '+4:53'],
    [0, '+0:00'],
    [-7, '−0:07'],
  ])('signs %s s as %s', (seconds, text) => expect(formatSignedClock(seconds)).toBe(text));
});

describe('describeTimeLeft', () => {
  it.each([
    [252, 'expires in 4 min 12 s'],
    [300, 'expires in 5 min'],
    [0, 'expired 0 s ago'],
    [-3, 'expired 3 s ago'],
    [undefined, 'no expiry (exp) in the token'],
  ])('describes %s seconds left', (seconds, text) => {
    expect(describeTimeLeft(seconds)).toBe(text);
  });
});
