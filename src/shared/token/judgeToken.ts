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

/** One reason an API will (or should) refuse a token. */
export type TokenProblem =
  | { kind: 'unreadable'; message: string }
  | { kind: 'expired'; secondsAgo: number }
  | { kind: 'not-yet-valid'; validIn: number }
  | { kind: 'issued-in-future'; inSeconds: number }
  | { kind: 'missing-role'; role: string; realmRoles: string[]; clientsWithRole: string[] }
  | { kind: 'wrong-audience'; expected: string; actual: string[] }
  | { kind: 'foreign-issuer'; iss: string | undefined; expected: string }
  | { kind: 'wrong-type'; typ: string }
  | { kind: 'unsigned' }
  | { kind: 'unexpected-alg'; alg: string }
  | { kind: 'key-in-header'; parameters: string[] }
  | { kind: 'bad-exp'; value: string }
  | { kind: 'no-expiry' }
  /** The realm's keys do not verify it (the token view checks; nothing else does). */
  | { kind: 'bad-signature'; message: string };

/**
 * Problems that put the token in doubt rather than make the API refuse it for sure: an API that
 * checks properly refuses it, a careless one may not. The verdict says "in doubt", not "no".
 */
export const DOUBTS: ReadonlySet<TokenProblem['kind']> = new Set([
  'unexpected-alg',
  'key-in-header',
  'no-expiry',
  'issued-in-future',
]);

/**
 * What the portal knows of a token's signature. A token is read here, not verified: only a check
 * against the realm's keys (the token view runs one for the access token) makes it `verified`.
 */
export type SignatureStatus =
  | { kind: 'unchecked'; why?: string | undefined }
  | { kind: 'checking' }
  | { kind: 'verified'; alg: string; kid?: string | undefined }
  | { kind: 'rejected'; message: string };

/** Keycloak signs access tokens with a key pair (RS256 by default): the realm's JWKS verifies them. */
const ASYMMETRIC = /^(RS|PS|ES)(256|384|512)$|^EdDSA$|^Ed25519$/;
/** An `iat` this far ahead of the server's clock is not latency. */
const IAT_LEEWAY_SECONDS = 60;

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
  problems.push(...signingProblems(reading));
  if (reading.badExp !== undefined) problems.push({ kind: 'bad-exp', value: reading.badExp });
  else if (reading.exp === undefined) problems.push({ kind: 'no-expiry' });
  return problems;
}

/**
 * What the JOSE header says about the signature, for any token (RFC 8725 §3.1, §3.10): unsigned,
 * signed another way than the realm signs, or pointing at a key of its own choosing.
 */
export function signingProblems(reading: TokenReading): TokenProblem[] {
  const problems: TokenProblem[] = [];
  if (!reading.alg || reading.alg.toLowerCase() === 'none') problems.push({ kind: 'unsigned' });
  else if (!ASYMMETRIC.test(reading.alg)) problems.push({ kind: 'unexpected-alg', alg: reading.alg });
  if (reading.keyInHeader.length > 0)
    problems.push({ kind: 'key-in-header', parameters: reading.keyInHeader });
  return problems;
}

/** Problems of time at `serverNow` (seconds, server clock): expired, not valid yet, issued ahead. */
export function timeProblems(reading: TokenReading, serverNow: number): TokenProblem[] {
  const time = tokenTime(reading, serverNow);
  const ahead = reading.iat === undefined ? 0 : reading.iat - serverNow;
  const future: TokenProblem[] =
    ahead > IAT_LEEWAY_SECONDS ? [{ kind: 'issued-in-future', inSeconds: wholeSeconds(ahead) }] : [];
  if (time.state === 'expired')
    return [{ kind: 'expired', secondsAgo: wholeSeconds(-(time.secondsLeft ?? 0)) }, ...future];
  if (time.state === 'not-yet-valid')
    return [{ kind: 'not-yet-valid', validIn: wholeSeconds(time.validIn ?? 0) }, ...future];
  return future;
}

/**
 * Can this access token call the API at `serverNow`? Every reason it cannot, time first; a
 * signature the realm's keys rejected, when the token view checked it.
 */
export function judgeToken(
  reading: TokenReading,
  expected: Expectations,
  serverNow: number,
  signature?: SignatureStatus,
): Judgement {
  const problems = reading.readable
    ? [...timeProblems(reading, serverNow), ...staticProblems(reading, expected)]
    : staticProblems(reading, expected);
  // alg "none" is already said; the keys cannot verify what is not signed.
  if (signature?.kind === 'rejected' && !problems.some((p) => p.kind === 'unsigned'))
    problems.push({ kind: 'bad-signature', message: signature.message });
  return { canCall: problems.length === 0, problems };
}
