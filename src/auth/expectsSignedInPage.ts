/** A user stored by a UserManager of createUserManager: `oidc.<environment id>.user:<authority>:<client>`. */
export const STORED_USER = /^oidc\.[a-z0-9-]+\.user:/;

/**
 * Whether this page load will most likely show a signed-in page: it is a sign-in callback, or this
 * tab stores a user. Decided before config.json is read, so the signed-in views can start loading.
 */
export function expectsSignedInPage(location: Location | URL, storage: Storage): boolean {
  if (location.pathname.startsWith('/callback/')) return true;
  for (let i = 0; i < storage.length; i += 1) if (STORED_USER.test(storage.key(i) ?? '')) return true;
  return false;
}

/** Whether this tab stores a user for that environment (whatever the spelling of its authority). */
export function storesUserFor(environmentId: string, storage: Storage): boolean {
  const prefix = `oidc.${environmentId}.user:`;
  for (let i = 0; i < storage.length; i += 1) if (storage.key(i)?.startsWith(prefix)) return true;
  return false;
}
