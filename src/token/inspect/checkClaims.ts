import { sameIssuer } from '../../config/urls.ts';
import type { Failure } from '../../shared/explanation.ts';
import { problemText } from '../../shared/token/explainJudgement.ts';
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

/** Where each of judgeToken's problems is flagged, and how loudly; role and expiry are the verdict's. */
const FLAGS: Partial<Record<TokenProblem['kind'], { claim: string; tone: ClaimCheck['tone'] }>> = {
  unsigned: { claim: 'alg', tone: 'bad' },
  'unexpected-alg': { claim: 'alg', tone: 'bad' },
  'foreign-issuer': { claim: 'iss', tone: 'bad' },
  'wrong-type': { claim: 'typ', tone: 'bad' },
  'wrong-audience': { claim: 'aud', tone: 'warn' },
  'bad-exp': { claim: 'exp', tone: 'bad' },
  'no-expiry': { claim: 'exp', tone: 'warn' },
  'not-yet-valid': { claim: 'nbf', tone: 'bad' },
  'issued-in-future': { claim: 'iat', tone: 'warn' },
};

/**
 * An access token's problems (judgeToken's rules), flagged next to the claim they are about, in the
 * verdict's own words (problemText): one wording per problem, wherever the page says it.
 */
function flagOf(problem: TokenProblem): ClaimCheck | null {
  const flag =
    problem.kind === 'key-in-header'
      ? { claim: problem.parameters[0] ?? 'alg', tone: 'bad' as const }
      : FLAGS[problem.kind];
  if (!flag) return null;
  const clause = problemText(problem);
  return { ...flag, message: `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.` };
}

/** Keycloak-aware checks, flagged inline next to the claim they are about. */
export function checkClaims(reading: TokenReading, context: CheckContext): ClaimCheck[] {
  if (!reading.readable) return [];
  const checks: ClaimCheck[] = [];
  const flag = (claim: string, tone: ClaimCheck['tone'], message: string) =>
    checks.push({ claim, tone, message });

  const add = (problems: TokenProblem[]) => {
    for (const problem of problems) {
      const check = flagOf(problem);
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
