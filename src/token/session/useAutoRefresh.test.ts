import { describe, expect, it } from 'vitest';
import { tokenTime } from '../../shared/token/tokenTime.ts';
import { autoRefreshDelay } from './useAutoRefresh.ts';

const delay = (exp: number, iat: number | undefined, serverNow: number) =>
  autoRefreshDelay(tokenTime({ exp, iat }, serverNow));

describe('autoRefreshDelay', () => {
  it('renews a 5-minute token 30 s before it expires', () => {
    expect(delay(1300, 1000, 1000)).toBe(270_000);
  });
  it.each([
    [60, 54_000],
    [10, 9_000],
    [4, 3_000],
    [1, 500],
  ])('case 28: renews a %i-second token after at least half its life, not in a storm', (lifetime, ms) => {
    expect(delay(1000 + lifetime, 1000, 1000)).toBe(ms);
    // Just renewed, the next token waits its turn again: never "at once" while it is young.
    expect(delay(1000 + lifetime, 1000, 1000 + lifetime / 4)).toBeGreaterThan(0);
  });
  it('never waits more than a minute before a long token expires', () => {
    expect(delay(4600, 1000, 1000)).toBe(3_540_000);
  });
  it('renews at once when the moment has passed', () => {
    expect(delay(1300, 1000, 1400)).toBe(0);
  });
  it('does not schedule anything for a token without exp', () => {
    expect(autoRefreshDelay(tokenTime({ iat: 1000 }, 1000))).toBeUndefined();
  });
});
