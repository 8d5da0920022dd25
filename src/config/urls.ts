import type { EnvironmentConfig } from './types.ts';

/**
 * The URLs that follow from config.json: the realm's (Keycloak's realm URL is the authority, the
 * issuer and the root of every endpoint) and the portal's own callback. Pure string work, so every
 * feature and every shared module may use them.
 */

/** A host on this machine: the only ones that may use http:, and what "local" means. */
export const isLoopbackHost = (host: string): boolean =>
  host === '127.0.0.1' || host === 'localhost' || host === '[::1]';

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');
/** `https://host[/auth]` + `/realms/<name>`: Keycloak's realm URL shape. */
const REALM_PATH = /^(.*)\/realms\/([^/]+)\/?$/;

/**
 * Whether a token's `iss` names the configured realm. Keycloak's issuer is the realm URL, which
 * config.json may write with or without a trailing slash.
 */
export function sameIssuer(iss: string | undefined, authority: string): boolean {
  return iss !== undefined && withoutTrailingSlash(iss) === withoutTrailingSlash(authority);
}

/** The OpenID Provider Configuration URL of a realm (OpenID Connect Discovery 1.0 §4). */
export function discoveryUrlOf(authority: string): string {
  return `${withoutTrailingSlash(authority)}/.well-known/openid-configuration`;
}

/** `abrumet` from `https://host/auth/realms/abrumet` (Keycloak's realm URL shape), else null. */
export function realmNameOf(authority: string): string | null {
  const match = REALM_PATH.exec(URL.parse(authority)?.pathname ?? '');
  return match?.[2] ? decodeURIComponent(match[2]) : null;
}

/** The discovery URL of the `master` realm every Keycloak has, beside the configured one; else null. */
export function masterRealmDiscoveryOf(authority: string): string | null {
  const url = URL.parse(authority);
  const match = url ? REALM_PATH.exec(url.pathname) : null;
  return url && match ? discoveryUrlOf(`${url.origin}${match[1]}/realms/master`) : null;
}

/**
 * The realm's user events in Keycloak's admin console, from the realm URL (the authority):
 * `https://host[/auth]/realms/<realm>` → `https://host[/auth]/admin/master/console/#/<realm>/events`.
 * The console (Keycloak 19+) routes `/:realm/events` in its hash router; admins sign in to it
 * through the `master` realm unless they administer only their own realm. Null when the authority
 * is not shaped like a Keycloak realm URL.
 */
export function adminEventsUrl(authority: string, adminRealm = 'master'): string | null {
  const url = URL.parse(authority);
  const match = url ? REALM_PATH.exec(url.pathname) : null;
  if (!url || !match) return null;
  const [, base = '', realm = ''] = match;
  return `${url.origin}${base}/admin/${encodeURIComponent(adminRealm)}/console/#/${realm}/events`;
}

/**
 * Whether the realm runs on this machine (the local stack): its clients are registered by the
 * stack itself, so nobody sends a registration request for it.
 */
export function isLocalRealm(authority: string): boolean {
  return isLoopbackHost(hostOf(authority));
}

/**
 * Whether the environment's API runs on this machine (the local stack): its data is the user's own
 * to write. Any other API's data is shared (Acceptance) or real (Production).
 */
export function isLocalApi(environment: Pick<EnvironmentConfig, 'api'>): boolean {
  return isLoopbackHost(hostOf(environment.api.baseUrl));
}

/** The environment's callback URL: config may give a path, resolved against the portal's origin. */
export function redirectUriOf(environment: Pick<EnvironmentConfig, 'redirectUri'>, origin: string): string {
  return new URL(environment.redirectUri, `${origin}/`).href;
}

/**
 * Where a sign-in in a pop-up comes back (an identity's, or the tab signing in again): the
 * environment's callback + `/identity`, a page that only hands the answer to the window that opened it.
 */
export const popupRedirectUriOf = (environment: Pick<EnvironmentConfig, 'redirectUri'>, origin: string) =>
  `${redirectUriOf(environment, origin).replace(/\/+$/, '')}/identity`;
