import type { DevUser } from './users.ts';

export interface KeycloakClaimsInput {
  user: DevUser;
  clientId: string;
  sid: string | undefined;
  authTime: number | undefined;
  allowedOrigins: readonly string[];
}

/**
 * The claims a Keycloak access token carries on top of the JWT basics (iss, sub, aud, exp, iat, jti,
 * scope), for one of the devstack users. `typ: "Bearer"` is what resource servers check to refuse
 * ID tokens (typ "ID") and refresh tokens (typ "Refresh").
 */
export function keycloakClaims({
  user,
  clientId,
  sid,
  authTime,
  allowedOrigins,
}: KeycloakClaimsInput): Record<string, unknown> {
  return {
    typ: 'Bearer',
    azp: clientId,
    // Keycloak's level of assurance: "1" for a password sign-in.
    acr: '1',
    ...(sid === undefined ? {} : { sid }),
    ...(authTime === undefined ? {} : { auth_time: authTime }),
    'allowed-origins': [...allowedOrigins],
    // Keycloak lists the default roles' composites too (default-roles-<realm> grants the two others).
    realm_access: { roles: ['offline_access', 'uma_authorization', user.realmRole, 'default-roles-abrumet'] },
    resource_access: { account: { roles: ['manage-account', 'view-profile'] } },
    email_verified: true,
    name: user.name,
    preferred_username: user.username,
    given_name: user.givenName,
    family_name: user.familyName,
    email: user.email,
  };
}

/**
 * What Keycloak puts in a client credentials token: its service account
 * (`service-account-<client id>`) and that account's realm roles (here: therapist, so the service
 * may call the API, as the realm export grants it).
 */
export function serviceAccountClaims(clientId: string): Record<string, unknown> {
  return {
    typ: 'Bearer',
    azp: clientId,
    acr: '1',
    realm_access: { roles: ['offline_access', 'uma_authorization', 'default-roles-abrumet', 'therapist'] },
    resource_access: { account: { roles: ['manage-account', 'view-profile'] } },
    email_verified: false,
    preferred_username: `service-account-${clientId}`,
  };
}
