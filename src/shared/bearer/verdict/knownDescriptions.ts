/**
 * What a resource server's `error_description` means, for the texts the common libraries really
 * send. Each pattern is anchored on a whole text, and each example is pinned by a test
 * (knownDescriptions.test.ts) and, for the servers the suite runs, by that server's real answer
 * (tests/resourceServers.test.ts): a text that is not here is quoted to the user, never guessed at
 * by keyword (`Invalid Token` once read as "an ID token" because it contains "id token").
 */

/** What the API said was wrong with the token. */
export type DescribedCause =
  | 'expired'
  | 'not-yet-valid'
  | 'signature'
  | 'audience'
  | 'issuer'
  | 'wrong-type'
  | 'malformed'
  /** A claim check failed without naming the claim (a role check, most often). */
  | 'claim-check'
  /** The library's fixed text for a 403: the token is valid but lacks a permission. */
  | 'insufficient'
  /** A fixed text for every refusal: it says that the token was refused, not why. */
  | 'unspecified'
  /** The API could not fetch the realm's metadata or keys: the token was never judged. */
  | 'realm-unreachable';

export interface KnownDescription {
  /** Who sends it, as the README's table names it. */
  server: string;
  pattern: RegExp;
  cause: DescribedCause;
  /** A real text of that server (the tests pin each against its pattern). */
  example: string;
}

const SPRING = 'Spring Security (spring-boot-starter-oauth2-resource-server)';
// NimbusJwtDecoder prefixes every failure with this (Spring Security's JwtValidationException).
const SPRING_PREFIX = 'An error occurred while attempting to decode the Jwt: ';
const spring = (cause: DescribedCause, rest: string, example: string): KnownDescription => ({
  server: SPRING,
  pattern: new RegExp(`^${SPRING_PREFIX}${rest}$`),
  cause,
  example: `${SPRING_PREFIX}${example}`,
});

const EXPRESS = 'express-oauth2-jwt-bearer (Node, Auth0)';
const ASPNET = 'ASP.NET Core JwtBearer (from its source: JwtBearerHandler.CreateErrorDescription)';
const KEYCLOAK = 'Keycloak (its own endpoints, e.g. UserInfo)';
const JOSE = 'jose (Node: many Node APIs pass its messages on)';
const DEMO = 'the Abrumet demo API (devstack/api/bearerVerifier.ts)';
const demo = (cause: DescribedCause, pattern: RegExp, example: string): KnownDescription => ({
  server: DEMO,
  pattern,
  cause,
  example,
});

export const KNOWN_DESCRIPTIONS: readonly KnownDescription[] = [
  demo('expired', /^Token expired$/, 'Token expired'),
  demo('not-yet-valid', /^Token not yet valid$/, 'Token not yet valid'),
  demo('issuer', /^Wrong issuer$/, 'Wrong issuer'),
  demo('audience', /^Wrong audience$/, 'Wrong audience'),
  demo(
    'signature',
    /^Signature invalid( \((unknown signing key|algorithm not allowed)\))?$/,
    'Signature invalid (unknown signing key)',
  ),
  demo('wrong-type', /^Not an access token \(typ [^)]*\)$/, 'Not an access token (typ ID)'),
  demo('malformed', /^Malformed token$/, 'Malformed token'),
  spring('expired', 'Jwt expired at \\S+', 'Jwt expired at 2026-12-05T09:41:03Z'),
  spring('not-yet-valid', 'Jwt used before \\S+', 'Jwt used before 2026-12-05T09:41:03Z'),
  spring('signature', 'Signed JWT rejected: Invalid signature', 'Signed JWT rejected: Invalid signature'),
  spring(
    'signature',
    'Signed JWT rejected: Another algorithm expected, or no matching key\\(s\\) found',
    'Signed JWT rejected: Another algorithm expected, or no matching key(s) found',
  ),
  spring('audience', 'The aud claim is not valid', 'The aud claim is not valid'),
  spring('issuer', 'The iss claim is not valid', 'The iss claim is not valid'),
  spring('malformed', 'Malformed token', 'Malformed token'),
  {
    server: SPRING,
    pattern: /^Invalid token$/,
    cause: 'malformed',
    example: 'Invalid token',
  },
  {
    server: SPRING,
    pattern: /^The request requires higher privileges than provided by the access token\.$/,
    cause: 'insufficient',
    example: 'The request requires higher privileges than provided by the access token.',
  },
  {
    server: EXPRESS,
    pattern: /^'exp' claim timestamp check failed$/,
    cause: 'expired',
    example: "'exp' claim timestamp check failed",
  },
  {
    server: EXPRESS,
    pattern: /^'nbf' claim timestamp check failed$/,
    cause: 'not-yet-valid',
    example: "'nbf' claim timestamp check failed",
  },
  {
    server: EXPRESS,
    pattern: /^signature verification failed$/,
    cause: 'signature',
    example: 'signature verification failed',
  },
  {
    server: EXPRESS,
    pattern: /^Unexpected 'aud' value$/,
    cause: 'audience',
    example: "Unexpected 'aud' value",
  },
  {
    server: EXPRESS,
    pattern: /^Unexpected 'iss' value$/,
    cause: 'issuer',
    example: "Unexpected 'iss' value",
  },
  {
    server: EXPRESS,
    pattern: /^Unexpected 'typ' value$/,
    cause: 'wrong-type',
    example: "Unexpected 'typ' value",
  },
  {
    server: EXPRESS,
    pattern: /^Unexpected '[^']+' value$/,
    cause: 'claim-check',
    example: "Unexpected 'realm_access' value",
  },
  { server: EXPRESS, pattern: /^Invalid Token$/, cause: 'unspecified', example: 'Invalid Token' },
  {
    server: EXPRESS,
    pattern: /^Invalid Token or Protected Header formatting$/,
    cause: 'malformed',
    example: 'Invalid Token or Protected Header formatting',
  },
  {
    server: EXPRESS,
    pattern: /^Failed to fetch authorization server metadata$/,
    cause: 'realm-unreachable',
    example: 'Failed to fetch authorization server metadata',
  },
  {
    server: JOSE,
    pattern: /^"exp" claim timestamp check failed$/,
    cause: 'expired',
    example: '"exp" claim timestamp check failed',
  },
  {
    server: JOSE,
    pattern: /^"nbf" claim timestamp check failed$/,
    cause: 'not-yet-valid',
    example: '"nbf" claim timestamp check failed',
  },
  {
    server: JOSE,
    pattern: /^unexpected "aud" claim value$/,
    cause: 'audience',
    example: 'unexpected "aud" claim value',
  },
  {
    server: JOSE,
    pattern: /^unexpected "iss" claim value$/,
    cause: 'issuer',
    example: 'unexpected "iss" claim value',
  },
  {
    server: JOSE,
    pattern: /^unexpected "typ" JWT header value$/,
    cause: 'wrong-type',
    example: 'unexpected "typ" JWT header value',
  },
  {
    server: JOSE,
    pattern: /^no applicable key found in the JSON Web Key Set$/,
    cause: 'signature',
    example: 'no applicable key found in the JSON Web Key Set',
  },
  {
    server: ASPNET,
    pattern: /^The token expired at '[^']+'$/,
    cause: 'expired',
    example: "The token expired at '12/05/2026 09:41:03'",
  },
  {
    server: ASPNET,
    pattern: /^The token is not valid before '[^']+'$/,
    cause: 'not-yet-valid',
    example: "The token is not valid before '12/05/2026 09:41:03'",
  },
  {
    server: ASPNET,
    pattern: /^The signature (is invalid|key was not found)$/,
    cause: 'signature',
    example: 'The signature is invalid',
  },
  {
    server: ASPNET,
    pattern: /^The audience '[^']*' is invalid$/,
    cause: 'audience',
    example: "The audience 'abrumet-portal' is invalid",
  },
  {
    server: ASPNET,
    pattern: /^The issuer '[^']*' is invalid$/,
    cause: 'issuer',
    example: "The issuer 'http://other/realms/x' is invalid",
  },
  // Keycloak says this for any failed check, an expired token included.
  {
    server: KEYCLOAK,
    pattern: /^Token verification failed$/,
    cause: 'unspecified',
    example: 'Token verification failed',
  },
  {
    server: KEYCLOAK,
    pattern: /^Invalid token issuer\. Expected '[^']*'$/,
    cause: 'issuer',
    example: "Invalid token issuer. Expected 'http://127.0.0.1:8180/auth/realms/abrumet'",
  },
];

/** The first known text that matches the whole description, or undefined (then it is quoted only). */
export function readDescription(description: string): KnownDescription | undefined {
  const text = description.trim();
  if (text === '') return undefined;
  return KNOWN_DESCRIPTIONS.find((known) => known.pattern.test(text));
}
