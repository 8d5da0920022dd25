import { innerError } from './innerError.ts';
import { portalCheckOf } from './portalCheck.ts';

/** oidc-client-ts's own words when a refreshed ID token is for another user or sign-in. */
const ID_TOKEN_MISMATCH = /(sub|auth_time|azp) (in|not in) id_token/i;

/**
 * What a failed refresh means for the tab's session: `identity` (the answer was for someone else:
 * sign out rather than mix identities), `terminal` (RFC 6749 §5.2 invalid_grant: the refresh token
 * is dead and must not be sent again), or `null` (a transient failure: the session stays). Takes
 * the error as oidc-client-ts threw it or as react-oidc-context wrapped it; shared because the
 * auth feature acts on it (PortalUserManager) and the token feature shows it.
 */
export function refreshEnding(error: unknown): 'identity' | 'terminal' | null {
  if (portalCheckOf(error)?.kind === 'identity-changed') return 'identity';
  const inner = innerError(error);
  const record = (typeof inner === 'object' && inner !== null ? inner : {}) as Record<string, unknown>;
  if (typeof record.message === 'string' && ID_TOKEN_MISMATCH.test(record.message)) return 'identity';
  return record.error === 'invalid_grant' ? 'terminal' : null;
}

/** react-oidc-context tags each error with the call that failed; these two are token refreshes. */
const REFRESH_SOURCES = new Set(['signinSilent', 'renewSilent']);

/** Refresh failures are explained by the token view; everything else by the shell. */
export function isRefreshError(error: { source: string } | undefined): boolean {
  return error !== undefined && REFRESH_SOURCES.has(error.source);
}
