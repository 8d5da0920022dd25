import { InMemoryWebStorage, WebStorageStateStore } from 'oidc-client-ts';
import type { EnvironmentConfig } from '../config/types.ts';
import { popupRedirectUriOf, redirectUriOf } from '../config/urls.ts';
import { realmMetadata } from '../shared/discovery/discoveryCache.ts';
import { carryDiscovery } from './carriedDiscovery.ts';
import { PortalUserManager } from './PortalUserManager.ts';

/**
 * One UserManager per realm. Tokens stay in this tab: the user store is sessionStorage (or memory),
 * and so is the state store (oidc-client-ts defaults it to localStorage, which would put the PKCE
 * verifier where every tab and every later visit can read it). The key prefix keeps realms apart.
 * The manager adds the checks oidc-client-ts leaves to the application (PortalUserManager).
 */
export function createUserManager(environment: EnvironmentConfig, origin: string): PortalUserManager {
  const prefix = `oidc.${environment.id}.`;
  const userStorage = environment.tokenStore === 'memory' ? new InMemoryWebStorage() : window.sessionStorage;
  const redirectUri = redirectUriOf(environment, origin);
  const settings = {
    authority: environment.authority,
    client_id: environment.clientId,
    redirect_uri: redirectUri,
    // Signing in again in a pop-up (the page stays) comes back to the identities' relay page.
    popup_redirect_uri: popupRedirectUriOf(environment, origin),
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
    // Discovery, the code exchange, keys and revocation; refreshes too (PortalUserManager passes it
    // to each call). A realm that does not answer is reported instead of waited for forever.
    requestTimeoutInSeconds: environment.realmTimeoutSeconds,
    silentRequestTimeoutInSeconds: environment.realmTimeoutSeconds,
  };
  // One discovery fetch per realm per page, and none on the callback page (carriedDiscovery).
  return new PortalUserManager(settings, {
    discovery: realmMetadata,
    carryDiscovery: (metadata) =>
      carryDiscovery(window.sessionStorage, environment.authority, redirectUri, metadata),
  });
}
