/** A user stored by a UserManager of createUserManager: `oidc.<environment id>.user:<authority>:<client>`. */
const STORED_USER = /^oidc\.[a-z0-9-]+\.user:/;

/**
 * Whether this page load will most likely show a signed-in page: it is a sign-in callback, or this
 * tab stores a user. Decided before config.json is read, so the signed-in views can start loading.
 */
export function expectsSignedInPage(location: Location | URL, storage: Storage): boolean {
  return location.pathname.startsWith('/callback/') || storedUserKeys(storage).length > 0;
}

/** Whether this tab stores a user for that environment (whatever the spelling of its authority). */
export function storesUserFor(environmentId: string, storage: Storage): boolean {
  return storedUserKeys(storage).some((key) => key.startsWith(`oidc.${environmentId}.user:`));
}

/** The keys of the users this storage holds, every environment's. */
export function storedUserKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key !== null && STORED_USER.test(key)) keys.push(key);
  }
  return keys;
}
