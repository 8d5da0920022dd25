import { describe, expect, it } from 'vitest';
import { describeTimeLeft } from './describeTimeLeft.ts';

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
