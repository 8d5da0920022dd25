import { useEffect, useEffectEvent, useRef } from 'react';
import { tokenKey } from '../shared/token/serverClock.ts';
import type { SessionTokens } from '../shared/token/sessionTokens.ts';
import { isStale, serverNowSeconds, tokenTime } from '../shared/token/tokenTime.ts';
import type { RefreshTrigger } from './tokenEvents.ts';
import type { RefreshOutcome } from './useRefresh.ts';

interface RenewInput {
  tokens: SessionTokens | null;
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
  tokens,
  hasRefreshToken,
  blocked,
  refresh,
  now = Date.now,
  wakeCheckMs = 10_000,
}: RenewInput): void {
  const tried = useRef(new Set<string>());
  const loaded = useRef(false);

  const renewIfStale = useEffectEvent((trigger: 'load' | 'visible' | 'wake') => {
    if (!tokens || !hasRefreshToken || blocked) return;
    const key = tokenKey(tokens.access);
    if (tried.current.has(key)) return;
    const time = tokenTime(tokens.access, serverNowSeconds(now(), tokens.clock.skewMs));
    if (!isStale(time)) return;
    tried.current.add(key);
    void refresh(trigger);
  });

  const ready = tokens !== null;
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
