import { InMemoryWebStorage, WebStorageStateStore } from 'oidc-client-ts';
import { describe, expect, it, vi } from 'vitest';
import { forgetTokensHere } from './forgetTokensHere.ts';

describe('forgetTokensHere', () => {
  it("removes the user and this realm's pending sign-in state, not another realm's", async () => {
    const storage = new InMemoryWebStorage();
    const local = new WebStorageStateStore({ store: storage, prefix: 'oidc.local.' });
    const acceptance = new WebStorageStateStore({ store: storage, prefix: 'oidc.acceptance.' });
    await local.set('state-1', '{"code_verifier":"v1"}');
    await acceptance.set('state-2', '{"code_verifier":"v2"}');
    const removeUser = vi.fn(async () => {});

    await forgetTokensHere({ removeUser, settings: { stateStore: local } });

    expect(removeUser).toHaveBeenCalledOnce();
    expect(await local.getAllKeys()).toEqual([]);
    expect(await acceptance.getAllKeys()).toEqual(['state-2']);
  });
});
