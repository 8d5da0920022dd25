import { formatSpan } from '../shared/token/formatDuration.ts';
import { explainAccepted } from './explainAccepted.ts';
import { explainRefusedToken, missingRole } from './explainRefusedToken.ts';
import { parseWwwAuthenticate } from './parseWwwAuthenticate.ts';
import type { SendResult } from './send.ts';
import { secondsLeft, tokenFacts } from './tokenFacts.ts';
import { type ExplainContext, hasRole, type Verdict, who } from './verdict.ts';

type Response = Extract<SendResult, { kind: 'response' }>;

const HEADER_HIDDEN =
  'The API does not expose WWW-Authenticate to browsers (Access-Control-Expose-Headers), so this verdict is reasoned from the token alone.';

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
        title: `No answer within ${formatSpan(result.timeoutMs / 1000)} (timeout)`,
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

  if (status >= 200 && status < 300) return explainAccepted(statusLine, facts, expiredBy, context);
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
