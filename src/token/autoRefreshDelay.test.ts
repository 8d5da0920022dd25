import { describe, expect, it } from 'vitest';
import { autoRefreshDelay } from './autoRefreshDelay.ts';

describe('autoRefreshDelay', () => {
  it('renews a 5-minute token 30 s before it expires', () => {
    expect(autoRefreshDelay(1300, 1000, 1000 * 1000, 0)).toBe(270_000);
  });
  it('renews a 10-second token half-way, not in a storm', () => {
    expect(autoRefreshDelay(1010, 1000, 1000 * 1000, 0)).toBe(9_000);
    expect(autoRefreshDelay(1004, 1000, 1000 * 1000, 0)).toBe(3_000);
  });
  it('never waits more than a minute before a long token expires', () => {
    expect(autoRefreshDelay(4600, 1000, 1000 * 1000, 0)).toBe(3_540_000);
  });
  it('uses the server clock', () => {
    expect(autoRefreshDelay(1300, 1000, 870 * 1000, 130_000)).toBe(270_000);
  });
  it('renews at once when the moment has passed', () => {
    expect(autoRefreshDelay(1300, 1000, 1400 * 1000, 0)).toBe(0);
  });
});
