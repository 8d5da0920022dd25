import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useDuplicateTabGuard } from './useDuplicateTabGuard.ts';

describe('useDuplicateTabGuard', () => {
  it('lets the copy of a tab notice it is a copy, and drop its tokens', async () => {
    // The original tab, already running with its id.
    sessionStorage.setItem('abrumet.tab', 'tab-1');
    const original = vi.fn();
    renderHook(() => useDuplicateTabGuard(original));
    // A duplicate starts with the same sessionStorage, so the same id; it asks who else has it.
    const copy = new BroadcastChannel('abrumet-tabs');
    const answers: unknown[] = [];
    copy.onmessage = (event) => answers.push(event.data);
    copy.postMessage({ type: 'hello', tab: 'tab-1' });
    await waitFor(() => expect(answers).toEqual([{ type: 'mine', tab: 'tab-1' }]));
    expect(original).not.toHaveBeenCalled();
    copy.close();
  });

  it('drops the copied session when another tab answers to the same id', async () => {
    sessionStorage.setItem('abrumet.tab', 'tab-2');
    const other = new BroadcastChannel('abrumet-tabs');
    other.onmessage = (event) => {
      if (event.data.type === 'hello') other.postMessage({ type: 'mine', tab: event.data.tab });
    };
    const onDuplicate = vi.fn();
    const { result } = renderHook(() => useDuplicateTabGuard(onDuplicate));
    await waitFor(() => expect(result.current).toBe(true));
    expect(onDuplicate).toHaveBeenCalledTimes(1);
    expect(sessionStorage.getItem('abrumet.tab')).not.toBe('tab-2');
    other.close();
  });

  it('stays quiet when it is the only tab', async () => {
    const onDuplicate = vi.fn();
    const { result } = renderHook(() => useDuplicateTabGuard(onDuplicate));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current).toBe(false);
    expect(onDuplicate).not.toHaveBeenCalled();
  });
});
