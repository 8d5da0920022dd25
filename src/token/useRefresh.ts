import { useCallback } from 'react';
import type { AuthContextProps } from 'react-oidc-context';
import type { RefreshTrigger } from './tokenEvents.ts';
import type { TokenSession } from './useTokenSession.ts';

/** One refresh at a time per realm (UserManager): keyed by its events object, which is unique to it. */
const inFlight = new WeakMap<object, Promise<boolean>>();

/**
 * The refresh_token grant, serialised: a double click, or a click during an automatic renew,
 * joins the request already on its way instead of sending a second one (which, with rotating
 * refresh tokens, would present a used token and end the session).
 * react-oidc-context's signinSilent never throws: failures land in `auth.error`.
 */
export function useRefresh(auth: AuthContextProps, session: Pick<TokenSession, 'markTrigger'>) {
  const { events, signinSilent } = auth;
  const { markTrigger } = session;
  return useCallback(
    (trigger: RefreshTrigger): Promise<boolean> => {
      const running = inFlight.get(events);
      if (running) return running;
      markTrigger(trigger);
      const request = signinSilent()
        .then((user) => user !== null)
        .finally(() => inFlight.delete(events));
      inFlight.set(events, request);
      return request;
    },
    [events, signinSilent, markTrigger],
  );
}
