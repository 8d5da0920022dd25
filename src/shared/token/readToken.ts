import { isJsonObject } from '../../config/json.ts';
import { type DecodedToken, decodeToken, type JsonObject } from './decodeToken.ts';

/** Keycloak's roles as an access token carries them. */
export interface Roles {
  /** `realm_access.roles`: what the API's role check reads. */
  realm: string[];
  /** `resource_access.<client>.roles`, per client: roles of a client, never realm roles. */
  clients: Array<{ client: string; roles: string[] }>;
}

/**
 * One token, read once (decoded, not verified): every feature takes its claims from here, so the
 * token view, the request pane and the matrix cannot read a token two ways.
 */
export interface TokenReading {
  raw: string;
  decoded: DecodedToken;
  /** False for opaque, encrypted or broken tokens; `problem` then says which. */
  readable: boolean;
  problem?: string;
  alg?: string;
  /** Which of the realm's keys signed it (JOSE header). */
  kid?: string;
  /**
   * JOSE header parameters that say where to find a key (`jku`, `x5u`) or carry one (`jwk`,
   * `x5c`), RFC 7515 §4.1: an API takes keys from the realm, never from the token.
   */
  keyInHeader: string[];
  /** `exp` present but not a NumericDate (a string, say), as JSON; undefined when fine or absent. */
  badExp?: string;
  /** Keycloak's token type claim: "Bearer" for access tokens, "ID" for ID tokens. */
  typ?: string;
  iss?: string;
  /** `aud` is a string or a list (RFC 7519 §4.1.3); always a list here. */
  aud: string[];
  azp?: string;
  sub?: string;
  username?: string;
  name?: string;
  jti?: string;
  /** The realm session the token belongs to (OIDC `sid`): the same for every token of one sign-in. */
  sid?: string;
  scope?: string;
  roles: Roles;
  /** NumericDates (seconds since the epoch, server clock). */
  exp?: number;
  nbf?: number;
  iat?: number;
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const object = (value: unknown): JsonObject | undefined => (isJsonObject(value) ? value : undefined);

const KEY_PARAMETERS = ['jku', 'x5u', 'jwk', 'x5c'];

/** Keycloak's realm and client roles, from `realm_access` and `resource_access`. */
export function rolesOf(payload: JsonObject): Roles {
  const clients = Object.entries(object(payload.resource_access) ?? {}).map(([client, access]) => ({
    client,
    roles: strings(object(access)?.roles),
  }));
  return { realm: strings(object(payload.realm_access)?.roles), clients };
}

/** Reads a raw token into the one model every feature uses. */
export function readToken(raw: string | undefined): TokenReading {
  const decoded = decodeToken(raw);
  const base = { raw: raw ?? '', decoded };
  if (!decoded.ok)
    return {
      ...base,
      readable: false,
      problem: decoded.message,
      aud: [],
      keyInHeader: [],
      roles: { realm: [], clients: [] },
    };
  const { header, payload } = decoded;
  const aud = typeof payload.aud === 'string' ? [payload.aud] : strings(payload.aud);
  return {
    ...base,
    readable: true,
    alg: str(header.alg),
    kid: str(header.kid),
    keyInHeader: KEY_PARAMETERS.filter((name) => header[name] !== undefined),
    badExp:
      payload.exp === undefined || num(payload.exp) !== undefined ? undefined : JSON.stringify(payload.exp),
    typ: str(payload.typ),
    iss: str(payload.iss),
    aud,
    azp: str(payload.azp),
    sub: str(payload.sub),
    username: str(payload.preferred_username),
    name: str(payload.name),
    jti: str(payload.jti),
    sid: str(payload.sid),
    scope: str(payload.scope),
    roles: rolesOf(payload),
    exp: num(payload.exp),
    nbf: num(payload.nbf),
    iat: num(payload.iat),
  };
}

/** Who a token says it is, for a sentence. */
export const whoOf = (reading: TokenReading) => reading.username ?? reading.sub ?? 'an unknown user';

/** Realm roles, then client roles as `client:role` (so a client role never reads as a realm role). */
export function listRoles(roles: Roles): string {
  const all = [
    ...roles.realm,
    ...roles.clients.flatMap(({ client, roles: list }) => list.map((role) => `${client}:${role}`)),
  ];
  return all.length ? all.join(', ') : 'none';
}
