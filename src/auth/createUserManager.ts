import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { EnvironmentConfig } from '../config/types.ts';
import { redirectUriOf } from '../config/urls.ts';

/**
 * One UserManager per realm. Tokens stay in this tab: the user store is sessionStorage (or memory),
 * and so is the state store (oidc-client-ts defaults it to localStorage, which would put the PKCE
 * verifier where every tab and every later visit can read it). The key prefix keeps realms apart.
 */
export function createUserManager(environment: EnvironmentConfig, origin: string): UserManager {
  const prefix = `oidc.${environment.id}.`;
  const userStorage = environment.tokenStore === 'memory' ? new InMemoryWebStorage() : window.sessionStorage;
  return new UserManager({
    authority: environment.authority,
    client_id: environment.clientId,
    redirect_uri: redirectUriOf(environment, origin),
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: environment.scope,
    userStore: new WebStorageStateStore({ store: userStorage, prefix }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage, prefix }),
    // Off by default so the countdown means something; the token view offers a toggle.
    automaticSilentRenew: false,
    // Keycloak's check-session iframe needs third-party cookies; the portal does not rely on it.
    monitorSession: false,
    loadUserInfo: false,
  });
}
