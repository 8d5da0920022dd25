import { renderHook, waitFor } from '@testing-library/react';
import { InMemoryWebStorage, WebStorageStateStore } from 'oidc-client-ts';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { useAbandonedSignIn } from './useAbandonedSignIn.ts';

const NOW = 1_700_000_000;
const now = () => NOW;
/** Lets the hook's reads of the store (promises on an in-memory store) finish. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A tab with one sign-in that left `age` seconds ago, and its own session storage. */
async function tabWithSignIn(age: number) {
  const store = new WebStorageStateStore({ store: new InMemoryWebStorage(), prefix: 'oidc.local.' });
  await store.set('s1', JSON.stringify({ id: 's1', created: NOW - age, request_type: 'si:r' }));
  return { store, storage: new InMemoryWebStorage() as unknown as Storage };
}

const load = (tab: Awaited<ReturnType<typeof tabWithSignIn>>) =>
  renderHook(() => useAbandonedSignIn(tab.store, true, { storage: tab.storage, now }), {
    wrapper: StrictMode,
  });

describe('useAbandonedSignIn', () => {
  it('explains a sign-in that did not come back once: the next page load of this tab does not', async () => {
    const tab = await tabWithSignIn(60);
    const first = load(tab);
    await waitFor(() => expect(first.result.current.abandoned?.keys).toEqual(['s1']));
    first.unmount();

    const reload = load(tab);
    // The state itself stays: a Forward to the realm's login page can still finish that sign-in.
    expect(await tab.store.get('s1')).not.toBeNull();
    await settled();
    expect(reload.result.current.abandoned).toBeNull();
  });

  it('forgets a sign-in that left more than five minutes ago', async () => {
    const tab = await tabWithSignIn(5 * 60 + 1);
    const { result } = load(tab);
    await settled();
    expect(result.current.abandoned).toBeNull();
  });
});
