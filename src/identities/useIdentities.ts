import { InMemoryWebStorage, type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { EnvironmentConfig } from '../config/types.ts';
import type { Failure } from '../shared/explanation.ts';
import type { Identity } from '../shared/token/identity.ts';
import { sessionTokens } from '../shared/token/sessionTokens.ts';
import { identityRedirectUriOf } from './identityPopup.ts';
import { type IdentityProblemKind, identityProblem } from './identityProblem.ts';

interface Held {
  identity: Identity;
  manager: UserManager;
  refreshToken: boolean;
}

/** A UserManager of its own per identity, everything in memory: no storage ever sees its tokens. */
function managerFor(environment: EnvironmentConfig, origin: string) {
  const memory = new WebStorageStateStore({ store: new InMemoryWebStorage() });
  return new UserManager({
    authority: environment.authority,
    client_id: environment.clientId,
    redirect_uri: identityRedirectUriOf(environment, origin),
    popup_redirect_uri: identityRedirectUriOf(environment, origin),
    response_type: 'code',
    scope: environment.scope,
    userStore: memory,
    stateStore: memory,
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
  });
}

const labelOf = (user: User, taken: readonly Identity[]) => {
  const name = String(user.profile.preferred_username ?? user.profile.sub);
  const same = taken.filter((i) => i.label === name || i.label.startsWith(`${name} (`)).length;
  return same ? `${name} (${same + 1})` : name;
};

let sequence = 0;

/**
 * The tab's extra identities: added through a popup sign-in with a forced login prompt (so the
 * realm does not reuse the session of whoever signed in last), refreshed and removed one by one.
 * Everything dies with the page; `onChange` tells the shell, which hands them to the matrix.
 */
export function useIdentities(environment: EnvironmentConfig, onChange: (identities: Identity[]) => void) {
  const [held, setHeld] = useState<Held[]>([]);
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<(Failure<IdentityProblemKind> & { id?: string }) | null>(null);
  const changed = useEffectEvent(onChange);
  // Reported when the list changes, not on mount: the shell starts with none.
  const reported = useRef(held);
  useEffect(() => {
    if (reported.current === held) return;
    reported.current = held;
    changed(held.map((h) => h.identity));
  }, [held]);

  const add = async () => {
    setAdding(true);
    setProblem(null);
    const manager = managerFor(environment, window.location.origin);
    try {
      // Aborts when the user closes the window, instead of waiting for ever.
      const user = await manager.signinPopup({ prompt: 'login', popupAbortOnClose: true });
      setHeld((list) => {
        sequence += 1;
        const identity: Identity = {
          id: `identity-${sequence}`,
          label: labelOf(
            user,
            list.map((h) => h.identity),
          ),
          tokens: sessionTokens({ access: user.access_token, id: user.id_token }),
        };
        return [...list, { identity, manager, refreshToken: Boolean(user.refresh_token) }];
      });
    } catch (cause) {
      setProblem(identityProblem(cause, 'add'));
    } finally {
      setAdding(false);
    }
  };

  const refresh = async (id: string) => {
    const entry = held.find((h) => h.identity.id === id);
    if (!entry) return;
    setProblem(null);
    try {
      // With a refresh token in its store, oidc-client-ts refreshes with it (no iframe, no prompt).
      const user = await entry.manager.signinSilent();
      if (!user) throw new Error('The realm returned no tokens.');
      setHeld((list) =>
        list.map((h) => {
          if (h.identity.id !== id) return h;
          const { access, earlier } = h.identity.tokens;
          // The old token stays in memory: once expired, it is this identity's "truly expired" token.
          const tokens = {
            ...sessionTokens({ access: user.access_token, id: user.id_token }),
            earlier: [access, ...earlier].slice(0, 5),
          };
          return { ...h, identity: { ...h.identity, tokens }, refreshToken: Boolean(user.refresh_token) };
        }),
      );
    } catch (cause) {
      setProblem({ ...identityProblem(cause, 'refresh'), id });
    }
  };

  const remove = (id: string) => {
    const entry = held.find((h) => h.identity.id === id);
    void entry?.manager.removeUser();
    setHeld((list) => list.filter((h) => h.identity.id !== id));
  };

  return {
    identities: held.map((h) => ({ ...h.identity, canRefresh: h.refreshToken })),
    adding,
    problem,
    dismissProblem: () => setProblem(null),
    add,
    refresh,
    remove,
  };
}
