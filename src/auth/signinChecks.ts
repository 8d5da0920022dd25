import { sameIssuer } from '../config/urls.ts';
import type { PortalCheck } from '../shared/portalCheck.ts';

/**
 * OpenID Connect Discovery 1.0 §4.3: the `issuer` the realm's discovery document names must be the
 * realm the portal was configured with, or the tokens it issues are another realm's. oidc-client-ts
 * does not compare them, so the portal does, before it sends anyone to sign in.
 */
export function discoveryIssuerCheck(advertised: unknown, authority: string): PortalCheck | null {
  if (typeof advertised === 'string' && sameIssuer(advertised, authority)) return null;
  return {
    kind: 'discovery-issuer',
    configured: authority,
    advertised: typeof advertised === 'string' ? advertised : '(none)',
  };
}

/**
 * RFC 9207 §2.4, the mix-up defence: the `iss` of an authorization response must be the issuer the
 * request went to (compared as strings), and a response without one is refused when the realm
 * promises to send it (`authorization_response_iss_parameter_supported`, Keycloak and oidc-provider
 * do). Only a response with a code is refused for a missing `iss`: an error response carries nothing
 * to exchange, and the realm's own words are worth showing. Checked before the code is exchanged.
 */
export function callbackIssuerCheck(url: string, issuer: string, issPromised: boolean): PortalCheck | null {
  const params = URL.parse(url)?.searchParams;
  if (!params) return null;
  const iss = params.get('iss');
  if (iss !== null)
    return iss === issuer ? null : { kind: 'callback-issuer', expected: issuer, received: iss };
  return issPromised && params.has('code')
    ? { kind: 'callback-issuer', expected: issuer, received: null }
    : null;
}
