import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PORTAL_CLIENT_ID } from '../clients.ts';
import { joinUris } from './portalRegistration.ts';

type Json = Record<string, unknown>;

export const REALM_EXPORT = fileURLToPath(new URL('./abrumet-realm.json', import.meta.url));

export interface PortalRegistration {
  /** Browser origins of the portal (the client's Web origins: CORS on token and UserInfo). */
  portalOrigins: readonly string[];
  /** Exact callback URLs (Valid redirect URIs). */
  redirectUris: readonly string[];
  /** Where RP-initiated logout may return (Valid post logout redirect URIs). */
  postLogoutRedirectUris: readonly string[];
}

/**
 * The `abrumet` realm export with its portal client registered for the given portal address (the
 * committed file names the default one, http://127.0.0.1:5173), and optionally shorter-lived
 * access tokens for tests.
 */
export function abrumetRealm(registration: PortalRegistration, accessTokenTtl?: number): Json {
  const realm = JSON.parse(readFileSync(REALM_EXPORT, 'utf8')) as Json;
  const clients = (realm.clients as Json[]).map((client) => {
    if (client.clientId !== PORTAL_CLIENT_ID) return client;
    return {
      ...client,
      rootUrl: registration.portalOrigins[0],
      redirectUris: [...registration.redirectUris],
      webOrigins: [...registration.portalOrigins],
      attributes: {
        ...(client.attributes as Json),
        'post.logout.redirect.uris': joinUris(registration.postLogoutRedirectUris),
      },
    };
  });
  return {
    ...realm,
    clients,
    ...(accessTokenTtl === undefined ? {} : { accessTokenLifespan: accessTokenTtl }),
  };
}
