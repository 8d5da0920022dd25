import { sameIssuer } from '../config/realmUrls.ts';
import { type Expectations, staticProblems, type TokenProblem } from '../shared/token/judgeToken.ts';
import type { TokenReading } from '../shared/token/readToken.ts';

export interface ClaimCheck {
  claim: string;
  severity: 'error' | 'warning';
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
}

/** An access token's problems (judgeToken's rules), flagged next to the claim they are about. */
function flagOf(problem: TokenProblem, expected: Expectations): ClaimCheck | null {
  switch (problem.kind) {
    case 'unsigned':
      return {
        claim: 'alg',
        severity: 'error',
        message: 'Unsigned token (alg "none"): no API should accept it.',
      };
    case 'foreign-issuer':
      return {
        claim: 'iss',
        severity: 'error',
        message: problem.iss
          ? `Issued by ${problem.iss}, not by the configured realm ${expected.issuer}.`
          : 'No issuer: the API cannot tell which realm this is from.',
      };
    case 'wrong-type':
      return {
        claim: 'typ',
        severity: 'error',
        message: `typ is "${problem.typ}", not "Bearer": this is not an access token.`,
      };
    case 'wrong-audience':
      return {
        claim: 'aud',
        severity: 'warning',
        message: `The API's audience "${problem.expected}" is missing: an API that checks aud will refuse it.`,
      };
    default:
      // Role and time are the verdict's to say, above the claims.
      return null;
  }
}

/** Keycloak-aware checks, flagged inline next to the claim they are about. */
export function checkClaims(reading: TokenReading, context: CheckContext): ClaimCheck[] {
  if (!reading.readable) return [];
  const checks: ClaimCheck[] = [];
  const flag = (claim: string, severity: ClaimCheck['severity'], message: string) =>
    checks.push({ claim, severity, message });

  if (context.use === 'access') {
    for (const problem of staticProblems(reading, context.expected)) {
      const check = flagOf(problem, context.expected);
      if (check) checks.push(check);
    }
  } else {
    if (reading.alg?.toLowerCase() === 'none')
      flag('alg', 'error', 'Unsigned token (alg "none"): no API should accept it.');
    if (reading.iss === undefined)
      flag('iss', 'error', 'No issuer: the API cannot tell which realm this is from.');
    else if (!sameIssuer(reading.iss, context.expected.issuer))
      flag(
        'iss',
        'error',
        `Issued by ${reading.iss}, not by the configured realm ${context.expected.issuer}.`,
      );
    if (!reading.aud.includes(context.clientId))
      flag('aud', 'error', `An ID token for this portal has aud "${context.clientId}".`);
    if (reading.typ !== undefined && reading.typ !== 'ID')
      flag('typ', 'warning', `typ is "${reading.typ}"; Keycloak ID tokens have "ID".`);
  }
  if (reading.exp === undefined)
    flag('exp', 'warning', 'No expiry: the token never expires, which is unusual.');
  const origins = reading.decoded.ok ? reading.decoded.payload['allowed-origins'] : undefined;
  if (
    context.use === 'access' &&
    Array.isArray(origins) &&
    !origins.includes(context.portalOrigin) &&
    !origins.includes('*')
  ) {
    flag(
      'allowed-origins',
      'warning',
      `This portal's origin ${context.portalOrigin} is not listed: add it to the client's Web Origins.`,
    );
  }
  return checks;
}
