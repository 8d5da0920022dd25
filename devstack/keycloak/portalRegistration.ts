import type { KeycloakClient, PortalAddress } from './admin.ts';

/** Keycloak stores post-logout redirect URIs as one attribute, separated by "##". */
export const joinUris = (uris: readonly string[]) => uris.join('##');
export const splitUris = (value: string | undefined) => (value ? value.split('##') : []);

/** What one registration added to a client, and the lifetime attributes it replaced. */
export interface Registered {
  redirectUris: string[];
  webOrigins: string[];
  postLogout: string[];
  previous: Record<string, string>;
}

const missing = (have: readonly string[], want: readonly string[]) =>
  want.filter((uri) => !have.includes(uri));

/**
 * A client with one more portal address (redirect URIs, Web origin, post-logout URI) and, when
 * given, its own access and refresh token lifetimes. Only what the client lacks is added, so undoing
 * it (`withoutPortal`) leaves what it had before: the export's own portal address, registered again
 * by `npm run start:keycloak` with KEYCLOAK_URL, stays.
 */
export function withPortal(
  client: KeycloakClient,
  { origin, redirectUris, accessTokenTtl, refreshTokenTtl }: PortalAddress,
): { client: KeycloakClient; registered: Registered } {
  const lifetimes: Record<string, string> = {
    ...(accessTokenTtl ? { 'access.token.lifespan': String(accessTokenTtl) } : {}),
    ...(refreshTokenTtl ? { 'client.session.idle.timeout': String(refreshTokenTtl) } : {}),
  };
  const postLogoutUris = splitUris(client.attributes['post.logout.redirect.uris']);
  const registered: Registered = {
    redirectUris: missing(client.redirectUris, redirectUris),
    webOrigins: missing(client.webOrigins, [origin]),
    postLogout: missing(postLogoutUris, [`${origin}/`]),
    previous: Object.fromEntries(Object.keys(lifetimes).map((key) => [key, client.attributes[key] ?? ''])),
  };
  return {
    registered,
    client: {
      ...client,
      redirectUris: [...client.redirectUris, ...registered.redirectUris],
      webOrigins: [...client.webOrigins, ...registered.webOrigins],
      attributes: {
        ...client.attributes,
        'post.logout.redirect.uris': joinUris([...postLogoutUris, ...registered.postLogout]),
        ...lifetimes,
      },
    },
  };
}

/** The client without what `withPortal` added, its lifetimes as they were. */
export function withoutPortal(client: KeycloakClient, registered: Registered): KeycloakClient {
  const attributes = { ...client.attributes };
  attributes['post.logout.redirect.uris'] = joinUris(
    splitUris(attributes['post.logout.redirect.uris']).filter((uri) => !registered.postLogout.includes(uri)),
  );
  // Keycloak keeps attributes a PUT leaves out; an empty value removes one.
  Object.assign(attributes, registered.previous);
  return {
    ...client,
    redirectUris: client.redirectUris.filter((uri) => !registered.redirectUris.includes(uri)),
    webOrigins: client.webOrigins.filter((origin) => !registered.webOrigins.includes(origin)),
    attributes,
  };
}
