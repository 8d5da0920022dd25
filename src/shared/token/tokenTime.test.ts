import { describe, expect, it } from 'vitest';
import { isStale, renewalLead, tokenTime } from './tokenTime.ts';

const iat = 1_000_000;
const token = { iat, exp: iat + 300 };

describe('tokenTime', () => {
  it.each<[string, number, string, number | undefined]>([
    ['just issued', iat, 'fresh', 300],
    ['with a minute and a second left', iat + 239, 'fresh', 61],
    ['in its last minute', iat + 240, 'expiring', 60],
    ['one second before exp', iat + 299, 'expiring', 1],
    ['at exp', iat + 300, 'expired', 0],
    ['42 s after exp', iat + 342, 'expired', -42],
  ])('is %s', (_name, now, state, left) => {
    const time = tokenTime(token, now);
    expect(time.state).toBe(state);
    expect(time.secondsLeft).toBe(left);
  });

  it('measures the share of life left, and none once expired', () => {
    expect(tokenTime(token, iat + 150).fractionLeft).toBe(0.5);
    expect(tokenTime(token, iat + 400).fractionLeft).toBe(0);
  });

  it('is not valid before nbf', () => {
    const time = tokenTime({ ...token, nbf: iat + 10 }, iat + 4);
    expect(time).toMatchObject({ state: 'not-yet-valid', validIn: 6 });
  });

  it('never says an expired token is anything but expired, whatever nbf says', () => {
    expect(tokenTime({ ...token, nbf: iat + 500 }, iat + 400).state).toBe('expired');
  });

  it('knows a token without exp never expires', () => {
    expect(tokenTime({ iat }, iat + 10)).toMatchObject({ state: 'no-expiry', age: 10 });
  });
});

describe('isStale', () => {
  it.each([
    [iat + 100, false],
    [iat + 269, false],
    [iat + 270, true],
    [iat + 400, true],
  ])('at %s: %s (a 300 s token is renewed in its last 30 s)', (now, stale) => {
    expect(isStale(tokenTime(token, now))).toBe(stale);
  });

  it('renews short tokens just before expiry, long ones a minute ahead', () => {
    expect(renewalLead(6)).toBe(1);
    expect(renewalLead(300)).toBe(30);
    expect(renewalLead(3600)).toBe(60);
  });
});
