import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EnvironmentConfig } from '../../config/types.ts';
import { type DiscoveryView, describeDiscovery } from './describeDiscovery.ts';
import { discoveryOf, forgetDiscovery } from './discoveryCache.ts';
import type { DiscoveryFetch } from './fetchDiscovery.ts';

export interface Discovery {
  /** Null while the realm has not answered yet. */
  view: DiscoveryView | null;
  /** Asks the realm again (after fixing a proxy, a VPN...). */
  retry(): void;
}

export function useDiscovery(environment: EnvironmentConfig, fetchImpl?: typeof fetch): Discovery {
  const { authority } = environment;
  const [answer, setAnswer] = useState<{ authority: string; result: DiscoveryFetch } | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is how retry() asks again.
  useEffect(() => {
    let current = true;
    void discoveryOf(authority, fetchImpl).then((result) => {
      if (current) setAnswer({ authority, result });
    });
    return () => {
      current = false;
    };
  }, [authority, fetchImpl, attempt]);

  const result = answer?.authority === authority ? answer.result : null;
  const view = useMemo(() => (result ? describeDiscovery(result, environment) : null), [result, environment]);
  const retry = useCallback(() => {
    forgetDiscovery(authority);
    setAnswer(null);
    setAttempt((n) => n + 1);
  }, [authority]);
  return { view, retry };
}
