import { describe, expect, it } from 'vitest';
import { describeTimeLeft, formatSeconds } from './formatSeconds.ts';

describe('formatSeconds', () => {
  it.each([
    [0, '0 s'],
    [42, '42 s'],
    [-42, '42 s'],
    [252, '4 min 12 s'],
    [7500, '2 h 5 min'],
  ])('formats %i as %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });

  it.each([
    [252, 'expires in 4 min 12 s'],
    [0, 'expired 0 s ago'],
    [-3, 'expired 3 s ago'],
    [undefined, 'no expiry (exp) in the token'],
  ])('describes %s seconds left', (seconds, text) => {
    expect(describeTimeLeft(seconds)).toBe(text);
  });
});
