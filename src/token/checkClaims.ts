import { sameIssuer } from '../config/realmUrls.ts';
import type { JsonObject } from '../shared/token/decodeToken.ts';
import { audienceOf } from './audienceOf.ts';

export interface ClaimCheck {
  claim: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface CheckContext {
  /** The configured realm URL, which is what the realm puts in `iss`. */
  issuer: string;
  /** The API's expected audience, when the configuration names one. */
  audience?: string;
  /** This portal's origin (window.location.origin). */
  portalOrigin: string;
  /** Which token this is: the checks differ. */
  use: 'access' | 'id';
  clientId: string;
}

/** Keycloak-aware checks, flagged inline next to the claim they are about. */
export function checkClaims(header: JsonObject, payload: JsonObject, context: CheckContext): ClaimCheck[] {
  const checks: ClaimCheck[] = [];
  const flag = (claim: string, severity: ClaimCheck['severity'], message: string) =>
    checks.push({ claim, severity, message });

  if (typeof header.alg === 'string' && header.alg.toLowerCase() === 'none') {
    flag('alg', 'error', 'Unsigned token (alg "none"): no API should accept it.');
  }
  if (typeof payload.iss !== 'string')
    flag('iss', 'error', 'No issuer: the API cannot tell which realm this is from.');
  else if (!sameIssuer(payload.iss, context.issuer)) {
    flag('iss', 'error', `Issued by ${payload.iss}, not by the configured realm ${context.issuer}.`);
  }
  if (typeof payload.exp !== 'number')
    flag('exp', 'warning', 'No expiry: the token never expires, which is unusual.');

  if (context.use === 'access') {
    if (payload.typ !== undefined && payload.typ !== 'Bearer') {
      flag('typ', 'error', `typ is "${String(payload.typ)}", not "Bearer": this is not an access token.`);
    }
    if (context.audience && !audienceOf(payload).includes(context.audience)) {
      flag(
        'aud',
        'warning',
        `The API's audience "${context.audience}" is missing: an API that checks aud will refuse it.`,
      );
    }
    const origins = payload['allowed-origins'];
    if (Array.isArray(origins) && !origins.includes(context.portalOrigin) && !origins.includes('*')) {
      flag(
        'allowed-origins',
        'warning',
        `This portal's origin ${context.portalOrigin} is not listed: add it to the client's Web Origins.`,
      );
    }
  } else {
    if (!audienceOf(payload).includes(context.clientId)) {
      flag('aud', 'error', `An ID token for this portal has aud "${context.clientId}".`);
    }
    if (payload.typ !== undefined && payload.typ !== 'ID') {
      flag('typ', 'warning', `typ is "${String(payload.typ)}"; Keycloak ID tokens have "ID".`);
    }
  }
  return checks;
}
