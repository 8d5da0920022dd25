import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNMEASURED } from '../../shared/token/serverClock.ts';
import { type SessionTokens, sessionTokens } from '../../shared/token/sessionTokens.ts';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { useRenewStaleToken } from './useRenewStaleToken.ts';

const start = Date.UTC(2026, 10, 27, 12);
const iat = start / 1000;
/** A 5-minute token (renewed in its last 30 s) that expires at `exp`. */
const tokensExpiringAt = (exp: number) =>
  sessionTokens({ access: fakeJwt({ jti: `t-${exp}`, iat: exp - 300, exp }) });

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(start);
});
afterEach(() => vi.useRealTimers());

const setVisibility = (state: 'visible' | 'hidden') => {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
};

function renew(tokens: SessionTokens | null, options: { hasRefreshToken?: boolean; blocked?: boolean } = {}) {
  const refresh = vi.fn(async () => 'renewed' as const);
  const hook = renderHook(
    (current: SessionTokens | null) =>
      useRenewStaleToken({
        access: current?.access ?? null,
        clock: UNMEASURED,
        hasRefreshToken: options.hasRefreshToken ?? true,
        blocked: options.blocked ?? false,
        refresh,
      }),
    { initialProps: tokens },
  );
  return { refresh, ...hook };
}

describe('useRenewStaleToken', () => {
  it('renews a token that had expired when the page loaded, once', () => {
    const { refresh, rerender } = renew(tokensExpiringAt(iat - 10));
    expect(refresh).toHaveBeenCalledExactlyOnceWith('load');
    rerender(tokensExpiringAt(iat - 10));
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('renews a token about to expire on load, and leaves a fresh one alone', () => {
    expect(renew(tokensExpiringAt(iat + 20)).refresh).toHaveBeenCalledWith('load');
    expect(renew(tokensExpiringAt(iat + 200)).refresh).not.toHaveBeenCalled();
  });

  it('case 29: renews when the tab comes back after the token expired', () => {
    const { refresh } = renew(tokensExpiringAt(iat + 300));
    setVisibility('hidden');
    vi.setSystemTime(start + 400_000);
    act(() => setVisibility('visible'));
    expect(refresh).toHaveBeenCalledExactlyOnceWith('visible');
  });

  it('case 29: renews when the machine wakes up from a sleep', () => {
    const { refresh } = renew(tokensExpiringAt(iat + 300));
    act(() => vi.advanceTimersByTime(10_000));
    expect(refresh).not.toHaveBeenCalled();
    // Asleep: the clock jumps ten minutes while no timer ran.
    vi.setSystemTime(start + 610_000);
    act(() => vi.advanceTimersByTime(10_000));
    expect(refresh).toHaveBeenCalledExactlyOnceWith('wake');
  });

  it('case 29: does not try without a refresh token, nor again after a failure', () => {
    expect(renew(tokensExpiringAt(iat - 10), { hasRefreshToken: false }).refresh).not.toHaveBeenCalled();
    expect(renew(tokensExpiringAt(iat - 10), { blocked: true }).refresh).not.toHaveBeenCalled();
  });
});
