import { renderHook, waitFor } from '@testing-library/react';
import type { User } from 'oidc-client-ts';
import { describe, expect, it, vi } from 'vitest';
import { useRecheckOnRestore } from './useRecheckOnRestore.ts';

const transition = (type: 'pagehide' | 'pageshow', persisted: boolean) => {
  const event = new Event(type);
  Object.defineProperty(event, 'persisted', { value: persisted });
  window.dispatchEvent(event);
};

describe('useRecheckOnRestore', () => {
  it('case 47: hides a page going into the back/forward cache and unloads a user forgotten meanwhile', async () => {
    const manager = { getUser: vi.fn(async () => null), removeUser: vi.fn(async () => {}) };
    renderHook(() => useRecheckOnRestore(manager));

    transition('pagehide', true);
    expect(document.documentElement.dataset.restoring).toBe('');
    transition('pageshow', true);

    await waitFor(() => expect(document.documentElement.dataset.restoring).toBeUndefined());
    expect(manager.getUser).toHaveBeenCalledWith(true);
    expect(manager.removeUser).toHaveBeenCalledOnce();
  });

  it('keeps a user that is still stored, and ignores ordinary page loads', async () => {
    const manager = {
      getUser: vi.fn(async () => ({ access_token: 'a' }) as User),
      removeUser: vi.fn(async () => {}),
    };
    renderHook(() => useRecheckOnRestore(manager));

    transition('pageshow', false);
    expect(manager.getUser).not.toHaveBeenCalled();
    transition('pageshow', true);

    await waitFor(() => expect(manager.getUser).toHaveBeenCalledOnce());
    expect(manager.removeUser).not.toHaveBeenCalled();
  });
});
