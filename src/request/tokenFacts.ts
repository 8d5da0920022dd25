import { decodeToken } from '../shared/token/decodeToken.ts';
import { audienceOf } from '../token/audienceOf.ts';
import { rolesOf } from '../token/rolesOf.ts';

/** What the request pane needs to know about a token, read without verifying it. */
export interface TokenFacts {
  /** False for opaque, encrypted or broken tokens; `problem` then says which. */
  readable: boolean;
  problem?: string;
  sub?: string;
  username?: string;
  jti?: string;
  /** Keycloak's token type claim: "Bearer" for access tokens, "ID" for ID tokens. */
  typ?: string;
  iss?: string;
  aud: string[];
  azp?: string;
  scope?: string;
  /** `realm_access.roles` (Keycloak). */
  realmRoles: string[];
  /** `resource_access.<client>.roles` (Keycloak), per client. */
  clientRoles: Record<string, string[]>;
  /** Seconds since the epoch. */
  exp?: number;
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Decodes a token (via decodeToken) into the facts the explainer, preview and history use. */
export function tokenFacts(raw: string | undefined): TokenFacts {
  const decoded = decodeToken(raw);
  if (!decoded.ok)
    return { readable: false, problem: decoded.message, aud: [], realmRoles: [], clientRoles: {} };
  const { payload } = decoded;
  const roles = rolesOf(payload);
  const clientRoles = Object.fromEntries(roles.clients.map(({ client, roles: r }) => [client, r]));
  return {
    readable: true,
    sub: str(payload.sub),
    username: str(payload.preferred_username),
    jti: str(payload.jti),
    typ: str(payload.typ),
    iss: str(payload.iss),
    aud: audienceOf(payload),
    azp: str(payload.azp),
    scope: str(payload.scope),
    realmRoles: roles.realm,
    clientRoles,
    exp: typeof payload.exp === 'number' ? payload.exp : undefined,
  };
}

/** Seconds left before `exp` at the given server time (negative once expired). */
export function secondsLeft(facts: TokenFacts, serverNowMs: number): number | undefined {
  return facts.exp === undefined ? undefined : Math.floor(facts.exp - serverNowMs / 1000);
}

/** Realm roles, then client roles as `client:role`. */
export function allRoles(facts: TokenFacts): string[] {
  return [
    ...facts.realmRoles,
    ...Object.entries(facts.clientRoles).flatMap(([client, roles]) => roles.map((r) => `${client}:${r}`)),
  ];
}
