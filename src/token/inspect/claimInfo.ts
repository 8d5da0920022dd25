/** One line per registered (RFC 7519, OIDC Core) or Keycloak claim, as shown next to its value. */
const CLAIM_INFO: Record<string, string> = {
  // JOSE header (RFC 7515)
  alg: 'Signature algorithm; the API only accepts the realm\'s (e.g. RS256), never "none".',
  kid: "Key id: which of the realm's keys (JWKS) signed this token.",
  cty: 'Content type of the payload.',
  // Registered claims (RFC 7519 §4.1)
  iss: 'Issuer: the realm that issued the token. Must equal the configured realm URL.',
  sub: 'Subject: the stable id of the user in the realm.',
  aud: 'Audience: who the token is meant for. A resource server may insist on seeing its own name here.',
  exp: 'Expires at: after this the API answers 401 invalid_token.',
  nbf: 'Not before: the token is not valid before this time.',
  iat: 'Issued at (server clock).',
  jti: 'Token id: unique per token; changes on every refresh.',
  // OIDC Core
  auth_time: 'When the user last entered their credentials.',
  nonce: 'Ties the ID token to the sign-in request that asked for it.',
  acr: 'Authentication context class: how strongly the user signed in ("1" password, "0" from an SSO cookie).',
  amr: 'Authentication methods used (pwd, otp...).',
  azp: 'Authorized party: the client the token was issued to.',
  at_hash: 'Hash of the access token issued with this ID token.',
  c_hash: 'Hash of the authorization code.',
  sid: 'Session id at the realm: the same for every token of this sign-in.',
  session_state: 'Keycloak session id (older name of sid).',
  name: 'Full name of the user.',
  given_name: 'First name.',
  family_name: 'Last name.',
  preferred_username: 'The username the user signs in with.',
  email: 'E-mail address.',
  email_verified: 'Whether the realm has verified the e-mail address.',
  // Keycloak
  typ: 'Keycloak token type: "Bearer" for access tokens, "ID" for ID tokens, "Refresh" for refresh tokens.',
  scope: 'Scopes granted to this token (space-separated).',
  realm_access: 'Realm roles of the user. The API requires one of them (e.g. therapist).',
  resource_access: 'Client roles of the user, per client.',
  'allowed-origins':
    "Web origins the realm allows for this client (CORS). This portal's origin should be listed.",
  client_id: 'Client the token was issued to (RFC 9068).',
};

/**
 * The line for a claim, for its own names only: a token is the sender's text, and a claim named
 * `__proto__` or `constructor` must not find the object's prototype members (an object where React
 * expects text crashed the page before).
 */
export const claimInfo = (claim: string): string =>
  Object.hasOwn(CLAIM_INFO, claim) ? (CLAIM_INFO[claim] ?? '') : '';

/** Claims whose value is a NumericDate (seconds since the epoch). */
export const TIME_CLAIMS = new Set(['exp', 'nbf', 'iat', 'auth_time']);

/** What people look for first: time, then who issued it and for whom, then who it is, then roles. */
const CLAIM_ORDER = [
  'alg',
  'typ',
  'kid',
  'exp',
  'iat',
  'nbf',
  'auth_time',
  'iss',
  'aud',
  'azp',
  'sub',
  'preferred_username',
  'name',
  'email',
  'realm_access',
  'resource_access',
  'scope',
  'allowed-origins',
];

/** Claims in reading order: the known ones as above, the rest as the token has them. */
export function orderedClaims(claims: Record<string, unknown>): Array<[string, unknown]> {
  const rank = (claim: string) => {
    const i = CLAIM_ORDER.indexOf(claim);
    return i === -1 ? CLAIM_ORDER.length : i;
  };
  return Object.entries(claims).sort(([a], [b]) => rank(a) - rank(b));
}
