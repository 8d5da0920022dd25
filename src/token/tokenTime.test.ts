import { describe, expect, it } from 'vitest';
import { tokenTime } from './tokenTime.ts';

const iat = 1_000_000;
const exp = iat + 300;

describe('tokenTime', () => {
  it.each([
    [iat, 0, 'fresh', 300],
    [iat + 239, 0, 'fresh', 61],
    [iat + 240, 0, 'expiring', 60],
    [exp, 0, 'expired', 0],
    [exp + 42, 0, 'expired', -42],
    // The local clock is 130 s behind the server: the server's time decides.
    [iat + 100 - 130, 130_000, 'fresh', 200],
  ])('at local %s with skew %s ms is %s with %s s left', (nowSeconds, skewMs, state, left) => {
    const time = tokenTime(exp, iat, nowSeconds * 1000, skewMs);
    expect(time.state).toBe(state);
    expect(time.secondsLeft).toBe(left);
  });

  it('gives the share of the lifetime left for the bar', () => {
    expect(tokenTime(exp, iat, (iat + 75) * 1000, 0).fractionLeft).toBe(0.75);
    expect(tokenTime(exp, iat, (exp + 1) * 1000, 0).fractionLeft).toBe(0);
  });

  it('scales the expiring window down for very short tokens', () => {
    expect(tokenTime(iat + 10, iat, (iat + 5) * 1000, 0).state).toBe('fresh');
    expect(tokenTime(iat + 10, iat, (iat + 9) * 1000, 0).state).toBe('expiring');
  });
});
