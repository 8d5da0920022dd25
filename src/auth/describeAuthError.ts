import type { Failure } from '../shared/explanation.ts';
import { innerError } from '../shared/innerError.ts';
import { portalCheckOf } from '../shared/portalCheck.ts';
import type { CallbackError } from './callbackUrl.ts';

/** What the user reads when signing in, refreshing or signing out fails: cause and next step. */
export type AuthErrorExplanation = Failure<
  | 'idp-error'
  | 'stale-callback'
  | 'session-ended'
  | 'network'
  | 'issuer-mismatch'
  | 'callback-issuer'
  | 'no-code'
  | 'timeout'
  | 'signout-failed'
  | 'unknown'
> & {
  /** The IdP's own words, when it sent any (`error` and `error_description`); also the callout's quote. */
  code?: string;
  description?: string;
  /** Whether signing in again is the way out (a button is offered). */
  signInAgain: boolean;
  /** Whether the realm's Login events (LOGIN_ERROR, CODE_TO_TOKEN_ERROR) will show the cause. */
  askAdmin: boolean;
};

/** Meaning of the OAuth/OIDC `error` codes a Keycloak realm sends back (RFC 6749 §4.1.2.1, OIDC §3.1.2.6). */
const IDP_ERRORS: Record<string, { detail: string; next: string }> = {
  access_denied: {
    detail:
      'The sign-in was cancelled or refused at the realm (the user pressed Cancel, or a policy denied it).',
    next: 'Sign in again. If it keeps happening, ask the realm admin to check Login events filtered on LOGIN_ERROR.',
  },
  login_required: {
    detail: 'The realm needs the user to sign in interactively.',
    next: 'Sign in again with your username and password.',
  },
  interaction_required: {
    detail: 'The realm needs the user to do something on its pages (accept terms, update a password).',
    next: 'Sign in again and complete the steps the realm shows.',
  },
  consent_required: {
    detail: 'The realm wants the user to consent to this client first.',
    next: 'Sign in again and accept the consent screen.',
  },
  invalid_request: {
    detail:
      'The realm refused the sign-in request, usually because the callback URI is not registered for this client or PKCE is misconfigured.',
    next: "Check that this portal's callback URL is in the client's Valid Redirect URIs and that PKCE S256 is allowed.",
  },
  unauthorized_client: {
    detail: 'This client is not allowed to use the authorization code flow in this realm.',
    next: 'Ask the realm admin to enable Standard Flow for the client.',
  },
  invalid_client: {
    detail: 'The realm does not know this client ID, or expects a client secret (a confidential client).',
    next: 'Check clientId in config.json; the client must be public (no secret).',
  },
  invalid_scope: {
    detail: 'A requested scope does not exist for this client.',
    next: 'Check the scope in config.json against the client scopes of the realm.',
  },
  invalid_grant: {
    detail:
      'The realm refused the code or refresh token: it expired, was used already, or the session ended.',
    next: 'Sign in again.',
  },
  server_error: {
    detail: 'The realm hit an internal error.',
    next: 'Try again in a moment; if it persists, the realm admin can look at the server log and Login events.',
  },
  temporarily_unavailable: {
    detail: 'The realm is overloaded or under maintenance.',
    next: 'Try again in a few minutes.',
  },
};

const SESSION_ENDED = /not active|session|token is not active|refresh token/i;

/**
 * Keycloak's own `error_description`s that pin the cause down further than the code does.
 * (Keycloak: OIDCLoginProtocol, TokenEndpoint, AuthorizationEndpointChecker.)
 */
const KEYCLOAK_DESCRIPTIONS: Array<{ match: RegExp; detail: string; next: string }> = [
  {
    // Keycloak 22+: the login page sat open past the realm's login timeout, then was submitted.
    match: /authentication_expired/i,
    detail: "The realm's login page stayed open too long, so the realm dropped that sign-in attempt.",
    next: 'Sign in again and finish within a few minutes.',
  },
  {
    match: /client credentials|client secret|client authentication/i,
    detail:
      'The realm treats this client as confidential (it expects a client secret), but a browser app cannot keep a secret.',
    next: 'Ask the realm admin to turn Client authentication off for the client (Settings → Capability config), making it public.',
  },
  {
    match: /pkce|code_verifier|code challenge/i,
    detail: 'The realm rejected the PKCE proof: the client expects another code challenge method than S256.',
    next: 'Ask the realm admin to set Advanced → Proof Key for Code Exchange Code Challenge Method to S256.',
  },
  {
    match: /redirect_uri/i,
    detail: "The callback URL this portal sent does not match the client's Valid redirect URIs.",
    next: "Ask the realm admin to add this portal's callback URL to the client's Valid redirect URIs.",
  },
  {
    match: /code not valid|invalid code|code.*(expired|used)/i,
    detail:
      'The sign-in code was already used or expired before the portal exchanged it (a reload, or a slow network).',
    next: 'Sign in again.',
  },
];

const STALE = /no matching state|no state in response/i;

/**
 * Turns whatever oidc-client-ts / react-oidc-context reported into words for a developer or QA.
 * Never includes the failing request's form: `ErrorResponse.form` carries the refresh token.
 * `callback` is the realm's error as the callback URL carried it: oidc-client-ts drops it when it
 * cannot match the state, and the realm's reason matters more than the stale state.
 */
export function describeAuthError(error: unknown, callback?: CallbackError): AuthErrorExplanation {
  const inner = innerError(error);
  const record = (typeof inner === 'object' && inner !== null ? inner : {}) as Record<string, unknown>;
  const message = typeof record.message === 'string' ? record.message : String(inner);
  const stale = STALE.test(message);
  const fromUrl = stale ? callback : undefined;
  const code = typeof record.error === 'string' ? record.error : fromUrl?.error;
  const description =
    typeof record.error_description === 'string' ? record.error_description : fromUrl?.description;
  const idpWords = {
    ...(code ? { code, quote: description ? `${code}: ${description}` : code } : {}),
    ...(description ? { description } : {}),
  };

  const check = portalCheckOf(error);
  if (check?.kind === 'discovery-issuer') {
    return {
      kind: 'issuer-mismatch',
      tone: 'bad',
      title: 'Sign-in stopped: the realm names another issuer than the one configured',
      detail: `config.json says ${check.configured}; the realm's discovery document says ${check.advertised}. Tokens from it would carry an issuer the portal and the API do not expect, so the portal does not sign in there (OpenID Connect Discovery §4.3).`,
      next: 'Check the authority in config.json against the issuer the Realm section shows; if the realm is the one you mean, fix its hostname or proxy settings.',
      signInAgain: false,
      askAdmin: false,
    };
  }
  if (check?.kind === 'callback-issuer') {
    return {
      kind: 'callback-issuer',
      tone: 'bad',
      title: 'Sign-in refused: the answer does not come from this realm',
      detail:
        check.received === null
          ? `The sign-in answer has no iss parameter, though the realm ${check.expected} promises one with every answer (RFC 9207). Its code was not exchanged.`
          : `The sign-in answer says it comes from ${check.received}, but this sign-in went to ${check.expected} (RFC 9207 iss). An answer of another realm (a mix-up, or a tampered link) is not exchanged for tokens: its code was not sent anywhere.`,
      next: 'Sign in again from this tab. If it happens again, someone may be interfering with the sign-in: tell the realm admin.',
      signInAgain: true,
      askAdmin: false,
    };
  }

  const source = (error as { source?: unknown } | null)?.source;
  if (typeof source === 'string' && source.startsWith('signout')) {
    // oidc-client-ts removes the user before it builds the end-session request.
    return {
      kind: 'signout-failed',
      tone: 'warn',
      title: 'Signing out at the realm failed',
      detail: `The tokens are gone from this tab, but the realm could not be told (${message}), so its session may still be open.`,
      next: "Check the realm's end session endpoint under Realm configuration; to be sure, close the browser.",
      signInAgain: false,
      askAdmin: false,
      ...idpWords,
    };
  }
  if (code === 'invalid_grant' && SESSION_ENDED.test(description ?? '')) {
    return {
      kind: 'session-ended',
      tone: 'bad',
      title: 'Your session ended',
      detail: `The realm no longer accepts this session's refresh token (${description}).`,
      next: 'Sign in again.',
      signInAgain: true,
      askAdmin: false,
      ...idpWords,
    };
  }
  if (code) {
    const known =
      KEYCLOAK_DESCRIPTIONS.find((candidate) => candidate.match.test(description ?? '')) ?? IDP_ERRORS[code];
    const staleNote = stale
      ? ' (This tab has no record of starting that sign-in: it was started in another tab, or its answer was opened twice. The realm’s answer is what counts.)'
      : '';
    return {
      kind: 'idp-error',
      tone: 'bad',
      title: `The realm answered ${code}`,
      detail: `${known?.detail ?? 'The realm refused the request.'}${staleNote}`,
      next: known?.next ?? 'Sign in again; if it persists, show this message to the realm admin.',
      signInAgain: true,
      askAdmin: true,
      ...idpWords,
    };
  }
  if (stale) {
    return {
      kind: 'stale-callback',
      tone: 'bad',
      title: 'This sign-in response is stale',
      detail:
        'The page was opened with a sign-in response this tab did not start, or that was already used (a reload, Back, or a link from another tab).',
      next: 'Sign in again from this tab.',
      signInAgain: true,
      askAdmin: false,
    };
  }
  if (/expected code in response/i.test(message)) {
    return {
      kind: 'no-code',
      tone: 'bad',
      title: 'The realm sent you back without a sign-in code',
      detail:
        'The answer at the callback had a state but neither a code nor an error (oidc-client-ts: “Expected code in response”): something between the realm and the portal cut it short, or the link was edited. This sign-in attempt is used up.',
      next: 'Sign in again.',
      signInAgain: true,
      askAdmin: false,
    };
  }
  if (/timed? ?out|timeout/i.test(message)) {
    return {
      kind: 'timeout',
      tone: 'bad',
      title: 'The realm did not answer in time',
      detail: `The portal stopped waiting for the realm (${message}). When this happens at the callback, the sign-in code may have been used up by the realm all the same.`,
      next: 'Sign in again; if the realm stays slow, check its health, or raise realmTimeoutSeconds in config.json.',
      signInAgain: true,
      askAdmin: false,
    };
  }
  if (/issuer/i.test(message)) {
    return {
      kind: 'issuer-mismatch',
      tone: 'bad',
      title: 'The realm is not the one configured',
      detail: message,
      next: 'Check the authority in config.json: it must be the realm URL the tokens are issued by.',
      signInAgain: false,
      askAdmin: false,
    };
  }
  if (/failed to fetch|networkerror|network error|load failed|timeout/i.test(message)) {
    return {
      kind: 'network',
      tone: 'bad',
      title: 'The realm could not be reached',
      detail: `No answer from the realm (${message}): it is down, the address is wrong, or it does not allow this portal's origin (CORS).`,
      next: "Check the authority in config.json and that the client's Web Origins include this portal's origin.",
      signInAgain: false,
      askAdmin: false,
    };
  }
  return {
    kind: 'unknown',
    tone: 'bad',
    title: 'Signing in failed',
    detail: message,
    next: 'Try signing in again.',
    signInAgain: true,
    askAdmin: true,
  };
}
