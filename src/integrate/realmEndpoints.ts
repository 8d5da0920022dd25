import type { DiscoveryView, EndpointKey } from '../shared/discovery/describeDiscovery.ts';

/** The endpoints a client of the API uses, in the order the guide lists them. */
export const CLIENT_ENDPOINTS = [
  'authorization_endpoint',
  'token_endpoint',
  'device_authorization_endpoint',
  'jwks_uri',
  'userinfo_endpoint',
  'end_session_endpoint',
] as const satisfies readonly EndpointKey[];

export type ClientEndpoint = (typeof CLIENT_ENDPOINTS)[number];

/** Keycloak's paths below the realm URL, for when the realm's own list cannot be read. */
const KEYCLOAK_PATHS: Record<ClientEndpoint, string> = {
  authorization_endpoint: '/protocol/openid-connect/auth',
  token_endpoint: '/protocol/openid-connect/token',
  device_authorization_endpoint: '/protocol/openid-connect/auth/device',
  jwks_uri: '/protocol/openid-connect/certs',
  userinfo_endpoint: '/protocol/openid-connect/userinfo',
  end_session_endpoint: '/protocol/openid-connect/logout',
};

export interface RealmEndpoints {
  /**
   * Where the URLs come from: the realm's discovery document, or Keycloak's standard paths below the
   * configured authority while the document is being read ('loading') or when it cannot be ('failed').
   */
  source: 'discovery' | 'loading' | 'failed';
  /** The issuer tokens carry: the realm's own word when it gave it, else the configured authority. */
  issuer: string;
  urls: Record<ClientEndpoint, string>;
  /** Endpoints the realm's discovery document does not list (shown with Keycloak's standard path). */
  missing: ClientEndpoint[];
}

/**
 * The realm's endpoints for the guide and its code: read from discovery when the realm answered,
 * Keycloak's standard paths otherwise, so the code is never blank and says where its URLs come from.
 */
export function realmEndpoints(view: DiscoveryView | null, authority: string): RealmEndpoints {
  const realm = authority.replace(/\/+$/, '');
  const standard = (key: ClientEndpoint) => `${realm}${KEYCLOAK_PATHS[key]}`;
  if (!view?.ok) {
    return { source: view ? 'failed' : 'loading', issuer: realm, urls: byKey(standard), missing: [] };
  }
  const advertised = (key: ClientEndpoint) => view.endpoints.find((endpoint) => endpoint.key === key)?.url;
  return {
    source: 'discovery',
    issuer: view.issuer,
    urls: byKey((key) => advertised(key) ?? standard(key)),
    missing: CLIENT_ENDPOINTS.filter((key) => advertised(key) === undefined),
  };
}

const byKey = (url: (key: ClientEndpoint) => string) =>
  // Every key of CLIENT_ENDPOINTS gets its URL: the record is complete.
  Object.fromEntries(CLIENT_ENDPOINTS.map((key) => [key, url(key)])) as Record<ClientEndpoint, string>;
