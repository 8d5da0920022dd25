const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * Whether a token's `iss` names the configured realm. Keycloak's issuer is the realm URL, which
 * config.json may write with or without a trailing slash.
 */
export function sameIssuer(iss: string | undefined, authority: string): boolean {
  return iss !== undefined && withoutTrailingSlash(iss) === withoutTrailingSlash(authority);
}

/** The OpenID Provider Configuration URL of a realm (OpenID Connect Discovery 1.0 §4). */
export function discoveryUrlOf(authority: string): string {
  return `${withoutTrailingSlash(authority)}/.well-known/openid-configuration`;
}
