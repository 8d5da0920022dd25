import { sameIssuer } from '../config/realmUrls.ts';
import type { TokenReading } from '../shared/token/readToken.ts';

/**
 * Mix-up defence: with acceptance and production both configured, a token from the wrong realm
 * must not pass as this environment's. oidc-client-ts does not compare `iss` with the configured
 * authority, so the portal does, for every token of the session (the ID token included).
 */
export function issuerMismatch(
  configuredIssuer: string,
  tokens: Array<TokenReading | undefined>,
): string | null {
  const foreign = tokens.find(
    (token) => token?.iss !== undefined && !sameIssuer(token.iss, configuredIssuer),
  );
  return foreign
    ? `These tokens were issued by ${foreign.iss}, not by the configured realm ${configuredIssuer}. Do not use them with this environment: check the authority in config.json, then sign out and in again.`
    : null;
}
