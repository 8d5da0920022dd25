import { act, renderHook } from '@testing-library/react';
import type { User } from 'oidc-client-ts';
import type { AuthContextProps } from 'react-oidc-context';
import { describe, expect, it, vi } from 'vitest';
import { readToken } from '../../shared/token/readToken.ts';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { useRefresh } from './useRefresh.ts';

const current = fakeJwt({ jti: 'current', exp: 1000 });
const renewed = { access_token: fakeJwt({ jti: 'renewed', exp: 1300 }) } as User;

function fakeAuth() {
  let finish: (user: User | null) => void = () => {};
  const signinSilent = vi.fn(
    () =>
      new Promise<User | null>((resolve) => {
        finish = resolve;
      }),
  );
  const auth = { events: {}, signinSilent, user: { access_token: current } } as unknown as AuthContextProps;
  return { auth, signinSilent, finish: (user: User | null) => finish(user) };
}
const session = () => ({ markTrigger: vi.fn(), record: vi.fn() });

describe('useRefresh', () => {
  it('sends one token request for a double click', async () => {
    const { auth, signinSilent, finish } = fakeAuth();
    const { result } = renderHook(() => useRefresh(auth, session(), readToken(current)));
    let first!: Promise<string>;
    let second!: Promise<string>;
    act(() => {
      first = result.current('manual');
      second = result.current('manual');
    });
    expect(signinSilent).toHaveBeenCalledTimes(1);
    await act(async () => finish(renewed));
    await expect(first).resolves.toBe('renewed');
    await expect(second).resolves.toBe('renewed');
  });

  it('joins an automatic renew already under way', async () => {
    const { auth, signinSilent, finish } = fakeAuth();
    const markTrigger = vi.fn();
    const { result } = renderHook(() =>
      useRefresh(auth, { markTrigger, record: vi.fn() }, readToken(current)),
    );
    const auto = result.current('auto');
    const manual = result.current('manual');
    expect(signinSilent).toHaveBeenCalledTimes(1);
    expect(markTrigger).toHaveBeenCalledWith('auto');
    expect(markTrigger).toHaveBeenCalledTimes(1);
    await act(async () => finish(null));
    await expect(auto).resolves.toBe('failed');
    await expect(manual).resolves.toBe('failed');
  });

  it('sends a new request once the previous one has finished', async () => {
    const { auth, signinSilent, finish } = fakeAuth();
    const { result } = renderHook(() => useRefresh(auth, session(), readToken(current)));
    const first = result.current('manual');
    await act(async () => finish(renewed));
    await first;
    result.current('manual');
    expect(signinSilent).toHaveBeenCalledTimes(2);
  });

  it('tells a refresh that returned the very same token, and logs it', async () => {
    const { auth, finish } = fakeAuth();
    const record = vi.fn();
    const { result } = renderHook(() =>
      useRefresh(auth, { markTrigger: vi.fn(), record }, readToken(current)),
    );
    const outcome = result.current('manual');
    await act(async () => finish({ access_token: current } as User));
    await expect(outcome).resolves.toBe('unchanged');
    expect(record).toHaveBeenCalledWith(expect.objectContaining({ type: 'refresh-unchanged', exp: 1000 }));
  });
});
