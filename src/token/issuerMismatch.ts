import { sameIssuer } from '../config/realmUrls.ts';
import type { DecodedToken } from '../shared/token/decodeToken.ts';

/**
 * Mix-up defence: with acceptance and production both configured, a token from the wrong realm
 * must not pass as this environment's. oidc-client-ts does not compare `iss` with the configured
 * authority, so the portal does, for every token it decodes.
 */
export function issuerMismatch(configuredIssuer: string, tokens: DecodedToken[]): string | null {
  const issuers = tokens.flatMap((token) =>
    token.ok && typeof token.payload.iss === 'string' ? [token.payload.iss] : [],
  );
  const foreign = issuers.find((iss) => !sameIssuer(iss, configuredIssuer));
  return foreign
    ? `These tokens were issued by ${foreign}, not by the configured realm ${configuredIssuer}. Do not use them with this environment: check the authority in config.json, then sign out and in again.`
    : null;
}
