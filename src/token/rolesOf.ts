import type { JsonObject } from '../shared/token/decodeToken.ts';

export interface Roles {
  realm: string[];
  /** resource_access.<client>.roles, per client. */
  clients: Array<{ client: string; roles: string[] }>;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** Keycloak's roles as the ACCESS token carries them (the ID token's profile may not have them). */
export function rolesOf(payload: JsonObject): Roles {
  const realmAccess = payload.realm_access as { roles?: unknown } | undefined;
  const resourceAccess = payload.resource_access;
  const clients =
    resourceAccess && typeof resourceAccess === 'object'
      ? Object.entries(resourceAccess as Record<string, { roles?: unknown } | null>).map(
          ([client, access]) => ({
            client,
            roles: strings(access?.roles),
          }),
        )
      : [];
  return { realm: strings(realmAccess?.roles), clients };
}
