import type { EnvironmentConfig } from '../../config/types.ts';
import { sameIssuer } from '../../config/urls.ts';
import type { TokenReading } from './readToken.ts';
import { tokenTime, wholeSeconds } from './tokenTime.ts';

/** What the environment's API expects of an access token (config.json). */
export interface Expectations {
  /** The realm URL, which Keycloak puts in `iss`. */
  issuer: string;
  /** `api.audience`, when the API checks `aud`. */
  audience?: string | undefined;
  /** The realm role the API requires (`api.requiredRole`, or a preset's). */
  requiredRole: string;
}

export const expectationsOf = (
  environment: Pick<EnvironmentConfig, 'authority' | 'api'>,
  requiredRole = environment.api.requiredRole,
): Expectations => ({ issuer: environment.authority, audience: environment.api.audience, requiredRole });

/** One reason an API will refuse a token. */
export type TokenProblem =
  | { kind: 'unreadable'; message: string }
  | { kind: 'expired'; secondsAgo: number }
  | { kind: 'not-yet-valid'; validIn: number }
  | { kind: 'missing-role'; role: string; realmRoles: string[]; clientsWithRole: string[] }
  | { kind: 'wrong-audience'; expected: string; actual: string[] }
  | { kind: 'foreign-issuer'; iss: string | undefined; expected: string }
  | { kind: 'wrong-type'; typ: string }
  | { kind: 'unsigned' };

export interface Judgement {
  /** True only when no problem was found: the answer to "can this token call the API right now?". */
  canCall: boolean;
  problems: TokenProblem[];
}

/**
 * The one role rule: the API requires the REALM role (`realm_access.roles`). A client role of the
 * same name (`resource_access.<client>.roles`) is another role, which the API does not read.
 */
export function roleProblem(reading: TokenReading, role: string): TokenProblem | null {
  if (reading.roles.realm.includes(role)) return null;
  const clientsWithRole = reading.roles.clients.filter((c) => c.roles.includes(role)).map((c) => c.client);
  return { kind: 'missing-role', role, realmRoles: reading.roles.realm, clientsWithRole };
}

/** Problems that do not depend on the time: role, audience, issuer, type, signature algorithm. */
export function staticProblems(reading: TokenReading, expected: Expectations): TokenProblem[] {
  if (!reading.readable) return [{ kind: 'unreadable', message: reading.problem ?? 'Unreadable token.' }];
  const problems: TokenProblem[] = [];
  const role = roleProblem(reading, expected.requiredRole);
  if (role) problems.push(role);
  if (expected.audience !== undefined && !reading.aud.includes(expected.audience)) {
    problems.push({ kind: 'wrong-audience', expected: expected.audience, actual: reading.aud });
  }
  if (!sameIssuer(reading.iss, expected.issuer)) {
    problems.push({ kind: 'foreign-issuer', iss: reading.iss, expected: expected.issuer });
  }
  // Keycloak marks access tokens typ "Bearer"; an ID token ("ID") is not for the API.
  if (reading.typ !== undefined && reading.typ.toLowerCase() !== 'bearer') {
    problems.push({ kind: 'wrong-type', typ: reading.typ });
  }
  if (reading.alg?.toLowerCase() === 'none') problems.push({ kind: 'unsigned' });
  return problems;
}

/** Problems of time at `serverNow` (seconds, server clock): expired, or not valid yet. */
export function timeProblems(reading: TokenReading, serverNow: number): TokenProblem[] {
  const time = tokenTime(reading, serverNow);
  if (time.state === 'expired')
    return [{ kind: 'expired', secondsAgo: wholeSeconds(-(time.secondsLeft ?? 0)) }];
  if (time.state === 'not-yet-valid')
    return [{ kind: 'not-yet-valid', validIn: wholeSeconds(time.validIn ?? 0) }];
  return [];
}

/** Can this access token call the API at `serverNow`? Every reason it cannot, time first. */
export function judgeToken(reading: TokenReading, expected: Expectations, serverNow: number): Judgement {
  const problems = reading.readable
    ? [...timeProblems(reading, serverNow), ...staticProblems(reading, expected)]
    : staticProblems(reading, expected);
  return { canCall: problems.length === 0, problems };
}
