/*
 * A refresh's answer as the tab keeps it, apart from its wording (refreshNotes) so that the session
 * hooks of the first load do not carry the token view's text.
 */

/** What a refresh answer said besides the new access token. */
export interface RefreshAnswer {
  refreshToken: string | undefined;
  /** The token response's `scope` (RFC 6749 §5.1), as oidc-client-ts keeps it. */
  scope: string | undefined;
}

/**
 * Case 31: the refresh answer held no refresh token and the previous one stayed (oidc-client-ts
 * keeps it, and PortalUserManager lets it while the realm has not been seen rotating them).
 */
export const keptRefreshToken = (before: RefreshAnswer, after: RefreshAnswer): boolean =>
  before.refreshToken !== undefined && after.refreshToken === before.refreshToken;
