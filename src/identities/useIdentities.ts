import { InMemoryWebStorage, type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { EnvironmentConfig } from '../config/types.ts';
import { popupRedirectUriOf } from '../config/urls.ts';
import type { Failure } from '../shared/explanation.ts';
import type { Identity, IdentitySignIn } from '../shared/token/identity.ts';
import { sessionTokens } from '../shared/token/sessionTokens.ts';
import { type IdentityProblemKind, identityProblem } from './identityProblem.ts';

interface Held {
  identity: Identity;
  manager: UserManager;
  refreshToken: boolean;
  /** The realm granted offline_access: its refresh token outlives other sign-ins in this browser. */
  offline: boolean;
}

/** What a page closing needs to revoke an identity's offline session synchronously (sendBeacon). */
interface Revocable {
  endpoint: string;
  refreshToken: string;
}

/**
 * A UserManager of its own per identity, everything in memory: no storage ever sees its tokens.
 * With `offline`, it asks for offline_access: Keycloak keeps one session per browser, and the next
 * user signing in ends it, but an offline session lives on until it is revoked (on Remove, and
 * when the page goes away).
 */
function managerFor(environment: EnvironmentConfig, origin: string, offline: boolean) {
  const memory = new WebStorageStateStore({ store: new InMemoryWebStorage() });
  return new UserManager({
    authority: environment.authority,
    client_id: environment.clientId,
    redirect_uri: popupRedirectUriOf(environment, origin),
    popup_redirect_uri: popupRedirectUriOf(environment, origin),
    response_type: 'code',
    scope: offline ? `${environment.scope} offline_access` : environment.scope,
    userStore: memory,
    stateStore: memory,
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
  });
}

const grantedOffline = (user: User) => (user.scope ?? '').split(' ').includes('offline_access');

/** RFC 7009 from a page that is going away: a beacon, the one request a closing page still sends. */
const revokeOnExit = ({ endpoint, refreshToken }: Revocable, clientId: string) =>
  navigator.sendBeacon(
    endpoint,
    new URLSearchParams({ token: refreshToken, token_type_hint: 'refresh_token', client_id: clientId }),
  );

const usernameOf = (user: User) => String(user.profile.preferred_username ?? user.profile.sub);

const labelOf = (user: User, taken: readonly Identity[]) => {
  const name = usernameOf(user);
  const same = taken.filter((i) => i.label === name || i.label.startsWith(`${name} (`)).length;
  return same ? `${name} (${same + 1})` : name;
};

let sequence = 0;

/**
 * The tab's extra identities: added through a popup sign-in with a forced login prompt (so the
 * realm does not reuse the session of whoever signed in last), refreshed and removed one by one.
 * Everything dies with the page; `onChange` tells the shell, which hands them to the matrix, and
 * `onSignIn` each sign-in through the realm, finished or not, which may end the tab's own session.
 */
export function useIdentities(
  environment: EnvironmentConfig,
  onChange: (identities: Identity[]) => void,
  onSignIn: (signIn: IdentitySignIn) => void,
) {
  const [held, setHeld] = useState<Held[]>([]);
  const [adding, setAdding] = useState(false);
  const [keepSession, setKeepSession] = useState(true);
  // Each offline identity's refresh token and the realm's revocation endpoint, for the page's exit.
  const revocable = useRef(new Map<string, Revocable>());
  const [problem, setProblem] = useState<(Failure<IdentityProblemKind> & { id?: string }) | null>(null);
  const changed = useEffectEvent(onChange);
  // Reported when the list changes, not on mount: the shell starts with none.
  const reported = useRef(held);
  useEffect(() => {
    if (reported.current === held) return;
    reported.current = held;
    changed(held.map((h) => h.identity));
  }, [held]);

  const remember = async (id: string, manager: UserManager, user: User) => {
    const endpoint = await manager.metadataService.getRevocationEndpoint(true);
    if (grantedOffline(user) && user.refresh_token && endpoint)
      revocable.current.set(id, { endpoint, refreshToken: user.refresh_token });
    else revocable.current.delete(id);
  };

  const add = async () => {
    setAdding(true);
    setProblem(null);
    const manager = managerFor(environment, window.location.origin, keepSession);
    try {
      // Aborts when the user closes the window, instead of waiting for ever.
      const user = await manager.signinPopup({ prompt: 'login', popupAbortOnClose: true });
      const tokens = sessionTokens({ access: user.access_token, id: user.id_token });
      onSignIn({ at: Date.now(), who: usernameOf(user), sid: tokens.access.sid });
      sequence += 1;
      const id = `identity-${sequence}`;
      await remember(id, manager, user);
      setHeld((list) => {
        const identity: Identity = {
          id,
          label: labelOf(
            user,
            list.map((h) => h.identity),
          ),
          tokens,
        };
        return [
          ...list,
          { identity, manager, refreshToken: Boolean(user.refresh_token), offline: grantedOffline(user) },
        ];
      });
    } catch (cause) {
      const problem = identityProblem(cause, 'add');
      // A pop-up that opened may have ended the tab's session on its way (Keycloak's ⟳).
      if (problem.kind !== 'popup-blocked') onSignIn({ at: Date.now(), who: null, sid: undefined });
      setProblem(problem);
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
      await remember(id, entry.manager, user);
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

  const remove = async (id: string) => {
    const entry = held.find((h) => h.identity.id === id);
    setHeld((list) => list.filter((h) => h.identity.id !== id));
    revocable.current.delete(id);
    if (!entry) return;
    setProblem(null);
    try {
      // Ends its session at the realm (an offline one would otherwise outlive the tab).
      if (entry.refreshToken) await entry.manager.revokeTokens(['refresh_token']);
    } catch (cause) {
      setProblem(identityProblem(cause, 'remove'));
    } finally {
      await entry.manager.removeUser();
    }
  };

  // The page going away (closed, reloaded, navigated): each offline session ends with it.
  const clientId = environment.clientId;
  useEffect(() => {
    const revokeAll = () => {
      for (const entry of revocable.current.values()) revokeOnExit(entry, clientId);
      revocable.current.clear();
    };
    const exit = () => {
      revokeAll();
      setHeld([]);
    };
    window.addEventListener('pagehide', exit);
    return () => {
      window.removeEventListener('pagehide', exit);
      // The panel goes (a sign-out, another environment): so do their sessions.
      revokeAll();
    };
  }, [clientId]);

  return {
    identities: held.map((h) => ({ ...h.identity, canRefresh: h.refreshToken, offline: h.offline })),
    adding,
    keepSession,
    setKeepSession,
    problem,
    dismissProblem: () => setProblem(null),
    add,
    refresh,
    remove,
  };
}
