import type { User, UserManagerEvents } from 'oidc-client-ts';
import { useEffect, useRef, useState } from 'react';
import { readToken, type TokenReading } from '../../shared/token/readToken.ts';
import { type Receipt, receiptOf, tokenKey } from '../../shared/token/serverClock.ts';

const read = (storage: Storage, key: string): Receipt | undefined => {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    const r = value as Partial<Receipt> | null;
    return r && typeof r.key === 'string' && typeof r.iat === 'number' && typeof r.receivedAtMs === 'number'
      ? (r as Receipt)
      : undefined;
  } catch {
    return undefined;
  }
};

/**
 * When the current access token arrived, for the server clock (serverClock). Measured the moment
 * oidc-client-ts stores a new token (its `userLoaded` event: sign-in and every refresh), and kept
 * in this tab's sessionStorage (times and the token's jti, never the token) so a reload keeps it.
 * A token seen before (restored from storage, or handed back unchanged by a refresh) is not
 * measured again: its `iat` is not "now". A new token is read here, in the event, to find its `iat`
 * before the page renders it; rendering reads it once more, in the model.
 */
export function useTokenReceipt(
  events: UserManagerEvents,
  access: TokenReading | null,
  key: string,
  storage: Storage = sessionStorage,
): Receipt | undefined {
  const [receipt, setReceipt] = useState(() => read(storage, key));
  const seen = useRef(new Set<string>());
  const currentKey = access ? tokenKey(access) : undefined;

  useEffect(() => {
    if (currentKey) seen.current.add(currentKey);
  }, [currentKey]);

  useEffect(() => {
    const onLoaded = (loaded: User) => {
      const receivedAtMs = Date.now();
      const reading = readToken(loaded.access_token);
      if (seen.current.has(tokenKey(reading))) return;
      seen.current.add(tokenKey(reading));
      const next = receiptOf(reading, receivedAtMs, loaded.expires_at);
      if (!next) return;
      try {
        storage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage refused (quota, privacy mode): the measurement lives on in memory.
      }
      setReceipt(next);
    };
    events.addUserLoaded(onLoaded);
    return () => events.removeUserLoaded(onLoaded);
  }, [events, key, storage]);

  return receipt;
}
