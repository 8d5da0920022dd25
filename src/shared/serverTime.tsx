import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type ServerClock, serverNowSeconds } from './token/serverClock.ts';
import { type Clock, systemNow, useNow } from './useNow.ts';

/** The session's server clock, as every part of the page below the shell reads it. */
export interface ServerTime {
  /** The skew measured from the access token (and the expires_in cross-check). */
  clock: ServerClock;
  /** Our clock in ms; injected in tests. A stable reference: useNow keys its interval on it. */
  now: Clock;
  /** Server time now, in seconds, read once: for handlers and effects, which need no tick. */
  serverNow(): number;
}

const ServerTimeContext = createContext<ServerTime | null>(null);

interface ServerTimeProviderProps {
  clock: ServerClock;
  now?: Clock | undefined;
  children: ReactNode;
}

/**
 * Gives the page one server clock: the shell measures it once per token (serverClock) and every
 * countdown, "expires in", verdict and send below reads it here instead of being handed the skew
 * through every component on the way.
 */
export function ServerTimeProvider({ clock, now = systemNow, children }: ServerTimeProviderProps) {
  const value = useMemo(
    () => ({ clock, now, serverNow: () => serverNowSeconds(now(), clock) }),
    [clock, now],
  );
  return <ServerTimeContext.Provider value={value}>{children}</ServerTimeContext.Provider>;
}

/** The server clock, without re-rendering on the tick; throws outside ServerTimeProvider. */
export function useServerTime(): ServerTime {
  const value = useContext(ServerTimeContext);
  if (!value) throw new Error('useServerTime must be used inside <ServerTimeProvider> (the shell gives it)');
  return value;
}

/**
 * Our time and the server's (seconds), re-read on each tick of the app's one interval. Only leaves
 * that show a time call it, so the rest of the page does not re-render every second.
 */
export function useServerNow(): { nowMs: number; serverNow: number } {
  const { clock, now } = useServerTime();
  const nowMs = useNow(1000, now);
  return { nowMs, serverNow: serverNowSeconds(nowMs, clock) };
}
