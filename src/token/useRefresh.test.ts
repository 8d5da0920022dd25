import { act, renderHook } from '@testing-library/react';
import type { User } from 'oidc-client-ts';
import type { AuthContextProps } from 'react-oidc-context';
import { describe, expect, it, vi } from 'vitest';
import { useRefresh } from './useRefresh.ts';

function fakeAuth() {
  let finish: (user: User | null) => void = () => {};
  const signinSilent = vi.fn(
    () =>
      new Promise<User | null>((resolve) => {
        finish = resolve;
      }),
  );
  const auth = { events: {}, signinSilent } as unknown as AuthContextProps;
  return { auth, signinSilent, finish: (user: User | null) => finish(user) };
}

describe('useRefresh', () => {
  it('sends one token request for a double click', async () => {
    const { auth, signinSilent, finish } = fakeAuth();
    const { result } = renderHook(() => useRefresh(auth, { markTrigger: vi.fn() }));
    let first!: Promise<boolean>;
    let second!: Promise<boolean>;
    act(() => {
      first = result.current('manual');
      second = result.current('manual');
    });
    expect(signinSilent).toHaveBeenCalledTimes(1);
    await act(async () => finish({} as User));
    await expect(first).resolves.toBe(true);
    await expect(second).resolves.toBe(true);
  });

  it('joins an automatic renew already under way', async () => {
    const { auth, signinSilent, finish } = fakeAuth();
    const markTrigger = vi.fn();
    const { result } = renderHook(() => useRefresh(auth, { markTrigger }));
    const auto = result.current('auto');
    const manual = result.current('manual');
    expect(signinSilent).toHaveBeenCalledTimes(1);
    expect(markTrigger).toHaveBeenCalledWith('auto');
    expect(markTrigger).toHaveBeenCalledTimes(1);
    await act(async () => finish(null));
    await expect(auto).resolves.toBe(false);
    await expect(manual).resolves.toBe(false);
  });

  it('sends a new request once the previous one has finished', async () => {
    const { auth, signinSilent, finish } = fakeAuth();
    const { result } = renderHook(() => useRefresh(auth, { markTrigger: vi.fn() }));
    const first = result.current('manual');
    await act(async () => finish({} as User));
    await first;
    result.current('manual');
    expect(signinSilent).toHaveBeenCalledTimes(2);
  });
});
