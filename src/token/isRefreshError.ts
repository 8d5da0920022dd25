/** react-oidc-context tags each error with the call that failed; these two are token refreshes. */
const REFRESH_SOURCES = new Set(['signinSilent', 'renewSilent']);

/** Refresh failures are explained next to the Refresh button; everything else by the shell. */
export function isRefreshError(error: { source: string } | undefined): boolean {
  return error !== undefined && REFRESH_SOURCES.has(error.source);
}
