import { STORED_USER } from './expectsSignedInPage.ts';

/**
 * Removes this tab's stored sign-ins (every environment's user; memory stores are gone with the
 * page anyway). The way out of a page that crashed: if a token made it crash, the reload would
 * read the same token and crash again. The realm session is left alone, so signing in again does
 * not ask for a password.
 */
export function dropStoredUsers(storage: Storage): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key !== null && STORED_USER.test(key)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}
