import { describe, expect, it } from 'vitest';
import { measureSkew } from './measureSkew.ts';

describe('measureSkew', () => {
  it('is positive when the server clock is ahead of ours', () => {
    // Token says exp = 1300 (server); we stamped expires_at = 1170 (local): we are 130 s behind.
    expect(measureSkew(1300, 1170)).toBe(130_000);
  });
  it('is negative when our clock is ahead', () => expect(measureSkew(1300, 1345)).toBe(-45_000));
  it('is 0 when it cannot be measured', () => {
    expect(measureSkew(undefined, 1000)).toBe(0);
    expect(measureSkew(1000, undefined)).toBe(0);
  });
});
