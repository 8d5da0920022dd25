import { useCallback } from 'react';
import type { AuthContextProps } from 'react-oidc-context';
import type { TokenReading } from '../../shared/token/readToken.ts';
import type { RefreshTrigger } from './sessionEvents.ts';
import type { TokenSession } from './useTokenSession.ts';

/** What a refresh brought: a new token, the very same one, or nothing (see auth.error). */
export type RefreshOutcome = 'renewed' | 'unchanged' | 'failed';

/** One refresh at a time per realm (UserManager): keyed by its events object, which is unique to it. */
const inFlight = new WeakMap<object, Promise<RefreshOutcome>>();

/**
 * The refresh_token grant, serialised: a double click, a click during an automatic renew, or a
 * renewal on load, return or wake joins the request already on its way instead of sending a second
 * one (which, with rotating refresh tokens, would present a used token and end the session).
 * react-oidc-context's signinSilent never throws: failures land in `auth.error`.
 */
export function useRefresh(
  auth: AuthContextProps,
  session: Pick<TokenSession, 'markTrigger' | 'record'>,
  access: TokenReading | null,
) {
  const { events, signinSilent } = auth;
  const { markTrigger, record } = session;
  return useCallback(
    (trigger: RefreshTrigger): Promise<RefreshOutcome> => {
      const running = inFlight.get(events);
      if (running) return running;
      markTrigger(trigger);
      const request = signinSilent()
        .then((next): RefreshOutcome => {
          if (next === null) return 'failed';
          if (next.access_token !== access?.raw) return 'renewed';
          // A caching gateway (or a realm reusing tokens) answered with the token we already had.
          markTrigger('manual');
          record({ type: 'refresh-unchanged', at: Date.now(), exp: access?.exp });
          return 'unchanged';
        })
        .finally(() => inFlight.delete(events));
      inFlight.set(events, request);
      return request;
    },
    [events, signinSilent, markTrigger, record, access],
  );
}
