import { sameIssuer } from '../../config/urls.ts';
import type { Failure } from '../../shared/explanation.ts';
import { type Expectations, staticProblems, type TokenProblem } from '../../shared/token/judgeToken.ts';
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
    default:
      // Role and time are the verdict's to say, above the claims.
      return null;
  }
}

/** Keycloak-aware checks, flagged inline next to the claim they are about. */
export function checkClaims(reading: TokenReading, context: CheckContext): ClaimCheck[] {
  if (!reading.readable) return [];
  const checks: ClaimCheck[] = [];
  const flag = (claim: string, tone: ClaimCheck['tone'], message: string) =>
    checks.push({ claim, tone, message });

  if (context.use === 'access') {
    for (const problem of staticProblems(reading, context.expected)) {
      const check = flagOf(problem, context.expected);
      if (check) checks.push(check);
    }
  } else {
    if (reading.alg?.toLowerCase() === 'none')
      flag('alg', 'bad', 'Unsigned token (alg "none"): no API should accept it.');
    if (reading.iss === undefined)
      flag('iss', 'bad', 'No issuer: the API cannot tell which realm this is from.');
    else if (!sameIssuer(reading.iss, context.expected.issuer))
      flag('iss', 'bad', `Issued by ${reading.iss}, not by the configured realm ${context.expected.issuer}.`);
    if (!reading.aud.includes(context.clientId))
      flag('aud', 'bad', `An ID token for this portal has aud "${context.clientId}".`);
    if (reading.typ !== undefined && reading.typ !== 'ID')
      flag('typ', 'warn', `typ is "${reading.typ}"; Keycloak ID tokens have "ID".`);
  }
  if (reading.exp === undefined) flag('exp', 'warn', 'No expiry: the token never expires, which is unusual.');
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
