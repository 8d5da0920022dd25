import type { Failure } from '../../shared/explanation.ts';
import { localClock } from '../../shared/format.ts';
import { innerError } from '../../shared/innerError.ts';
import { portalCheckOf } from '../../shared/portalCheck.ts';
import { refreshEnding } from '../../shared/refreshEnding.ts';
import type { SessionReplaced } from './realmSession.ts';

/**
 * Why a refresh failed. `session-ended` and `identity-changed` are terminal (refreshEnding): the
 * refresh token is gone from storage (PortalUserManager), there is no retry, only signing in again;
 * the others keep the current tokens. Loaded with the token view: the shell only needs to know
 * whether the session ended.
 */
export type RefreshFailure = Failure<
  'session-ended' | 'identity-changed' | 'network' | 'proxy' | 'timeout' | 'other'
>;

/** What the tab holds when the refresh failed: the access token's expiry (local time), and how it got its refresh token. */
export interface AccessInHand {
  expiresAt: Date;
  expired: boolean;
  /**
   * Case 31: the refresh token the failed refresh presented was kept from the last refresh answer,
   * which held none; a realm that rotates refresh tokens had spent it with that refresh.
   */
  refreshTokenKept?: boolean | undefined;
}

const time = (at: Date) => localClock(at.getTime());

/**
 * The one way back from an ended session, said the same wherever the page says what to do next:
 * the pop-up (SessionEnded) signs the tab in again without leaving the page.
 */
export const SIGN_IN_AGAIN =
  'Sign in again in a pop-up: this page keeps your identities and its earlier tokens.';

/** Keycloak's (and the embedded IdP's) words for a refresh token whose realm session is gone. */
const SESSION_NOT_ACTIVE = /^Session not active$/i;

/** The refresh failed because an identity's sign-in replaced the realm session: that, not an admin. */
const replacedBecause = ({ who, at }: SessionReplaced) =>
  who === null
    ? {
        title: 'Your session ended: an identity sign-in replaced it at the realm',
        why: `At ${localClock(at)}, an identity’s sign-in pop-up closed before it finished: on Keycloak, choosing ⟳ (“Restart login”) there already ends the session of the user signed in before, this tab’s. The realm keeps one session per browser.`,
      }
    : {
        title: `Your session ended: ${who}’s sign-in replaced it at the realm`,
        why: `At ${localClock(at)}, ${who} signed in through the realm as an identity. The realm keeps one session per browser: a sign-in of another user ends the one before it, this tab’s.`,
      };

/** Case 23: a realm session that ended does not reach into the APIs, which only check the token. */
const inHandNote = (access: AccessInHand | undefined) =>
  access === undefined
    ? undefined
    : access.expired
      ? `The access token in hand expired at ${time(access.expiresAt)}: nothing of this session works any more.`
      : `The access token in hand still works at the API until its exp, ${time(access.expiresAt)}: an API checks its signature and expiry, not the realm session. It cannot be renewed, and this tab no longer stores the session: a reload signs you out.`;

/** May the request have reached the realm? Then a rotating realm may already have spent the refresh token. */
const MAY_BE_SPENT =
  'The request may have reached the realm all the same: if the realm rotates refresh tokens (Keycloak: Revoke Refresh Token), it may have spent the one this tab holds, and the next Refresh would then end the session.';

const failed = (
  kind: Exclude<RefreshFailure['kind'], 'session-ended' | 'identity-changed'>,
  detail: string,
  next: string,
  note?: string,
): RefreshFailure => ({
  kind,
  tone: 'warn',
  title: 'Refreshing the token failed',
  detail,
  next,
  ...(note ? { note } : {}),
});

/** Keycloak's words for a refresh token presented again (refreshTokenMaxReuse exceeded, or an older one). */
const REUSED = /refresh token reuse|^Stale token$/i;

/**
 * Case 31: the realm refused, as used twice (or without saying why), the refresh token kept from an
 * answer that held none. The likely cause is that answer, not another tab or tool.
 */
const KEPT_AND_SPENT = {
  title: 'Your session ended: the refresh token kept from the last refresh was already spent',
  why: 'The realm answered the last refresh without a new refresh token, so the portal kept the previous one; that refresh had probably already spent it (the realm rotates refresh tokens), and presenting it again made the realm refuse it as used twice and end the session.',
  next: 'Sign in again. If refresh answers keep coming without a refresh token, something between the portal and the realm may strip it (a proxy in front of the token endpoint): ask whoever runs it.',
};

/** Keycloak's `error_description`s for a refused refresh token: which ending it is, and what it means. */
const SESSION_ENDED_BECAUSE: Array<{ match: RegExp; title: string; why: string }> = [
  {
    match: SESSION_NOT_ACTIVE,
    title: 'Your session ended at the realm',
    why: 'The realm session is over: an admin signed you out, it timed out, you signed out elsewhere, or another user signed in through the realm in this browser.',
  },
  {
    match: /^Token is not active$/i,
    title: 'Your session ended: it expired (idle or too old)',
    why: "The refresh token expired: the realm's session idle or maximum time passed.",
  },
  {
    match: REUSED,
    title: 'Your session ended: a refresh token was used twice',
    why: 'This refresh token had been used before. The realm rotates refresh tokens and takes a second use as a stolen token, so it ended the session (another tab or tool with a copy?). A refresh with the newest one fails too, so the portal does not retry.',
  },
];

/**
 * Why a refresh_token grant failed, for the person holding the token, and what the access token
 * in hand can still do. `ErrorResponse.form` (which carries the refresh token) is never read.
 */
export function describeRefreshError(
  error: unknown,
  access?: AccessInHand,
  replaced?: SessionReplaced,
): RefreshFailure {
  const inner = innerError(error);
  const record = (typeof inner === 'object' && inner !== null ? inner : {}) as Record<string, unknown>;
  const code = typeof record.error === 'string' ? record.error : undefined;
  const description = typeof record.error_description === 'string' ? record.error_description : '';
  const message = typeof record.message === 'string' ? record.message : String(inner);

  const check = portalCheckOf(error);
  const ending = refreshEnding(error);
  if (ending === 'identity') {
    const who =
      check?.kind === 'identity-changed'
        ? `This tab was signed in as ${check.before}; the realm's answer was for ${check.after}`
        : `The realm's answer carried an ID token of another sign-in (${message})`;
    return {
      kind: 'identity-changed',
      tone: 'bad',
      title: "Signed out: the refresh answered with another user's tokens",
      detail: `${who}. Someone signed in as another user in this browser, or something between you and the realm swapped the answer. The portal signed out here rather than mix two identities; nothing of the answer was kept.`,
      next: 'Sign in again in a pop-up, as the user you mean: this page keeps your identities.',
    };
  }
  // RFC 6749 §5.2: invalid_grant means the refresh token is invalid, expired, revoked or reused.
  // Retrying cannot help; Keycloak's description says which (checked against Keycloak 26).
  if (ending === 'terminal') {
    const byReplacement =
      replaced && SESSION_NOT_ACTIVE.test(description) ? replacedBecause(replaced) : undefined;
    const listed = SESSION_ENDED_BECAUSE.find(({ match }) => match.test(description));
    if (!byReplacement && access?.refreshTokenKept && (!listed || listed.match === REUSED)) {
      return {
        kind: 'session-ended',
        tone: 'bad',
        title: KEPT_AND_SPENT.title,
        detail: `The tokens of this tab cannot be renewed: the realm refused the refresh token (${description || code}). ${KEPT_AND_SPENT.why}`,
        note: inHandNote(access),
        next: KEPT_AND_SPENT.next,
      };
    }
    const known = byReplacement ?? listed;
    return {
      kind: 'session-ended',
      tone: 'bad',
      title: known?.title ?? 'Your session ended',
      detail: `The tokens of this tab cannot be renewed: the realm refused the refresh token (${description || code}).${known ? ` ${known.why}` : ''}`,
      note: inHandNote(access),
      next: SIGN_IN_AGAIN,
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
      'Your current token is kept and works until it expires. Try again in a moment.',
    );
  }
  if (/timed? ?out|timeout/i.test(message)) {
    return failed(
      'timeout',
      'The realm did not answer the refresh in time, so the portal stopped waiting.',
      'Your current token is kept and works until it expires. Refresh again; if the realm stays slow, check its health.',
      MAY_BE_SPENT,
    );
  }
  if (/failed to fetch|networkerror|network error|load failed/i.test(message)) {
    return failed(
      'network',
      "No answer the page may read from the realm's token endpoint: it is down, unreachable, or CORS blocked the response (the client's Web origins must include this portal).",
      'Your current token is kept and works until it expires. Check the network and the Web origins; then Refresh, ready to sign in again.',
      MAY_BE_SPENT,
    );
  }
  return failed('other', message, 'Your current token is kept. Try again, or sign in again.');
}
