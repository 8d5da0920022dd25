import { useEffect, useEffectEvent, useRef } from 'react';
import type { TokenReading } from '../../shared/token/readToken.ts';
import { type ServerClock, serverNowSeconds, tokenKey } from '../../shared/token/serverClock.ts';
import { isStale, tokenTime } from '../../shared/token/tokenTime.ts';
import type { RefreshTrigger } from './sessionEvents.ts';
import type { RefreshOutcome } from './useRefresh.ts';

interface RenewInput {
  /** The current access token; null while signed out. */
  access: TokenReading | null;
  clock: ServerClock;
  hasRefreshToken: boolean;
  /** A refresh failed and was not followed by a new token: no automatic retry. */
  blocked: boolean;
  refresh: (trigger: Extract<RefreshTrigger, 'load' | 'visible' | 'wake'>) => Promise<RefreshOutcome>;
  /** Injected in tests. */
  now?: () => number;
  /** How often to look for a jump of the clock (the machine slept). */
  wakeCheckMs?: number;
}

/** A clock that moved this much more than the check interval means the page did not run: a sleep. */
const WAKE_GAP_MS = 20_000;

/**
 * Fresh tokens without asking: when the page loads, when the tab becomes visible again and when
 * the machine wakes up, an access token that has expired (or is about to) is renewed with the
 * refresh token, once per token, through the same serialised refresh as the Refresh button.
 * oidc-client-ts does not do this itself: it never renews a token that was already expired when
 * the page loaded (oidc-client-ts issue #2012), and the portal keeps its automaticSilentRenew off.
 */
export function useRenewStaleToken({
  access,
  clock,
  hasRefreshToken,
  blocked,
  refresh,
  now = Date.now,
  wakeCheckMs = 10_000,
}: RenewInput): void {
  const tried = useRef(new Set<string>());
  const loaded = useRef(false);

  const renewIfStale = useEffectEvent((trigger: 'load' | 'visible' | 'wake') => {
    if (!access || !hasRefreshToken || blocked) return;
    const key = tokenKey(access);
    if (tried.current.has(key)) return;
    const time = tokenTime(access, serverNowSeconds(now(), clock));
    if (!isStale(time)) return;
    tried.current.add(key);
    void refresh(trigger);
  });

  const ready = access !== null;
  useEffect(() => {
    if (!ready || loaded.current) return;
    loaded.current = true;
    renewIfStale('load');
  }, [ready]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') renewIfStale('visible');
    };
    let last = now();
    const timer = setInterval(() => {
      const at = now();
      if (at - last > wakeCheckMs + WAKE_GAP_MS) renewIfStale('wake');
      last = at;
    }, wakeCheckMs);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [now, wakeCheckMs]);
}
