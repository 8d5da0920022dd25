import type { StateStore } from 'oidc-client-ts';

interface ForgetTarget {
  /** react-oidc-context's removeUser: clears the stored user and tells the provider. */
  removeUser(): Promise<void>;
  settings: { stateStore?: StateStore };
}

/**
 * "Forget tokens here": drops this realm's tokens and pending sign-in state from this tab only.
 * The realm's session is left alone, so the next sign-in may not ask for a password. The state
 * store is already prefixed per environment (createUserManager), so other realms keep theirs.
 */
export async function forgetTokensHere({ removeUser, settings }: ForgetTarget): Promise<void> {
  await removeUser();
  const store = settings.stateStore;
  if (!store) return;
  for (const key of await store.getAllKeys()) await store.remove(key);
}
