import { sameIssuer } from '../../config/urls.ts';
import type { Failure } from '../../shared/explanation.ts';
import { formatSpan } from '../../shared/token/formatDuration.ts';
import {
  type Expectations,
  signingProblems,
  staticProblems,
  type TokenProblem,
  timeProblems,
} from '../../shared/token/judgeToken.ts';
import type { TokenReading } from '../../shared/token/readToken.ts';

export interface ClaimCheck {
  claim: string;
  tone: 'bad' | 'warn';
  message: string;
}

export interface CheckContext {
  /** What the API expects of an access token (issuer, audience, role). */
  expected: Expectations;
  /** This portal's origin (window.location.origin). */
  portalOrigin: string;
  /** Which token this is: the checks differ. */
  use: 'access' | 'id';
  clientId: string;
  /** Server time (seconds) the time claims are judged at. */
  serverNow: number;
}

/** An access token's problems (judgeToken's rules), flagged next to the claim they are about. */
function flagOf(problem: TokenProblem, expected: Expectations): ClaimCheck | null {
  switch (problem.kind) {
    case 'unsigned':
      return {
        claim: 'alg',
        tone: 'bad',
        message: 'Unsigned token (alg "none"): no API should accept it.',
      };
    case 'foreign-issuer':
      return {
        claim: 'iss',
        tone: 'bad',
        message: problem.iss
          ? `Issued by ${problem.iss}, not by the configured realm ${expected.issuer}.`
          : 'No issuer: the API cannot tell which realm this is from.',
      };
    case 'wrong-type':
      return {
        claim: 'typ',
        tone: 'bad',
        message: `typ is "${problem.typ}", not "Bearer": this is not an access token.`,
      };
    case 'wrong-audience':
      return {
        claim: 'aud',
        tone: 'warn',
        message: `The API's audience "${problem.expected}" is missing: an API that checks aud will refuse it.`,
      };
    case 'unexpected-alg':
      return {
        claim: 'alg',
        tone: 'bad',
        message: `${problem.alg} is not how the realm signs (a key pair, e.g. RS256): its keys cannot verify this token.`,
      };
    case 'key-in-header':
      return {
        claim: problem.parameters[0] ?? 'alg',
        tone: 'bad',
        message: `The token names its own key (${problem.parameters.join(', ')}): an API must take keys from the realm, never from the token (RFC 8725 §3.10).`,
      };
    case 'bad-exp':
      return {
        claim: 'exp',
        tone: 'bad',
        message: `Not a number of seconds (${problem.value}): no API can read it.`,
      };
    case 'no-expiry':
      return { claim: 'exp', tone: 'warn', message: 'No expiry: the token never expires, which is unusual.' };
    case 'not-yet-valid':
      return {
        claim: 'nbf',
        tone: 'bad',
        message: `Not valid yet: it becomes valid in ${formatSpan(problem.validIn)} by the server's clock.`,
      };
    case 'issued-in-future':
      return {
        claim: 'iat',
        tone: 'warn',
        message: `Issued ${formatSpan(problem.inSeconds)} in the future by the server's clock: the realm's clock is ahead, or the token was made by hand.`,
      };
    default:
      // Role and expiry are the verdict's to say, above the claims.
      return null;
  }
}

/** Keycloak-aware checks, flagged inline next to the claim they are about. */
export function checkClaims(reading: TokenReading, context: CheckContext): ClaimCheck[] {
  if (!reading.readable) return [];
  const checks: ClaimCheck[] = [];
  const flag = (claim: string, tone: ClaimCheck['tone'], message: string) =>
    checks.push({ claim, tone, message });

  const add = (problems: TokenProblem[]) => {
    for (const problem of problems) {
      const check = flagOf(problem, context.expected);
      if (check) checks.push(check);
    }
  };
  add(timeProblems(reading, context.serverNow));
  if (context.use === 'access') add(staticProblems(reading, context.expected));
  else {
    add(signingProblems(reading));
    if (reading.badExp !== undefined) add([{ kind: 'bad-exp', value: reading.badExp }]);
    else if (reading.exp === undefined) add([{ kind: 'no-expiry' }]);
    if (reading.iss === undefined)
      flag('iss', 'bad', 'No issuer: the API cannot tell which realm this is from.');
    else if (!sameIssuer(reading.iss, context.expected.issuer))
      flag('iss', 'bad', `Issued by ${reading.iss}, not by the configured realm ${context.expected.issuer}.`);
    if (!reading.aud.includes(context.clientId))
      flag('aud', 'bad', `An ID token for this portal has aud "${context.clientId}".`);
    if (reading.typ !== undefined && reading.typ !== 'ID')
      flag('typ', 'warn', `typ is "${reading.typ}"; Keycloak ID tokens have "ID".`);
  }
  const origins = reading.decoded.ok ? reading.decoded.payload['allowed-origins'] : undefined;
  if (
    context.use === 'access' &&
    Array.isArray(origins) &&
    !origins.includes(context.portalOrigin) &&
    !origins.includes('*')
  ) {
    flag(
      'allowed-origins',
      'warn',
      `This portal's origin ${context.portalOrigin} is not listed: add it to the client's Web Origins.`,
    );
  }
  return checks;
}

/**
 * Mix-up defence: with acceptance and production both configured, a token from the wrong realm
 * must not pass as this environment's. oidc-client-ts does not compare `iss` with the configured
 * authority, so the portal does, for every token of the session (the ID token included).
 */
export function issuerMixUp(
  configuredIssuer: string,
  tokens: Array<TokenReading | undefined>,
): Failure<'issuer-mix-up'> | null {
  const foreign = tokens.find(
    (token) => token?.iss !== undefined && !sameIssuer(token.iss, configuredIssuer),
  );
  return foreign
    ? {
        kind: 'issuer-mix-up',
        tone: 'bad',
        title: 'These tokens come from another realm',
        detail: `They were issued by ${foreign.iss}, not by the configured realm ${configuredIssuer}. Do not use them with this environment.`,
        next: 'Check the authority in config.json, then sign out and in again.',
      }
    : null;
}
