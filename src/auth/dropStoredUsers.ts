import { storedUserKeys } from './expectsSignedInPage.ts';

/**
 * Removes this tab's stored sign-ins (every environment's user; memory stores are gone with the
 * page anyway). The way out of a page that crashed: if a token made it crash, the reload would
 * read the same token and crash again. The realm session is left alone, so signing in again does
 * not ask for a password.
 */
export function dropStoredUsers(storage: Storage): void {
  for (const key of storedUserKeys(storage)) storage.removeItem(key);
}
