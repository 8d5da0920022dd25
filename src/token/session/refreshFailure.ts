import type { Failure } from '../../shared/explanation.ts';

/** Why a refresh failed. `session-ended` is terminal: no retry, sign in again; the others keep the current token. */
export type RefreshFailure = Failure<'session-ended' | 'network' | 'proxy' | 'timeout' | 'other'>;

const failed = (
  kind: Exclude<RefreshFailure['kind'], 'session-ended'>,
  detail: string,
  next: string,
): RefreshFailure => ({
  kind,
  tone: 'warn',
  title: 'Refreshing the token failed',
  detail,
  next,
});

/** Keycloak's `error_description`s for a refused refresh token, and what each means. */
const SESSION_ENDED_BECAUSE: Array<{ match: RegExp; why: string }> = [
  {
    match: /^Session not active$/i,
    why: 'The realm session is over: an admin signed you out, it timed out, or you signed out elsewhere.',
  },
  {
    match: /^Token is not active$/i,
    why: "The refresh token expired (the realm's session idle or maximum time passed).",
  },
  {
    match: /refresh token reuse|^Stale token$/i,
    why: 'This refresh token had been used before. The realm rotates refresh tokens and takes a second use as a stolen token, so it ended the session (another tab or tool with a copy?).',
  },
];

/**
 * Why a refresh_token grant failed, for the person holding the token. `ErrorResponse.form` (which
 * carries the refresh token) is deliberately never read.
 */
export function describeRefreshError(error: unknown): RefreshFailure {
  const inner = (error as { innerError?: unknown } | null)?.innerError ?? error;
  const record = (typeof inner === 'object' && inner !== null ? inner : {}) as Record<string, unknown>;
  const code = typeof record.error === 'string' ? record.error : undefined;
  const description = typeof record.error_description === 'string' ? record.error_description : '';
  const message = typeof record.message === 'string' ? record.message : String(inner);

  // RFC 6749 §5.2: invalid_grant means the refresh token is invalid, expired, revoked or reused.
  // Retrying cannot help; Keycloak's description says which (checked against Keycloak 26).
  if (code === 'invalid_grant') {
    const why = SESSION_ENDED_BECAUSE.find(({ match }) => match.test(description))?.why;
    return {
      kind: 'session-ended',
      tone: 'bad',
      title: 'Your session ended',
      detail: `The tokens of this tab cannot be renewed: the realm refused the refresh token (${description || code}).${why ? ` ${why}` : ''}`,
      next: 'Sign in again.',
    };
  }
  if (code) {
    return failed(
      'other',
      `The realm refused the refresh: ${code}${description ? ` (${description})` : ''}.`,
      'Your current token is kept. If it keeps failing, sign in again.',
    );
  }
  if (/content-type|json|unexpected token|<html|<!doctype/i.test(message)) {
    return failed(
      'proxy',
      `Something between you and the realm answered with a web page instead of tokens (e.g. a proxy's 502): ${message}`,
      'Your current token is kept. Try again in a moment.',
    );
  }
  if (/timed? ?out|timeout/i.test(message)) {
    return failed('timeout', 'The realm did not answer in time.', 'Your current token is kept. Try again.');
  }
  if (/failed to fetch|networkerror|network error|load failed/i.test(message)) {
    return failed(
      'network',
      "No answer from the realm's token endpoint: it is down, unreachable, or CORS blocked the response.",
      "Your current token is kept. Check the network and that the client's Web Origins include this portal.",
    );
  }
  return failed('other', message, 'Your current token is kept. Try again, or sign in again.');
}

/** react-oidc-context tags each error with the call that failed; these two are token refreshes. */
const REFRESH_SOURCES = new Set(['signinSilent', 'renewSilent']);

/** Refresh failures are explained next to the Refresh button; everything else by the shell. */
export function isRefreshError(error: { source: string } | undefined): boolean {
  return error !== undefined && REFRESH_SOURCES.has(error.source);
}
