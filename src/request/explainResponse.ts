import type { TokenChoice } from './chooseToken.ts';
import { formatSeconds } from './formatSeconds.ts';
import { parseWwwAuthenticate } from './parseWwwAuthenticate.ts';
import type { SendResult } from './send.ts';
import { allRoles, secondsLeft, type TokenFacts, tokenFacts } from './tokenFacts.ts';

export type VerdictKind =
  | 'ok'
  | 'accepted-bad-token'
  | 'no-token'
  | 'expired'
  | 'signature'
  | 'wrong-token-type'
  | 'missing-role'
  | 'audience'
  | 'issuer'
  | 'insufficient-scope'
  | 'invalid-token'
  | 'invalid-request'
  | 'unauthorized'
  | 'forbidden'
  | 'no-response'
  | 'timeout'
  | 'cancelled'
  | 'redirect'
  | 'http-status';

export interface Verdict {
  kind: VerdictKind;
  title: string;
  detail: string;
  /** What to do now, in one sentence. */
  next: string;
  severity: 'ok' | 'info' | 'warn' | 'bad';
  /** Set when WWW-Authenticate could not be read, so the verdict rests on the token alone. */
  note?: string;
  /** A command to retry outside the browser (no-response, redirect). */
  curl?: string;
}

export interface ExplainContext {
  /** Server time when the request left (local time + measured clock skew). */
  sentAtMs: number;
  choice?: TokenChoice;
  /** The environment's realm: the issuer its tokens must carry. */
  issuer: string;
  audience?: string | undefined;
  requiredRole: string;
  portalOrigin: string;
  /** The request as curl with a $TOKEN placeholder. */
  curl: string;
}

type Response = Extract<SendResult, { kind: 'response' }>;

const HEADER_HIDDEN =
  'The API does not expose WWW-Authenticate to browsers (Access-Control-Expose-Headers), so this verdict is reasoned from the token alone.';

const sameIssuer = (a: string | undefined, b: string) => a?.replace(/\/+$/, '') === b.replace(/\/+$/, '');
const hasRole = (facts: TokenFacts, role: string) =>
  facts.realmRoles.includes(role) || Object.values(facts.clientRoles).some((roles) => roles.includes(role));
const listRoles = (facts: TokenFacts) => (allRoles(facts).length ? allRoles(facts).join(', ') : 'none');
const who = (facts: TokenFacts) => facts.username ?? facts.sub ?? 'an unknown user';

/**
 * One verdict for one answer: why the API said what it said, and what to do next. It reads the
 * RFC 6750 challenge when the browser lets it, and cross-checks the token that was actually sent
 * (expiry at send time in server time, type, issuer, audience, roles). A failed fetch is never
 * turned into a 401: without a response there is no status to explain.
 */
export function explainResponse(
  result: SendResult,
  sentToken: string | undefined,
  context: ExplainContext,
): Verdict {
  switch (result.kind) {
    case 'network-error':
      return noResponse(result.message, context);
    case 'timeout':
      return {
        kind: 'timeout',
        title: `No answer within ${formatSeconds(result.timeoutMs / 1000)} (timeout)`,
        detail:
          'The portal stopped waiting. The request may have reached the API and may still be running there.',
        next: 'Send again; if it stays slow, check the API’s health, or retry with curl (it waits as long as needed).',
        severity: 'warn',
        curl: context.curl,
      };
    case 'cancelled':
      return {
        kind: 'cancelled',
        title: 'Cancelled',
        detail: 'You cancelled the request before an answer came; it may still have reached the API.',
        next: 'Send again when ready.',
        severity: 'info',
      };
    case 'redirect':
      return {
        kind: 'redirect',
        title: 'Redirect not followed',
        detail:
          'The API answered with a redirect (3xx). The portal does not follow redirects, so your token cannot travel on to wherever it points; the browser hides the target (Location) from the page.',
        next: 'See where it points with curl (below), then call that URL directly if it is meant to get the token.',
        severity: 'warn',
        curl: context.curl,
      };
    case 'response':
      return explainStatus(result, sentToken, context);
  }
}

function noResponse(message: string, context: ExplainContext): Verdict {
  return {
    kind: 'no-response',
    title: 'No response: the API is down, or CORS blocked it (the request may still have reached the server)',
    detail:
      `Check that the API is running and reachable; that it allows this portal’s origin (${context.portalOrigin}) in Access-Control-Allow-Origin, on error responses too; and that its preflight lists Authorization in Access-Control-Allow-Headers and the method in Access-Control-Allow-Methods. ` +
      `The browser’s console names the exact cause (the page only gets “${message}”).`,
    next: 'Retry outside the browser with curl (set TOKEN first): if curl gets an answer, CORS is the problem.',
    severity: 'bad',
    curl: context.curl,
  };
}

function explainStatus(result: Response, sentToken: string | undefined, context: ExplainContext): Verdict {
  const { status } = result;
  const statusLine = `${status}${result.statusText ? ` ${result.statusText}` : ''}`;
  const facts = sentToken === undefined ? undefined : tokenFacts(sentToken);
  // The same whole seconds as the preview and history show (secondsLeft), negated.
  const left = facts ? secondsLeft(facts, context.sentAtMs) : undefined;
  const expiredBy = left === undefined ? undefined : -left;

  if (status >= 200 && status < 300) return accepted(statusLine, facts, expiredBy, context);
  if (status !== 400 && status !== 401 && status !== 403) return otherStatus(result, statusLine);

  const headerValue = result.headers.find(([name]) => name.toLowerCase() === 'www-authenticate')?.[1];
  const bearer = parseWwwAuthenticate(headerValue).find((c) => c.scheme.toLowerCase() === 'bearer');
  const error = bearer?.params.error;
  const description = bearer?.params.error_description ?? '';
  const said = description ? ` The API says: “${description}”.` : '';
  // A 400 without a Bearer error code is about the request itself, not the token.
  if (status === 400 && !error) return otherStatus(result, statusLine);
  const note = headerValue === undefined ? HEADER_HIDDEN : undefined;
  const verdict = (v: Omit<Verdict, 'note'>): Verdict => (note ? { ...v, note } : v);

  if (!facts) {
    return verdict({
      kind: 'no-token',
      title: 'No token was sent',
      detail: `The request had no Authorization header and the API requires one (${statusLine}).${said}`,
      next: 'Choose “Current access token” and send again.',
      severity: context.choice === 'none' ? 'info' : 'bad',
    });
  }
  if (error === 'invalid_request') {
    return verdict({
      kind: 'invalid-request',
      title: 'The API found the request malformed',
      detail: `${statusLine}, error “invalid_request”.${said}`,
      next: 'Send the token once, as “Authorization: Bearer <token>”, and not also in the URL or the body (RFC 6750 §2).',
      severity: 'bad',
    });
  }
  // RFC 6750 §3.1: 403 + insufficient_scope. Keycloak-backed APIs map missing realm roles to it.
  if (error === 'insufficient_scope' || status === 403) {
    if (facts.readable && !hasRole(facts, context.requiredRole))
      return verdict(missingRole(facts, context, said));
    if (error === 'insufficient_scope') {
      const wanted = bearer?.params.scope;
      return verdict({
        kind: 'insufficient-scope',
        title: 'Scope insufficient',
        detail: `The API wants ${wanted ? `the scope “${wanted}”` : 'more scope'}; the token has the scope “${facts.scope ?? ''}”.${said}`,
        next: 'Request that scope at sign-in (the client’s scope setting), or ask the realm admin to allow it for this client, then sign in again.',
        severity: 'bad',
      });
    }
    return verdict({
      kind: 'forbidden',
      title: `${statusLine}: refused for this user`,
      detail: `The token has the role “${context.requiredRole}” (${who(facts)}), yet the API refuses this action or resource.${said}`,
      next: 'The token is not the problem: check the API’s rules for this resource and this user.',
      severity: 'bad',
    });
  }
  return verdict(explainRefusedToken({ facts, statusLine, description, said, expiredBy, context, error }));
}

interface RefusedToken {
  facts: TokenFacts;
  statusLine: string;
  description: string;
  said: string;
  expiredBy: number | undefined;
  context: ExplainContext;
  error: string | undefined;
}

/** A 401 (or a 400 without a known code) for a token that was sent: what is wrong with it? */
function explainRefusedToken(input: RefusedToken): Omit<Verdict, 'note'> {
  const { facts, description, said, context } = input;
  const hinted = (pattern: RegExp) => pattern.test(description);
  const typMismatch = facts.typ !== undefined && facts.typ.toLowerCase() !== 'bearer';
  const expired = input.expiredBy !== undefined && input.expiredBy >= 0;
  const issuerMismatch = facts.readable && !sameIssuer(facts.iss, context.issuer);
  const audienceMismatch =
    facts.readable && context.audience !== undefined && !facts.aud.includes(context.audience);

  // A token broken on purpose is named for what was done to it (the API may also see it expired);
  // then the API's own words; then what the token shows, most specific first.
  if (context.choice === 'tampered') return signature(input);
  if (context.choice === 'id' || typMismatch) return wrongType(input);
  if (hinted(/expir|\bexp\b/i)) return expiredVerdict(input);
  if (hinted(/signature|verif|\bJWS\b|\bkid\b|\bkey\b/i)) return signature(input);
  if (hinted(/\btyp\b|token type|id token/i)) return wrongType(input);
  if (hinted(/audience|\baud\b/i)) return audience(input);
  if (hinted(/issuer|\biss\b/i)) return issuer(input);
  if (!facts.readable) {
    return {
      kind: 'invalid-token',
      title: 'The API refused a token it cannot use',
      detail: `${facts.problem ?? ''}${said}`,
      next: 'Send the current access token of this environment.',
      severity: 'bad',
    };
  }
  if (expired) return expiredVerdict(input);
  if (issuerMismatch) return issuer(input);
  if (audienceMismatch) return audience(input);
  if (input.error === 'invalid_token') {
    return {
      kind: 'invalid-token',
      title: 'The API refused the token',
      detail: `${input.statusLine}, error “invalid_token”.${said || ' It gives no description.'}`,
      next: 'Refresh the token and send again; if it persists, compare the token’s claims with what the API expects.',
      severity: 'bad',
    };
  }
  return {
    kind: 'unauthorized',
    title: `${input.statusLine}, without a reason`,
    detail: `The token looks valid here (${who(facts)}, not expired, this realm), but the API gives no error code.${said} If WWW-Authenticate has no “error”, the API may not have received the token at all (RFC 6750 §3.1): a proxy may strip Authorization.`,
    next: 'Retry with curl to read the full answer, and check what sits between the browser and the API.',
    severity: 'bad',
  };
}

function expiredVerdict({ facts, expiredBy, said }: RefusedToken): Omit<Verdict, 'note'> {
  if (expiredBy === undefined || expiredBy < 0) {
    const left =
      expiredBy === undefined ? 'the token has no exp claim' : `it had ${formatSeconds(-expiredBy)} left`;
    return {
      kind: 'expired',
      title: 'The API says the token expired',
      detail: `By the server time this portal estimates, ${left} when sent: the API’s clock may be ahead, or it allows less lifetime.${said}`,
      next: 'Refresh the token and send again; if it keeps happening, compare the API’s clock with the realm’s.',
      severity: 'bad',
    };
  }
  return {
    kind: 'expired',
    title: `The token expired ${formatSeconds(expiredBy)} before the request`,
    detail: `Its exp is ${new Date((facts.exp ?? 0) * 1000).toISOString()}; the request left ${formatSeconds(expiredBy)} after that, by the server’s clock.${said}`,
    next: 'Refresh the token and send again.',
    severity: 'bad',
  };
}

function signature({ facts, context, said }: RefusedToken): Omit<Verdict, 'note'> {
  const foreign = facts.readable && !sameIssuer(facts.iss, context.issuer);
  return {
    kind: 'signature',
    title: 'Signature rejected',
    detail:
      context.choice === 'tampered'
        ? `The token’s signature was changed on purpose, and the API noticed: this is the refusal it owes.${said}`
        : foreign
          ? `The token was issued by ${facts.iss ?? 'another realm'}, not by this environment’s realm (${context.issuer}): a foreign token.${said}`
          : `The API could not verify the signature: the token was altered, comes from another realm or environment, or the realm’s keys changed.${said}`,
    next: 'Send the current access token of this environment (sign in again if needed).',
    severity: context.choice === 'tampered' ? 'info' : 'bad',
  };
}

function wrongType({ facts, context, said }: RefusedToken): Omit<Verdict, 'note'> {
  const isId = context.choice === 'id' || facts.typ === 'ID';
  return {
    kind: 'wrong-token-type',
    title: isId ? 'Wrong token type: an ID token was sent' : 'Wrong token type',
    detail: `The API wants an access token (typ “Bearer”); this token has typ “${facts.typ ?? 'none'}”.${said}`,
    next: 'Send the access token: the ID token tells the portal who signed in, it is not meant for the API.',
    severity: context.choice === 'id' ? 'info' : 'bad',
  };
}

function audience({ facts, context, said }: RefusedToken): Omit<Verdict, 'note'> {
  return {
    kind: 'audience',
    title: 'Audience mismatch: the token is not meant for this API',
    detail: `The token’s aud is “${facts.aud.join(', ') || 'none'}”${context.audience ? `; the API expects “${context.audience}”` : ''}.${said}`,
    next: 'Ask the realm admin for an audience mapper that adds the API to this client’s tokens, then sign in again.',
    severity: 'bad',
  };
}

function issuer({ facts, context, said }: RefusedToken): Omit<Verdict, 'note'> {
  return {
    kind: 'issuer',
    title: 'Issuer mismatch: the token comes from another realm',
    detail: `The token’s iss is “${facts.iss ?? 'none'}”; this environment’s realm is “${context.issuer}”.${said}`,
    next: 'Use a token of this environment: sign in again here, or switch to the environment the token comes from.',
    severity: 'bad',
  };
}

function missingRole(facts: TokenFacts, context: ExplainContext, said: string): Omit<Verdict, 'note'> {
  const role = context.requiredRole;
  return {
    kind: 'missing-role',
    title: `The token lacks the role “${role}”`,
    detail: `Signed in as ${who(facts)}, whose token has the roles: ${listRoles(facts)}. The API requires the realm role “${role}”.${said}`,
    next: `Sign in as a user with the realm role “${role}” (e.g. a ${role}), or ask the realm admin to grant it.`,
    severity: 'bad',
  };
}

function accepted(
  statusLine: string,
  facts: TokenFacts | undefined,
  expiredBy: number | undefined,
  context: ExplainContext,
): Verdict {
  const bad = (title: string, detail: string, severity: Verdict['severity'] = 'bad'): Verdict => ({
    kind: 'accepted-bad-token',
    title,
    detail,
    next: 'Report it to the API team: an API must refuse such a token (RFC 6750 §3.1, invalid_token).',
    severity,
  });
  if (!facts) {
    return {
      kind: 'ok',
      title: `${statusLine} without a token`,
      detail: 'The API answered without any token: this endpoint is public.',
      next: 'If it should require a token, report it to the API team.',
      severity: 'warn',
    };
  }
  if (context.choice === 'tampered') {
    return bad(
      `${statusLine} for a tampered token`,
      'The API accepted a token whose signature was changed: it does not verify signatures.',
    );
  }
  if (context.choice === 'id' || (facts.typ !== undefined && facts.typ.toLowerCase() !== 'bearer')) {
    return bad(
      `${statusLine} for an ID token`,
      `The API accepted a token of type “${facts.typ ?? 'none'}”: it does not check the token type.`,
    );
  }
  if (expiredBy !== undefined && expiredBy > 0) {
    return bad(
      `${statusLine} for an expired token`,
      `The token expired ${formatSeconds(expiredBy)} before the request, yet the API accepted it${expiredBy <= 60 ? ' (maybe within a clock leeway)' : ''}.`,
      expiredBy <= 60 ? 'warn' : 'bad',
    );
  }
  const stillValid = context.choice === 'expired' && expiredBy !== undefined && expiredBy <= 0;
  return {
    kind: 'ok',
    title: `${statusLine}: the API accepted the request`,
    detail: `Sent as ${who(facts)} (roles: ${listRoles(facts)}).${stillValid ? ` The earlier token had not expired yet (${formatSeconds(-expiredBy)} left), so the API rightly accepted it.` : ''}`,
    next: 'Take it elsewhere with “Copy as curl”, or try the other tokens with the unauthorized matrix.',
    severity: 'ok',
  };
}

const STATUS_ADVICE: Array<[(status: number) => boolean, string, string]> = [
  [(s) => s === 404, 'Not found', 'Check the path (relative to the API base URL) and the method.'],
  [(s) => s === 405, 'Method not allowed', 'This path exists but not with this method: pick another method.'],
  [(s) => s === 429, 'Too many requests', 'Wait a moment and send again.'],
  [
    (s) => s >= 500,
    'The API failed',
    'The token is probably not the cause: the API’s logs say why; send again later.',
  ],
  [
    (s) => s === 400,
    'Bad request',
    'The API disliked the request itself (body or parameters): read the response body.',
  ],
  [(s) => s >= 300 && s < 400, 'Not a final answer', 'Read the response headers and body.'],
];

function otherStatus(result: Response, statusLine: string): Verdict {
  const advice = STATUS_ADVICE.find(([matches]) => matches(result.status));
  return {
    kind: 'http-status',
    title: `${statusLine}${advice ? `: ${advice[1].toLowerCase()}` : ''}`,
    detail: 'This is not an authorization problem: the API got the request and answered.',
    next: advice?.[2] ?? 'Read the response body for the API’s explanation.',
    severity: result.status >= 500 ? 'bad' : 'warn',
  };
}
