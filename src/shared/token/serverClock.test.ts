import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { readToken } from './readToken.ts';
import { receiptOf, serverClock } from './serverClock.ts';

const iat = 1_700_000_000;
const access = readToken(fakeJwt({ jti: 'j1', iat, exp: iat + 300 }));

describe('serverClock', () => {
  it.each<[string, number, number, number]>([
    ['an exact clock', iat * 1000, iat + 300, 0],
    ['our clock 55 min ahead', (iat + 3300) * 1000, iat + 3300 + 300, -3_300_000],
    ['our clock 2 min 10 s behind', (iat - 130) * 1000, iat - 130 + 300, 130_000],
  ])(
    'measures the skew from iat against the time of receipt with %s',
    (_name, receivedAt, expiresAt, skew) => {
      const receipt = receiptOf(access, receivedAt, expiresAt) ?? undefined;
      expect(serverClock(access, receipt)).toEqual({ skewMs: skew, measured: true });
    },
  );

  it('does not take time from expires_in: a 300 s token announced as 3600 s keeps the right clock', () => {
    const receipt = receiptOf(access, iat * 1000, iat + 3600) ?? undefined;
    expect(serverClock(access, receipt)).toEqual({
      skewMs: 0,
      measured: true,
      expiresInMismatch: { expiresIn: 3600, lifetime: 300 },
    });
  });

  it('keeps the skew of an earlier token, without its expires_in cross-check', () => {
    const next = readToken(fakeJwt({ jti: 'j2', iat: iat + 290, exp: iat + 590 }));
    const receipt = receiptOf(access, (iat - 20) * 1000, iat - 20 + 3600) ?? undefined;
    expect(serverClock(next, receipt)).toEqual({ skewMs: 20_000, measured: true });
  });

  it('says when it could not measure', () => {
    expect(serverClock(access, undefined)).toEqual({ skewMs: 0, measured: false });
    expect(receiptOf(readToken(fakeJwt({ exp: 1 })), 0)).toBeNull();
  });
});
