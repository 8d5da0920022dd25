import { writesData } from '../../../config/methods.ts';
import { formatSpan } from '../../token/formatDuration.ts';
import { roleProblem } from '../../token/judgeToken.ts';
import { type TokenReading, whoOf } from '../../token/readToken.ts';
import { largeToken } from '../largeToken.ts';
import { headerOf, type SendResult } from '../send.ts';
import { explainAccepted } from './explainAccepted.ts';
import { explainForeignAnswer } from './explainForeignAnswer.ts';
import { explainRefusedToken, missingRole } from './explainRefusedToken.ts';
import { identifyResponder } from './identifyResponder.ts';
import type { ExplainContext, Verdict } from './verdict.ts';
import { bearerError, parseWwwAuthenticate } from './wwwAuthenticate.ts';

type Response = Extract<SendResult, { kind: 'response' }>;

const NOTES: Record<'header' | 'body' | 'none', string | undefined> = {
  header: undefined,
  body: 'The error code comes from the response body: there was no WWW-Authenticate header the page could read.',
  none: 'No WWW-Authenticate header the page can read: either the API did not send one (RFC 6750 §3 requires it with a 401), or it does not expose it to browsers (Access-Control-Expose-Headers). “curl --include” shows which. This verdict rests on the token alone.',
};

/**
 * One verdict for one answer: who answered (the API, or a gateway, proxy or SSO page in front of
 * it), why, and what to do next. It reads the RFC 6750 error from WWW-Authenticate or, when the
 * browser hides that header, from the JSON body, and cross-checks the token that was actually sent
 * with the one token model (time at send in server time, type, issuer, audience, realm role). A
 * failed fetch is never turned into a 401: without a response there is no status to explain.
 * `bodyText` is the start of the body (enough for an HTML title or a JSON error).
 */
export function explainResponse(
  result: SendResult,
  sent: TokenReading | undefined,
  context: ExplainContext,
  bodyText = '',
): Verdict {
  switch (result.kind) {
    case 'network-error':
      return noResponse(result.message, sent, context);
    case 'blocked-by-csp':
      return {
        kind: 'blocked-by-csp',
        title: `Blocked by the portal's own Content-Security-Policy: ${result.origin} is not in its connect-src`,
        detail: `The browser stopped the request before it left, so neither the API nor the network was involved. The portal's CSP lists only the origins config.json names (each environment's authority, api.baseUrl, api.allowedOrigins and api.confirmOrigins); ${result.origin} is none of them, so confirming it cannot help.`,
        next: `Add "${result.origin}" to api.confirmOrigins (asks each time) or api.allowedOrigins (never asks) of this environment in config.json, have the portal redeployed with headers generated from it (the local stack reads it at once), then reload the page.`,
        tone: 'bad',
      };
    case 'timeout':
      return {
        kind: 'timeout',
        title: `No answer within ${formatSpan(result.timeoutMs / 1000)} (timeout)`,
        detail:
          'The portal stopped waiting. The request may have reached the API and may still be running there.',
        next: 'Send again; if it stays slow, check the API’s health, or retry with curl (it waits as long as needed).',
        tone: 'warn',
        curl: context.curl,
      };
    case 'cancelled':
      return {
        kind: 'cancelled',
        title: 'Cancelled',
        detail: 'You cancelled the request before an answer came; it may still have reached the API.',
        next: 'Send again when ready.',
        tone: 'info',
      };
    case 'redirect':
      return {
        kind: 'redirect',
        title:
          'Redirected, most likely to a sign-in page: an SSO gateway in front of the API wants a browser session',
        detail:
          'The answer was a redirect (3xx). On an API call that is almost always a single sign-on gateway or auth proxy (oauth2-proxy, an ingress with OIDC, a web access manager) sending an unknown visitor to its login page: it did not pass the bearer token on, and the API never judged it. The browser hides where the redirect points (Location), and the portal does not follow it, so the token went nowhere else.',
        next: 'See the target with curl (below: --include shows Location). The fix is on the gateway: it must accept bearer tokens on API paths (oauth2-proxy: --skip-jwt-bearer-tokens, with the realm as an extra JWT issuer), or call the API at an address without the gateway.',
        tone: 'warn',
        curl: context.curl,
      };
    case 'response':
      return explainStatus(result, sent, context, bodyText);
  }
}

function noResponse(message: string, sent: TokenReading | undefined, context: ExplainContext): Verdict {
  const large = largeToken(sent);
  const method = context.method?.toUpperCase() ?? '';
  // Case 39: CORS hides the answer from the page, not the request from the server.
  const sideEffects = writesData(method)
    ? `This was a ${method}: if it reached the API, the API may have done it (changed data) although the page cannot read the answer. Check the data before sending it again. `
    : '';
  return {
    kind: 'no-response',
    title: 'No response: the API is down, or CORS blocked it (the request may still have reached the server)',
    detail:
      sideEffects +
      `Check that the API is running and reachable; that it allows this portal’s origin (${context.portalOrigin}) in Access-Control-Allow-Origin, on error responses too; and that its preflight lists Authorization in Access-Control-Allow-Headers and the method in Access-Control-Allow-Methods. An SSO gateway in front of the API (oauth2-proxy, an ingress with OIDC) fails the same way: it answers the preflight with its login redirect or page, without CORS headers. ` +
      `The browser’s console names the exact cause (the page only gets “${message}”).`,
    next: 'Retry outside the browser with curl (set TOKEN first): if curl gets an answer, CORS is the problem.',
    tone: 'bad',
    curl: context.curl,
    ...(large
      ? {
          note: `${large.title}: a server may have refused the header (431) before adding CORS headers. ${large.next}`,
        }
      : {}),
  };
}

function explainStatus(
  result: Response,
  sent: TokenReading | undefined,
  context: ExplainContext,
  bodyText: string,
): Verdict {
  const { status } = result;
  const statusLine = `${status}${result.statusText ? ` ${result.statusText}` : ''}`;
  const refusal = status === 400 || status === 401 || status === 403;
  const challenges = refusal ? parseWwwAuthenticate(headerOf(result.headers, 'www-authenticate')) : [];
  const scheme = (name: string) => challenges.find((c) => c.scheme.toLowerCase() === name);
  // The RFC 6750 challenge is the API's own word, whatever the body is (HTML, text, empty): the
  // body's look decides who answered only without one, or when the page is clearly not the API's.
  const responder = identifyResponder(result, bodyText);
  const clearlyForeign = responder.kind === 'sso-page' || status === 502 || status === 504;
  const challenged = scheme('bearer') !== undefined || scheme('dpop') !== undefined;
  if (responder.kind !== 'api' && (clearlyForeign || !challenged)) {
    return explainForeignAnswer(responder, statusLine, status);
  }
  if (status >= 200 && status < 300) return explainAccepted(statusLine, sent, context);
  if (!refusal) return otherStatus(result, statusLine, sent);
  const dpop = scheme('dpop');
  if (dpop && !scheme('bearer')) return dpopRequired(statusLine, dpop.params);

  const bearer = bearerError(result.headers, bodyText);
  const { error, description } = bearer;
  const words = description || bearer.message;
  const said = words ? ` The API says: “${words}”.` : '';
  // A 400 without a Bearer error code is about the request itself, not the token.
  // Some libraries answer a missing token with 400 (auth0/go-jwt-middleware: "JWT is missing.").
  if (status === 400 && !error && (sent || bearer.source === 'header'))
    return otherStatus(result, statusLine, sent);
  const note = NOTES[bearer.source];
  const verdict = (v: Verdict): Verdict => (note ? { ...v, note } : v);

  if (!sent) {
    return verdict({
      kind: 'no-token',
      title: 'No token was sent',
      detail: `The request had no Authorization header and the API requires one (${statusLine}${status === 400 ? ', where RFC 6750 §3.1 says 401' : ''}).${said}`,
      next: 'Choose “Current access token” and send again.',
      tone: context.probe === 'none' ? 'info' : 'bad',
    });
  }
  if (error === 'invalid_request') {
    return verdict({
      kind: 'invalid-request',
      title: 'The API found the request malformed',
      detail: `${statusLine}, error “invalid_request”.${said}`,
      next: 'Send the token once, as “Authorization: Bearer <token>”, and not also in the URL or the body (RFC 6750 §2).',
      tone: 'bad',
    });
  }
  // RFC 6750 §3.1: 403 + insufficient_scope. Keycloak-backed APIs map a missing realm role to it.
  if (error === 'insufficient_scope' || status === 403) {
    const role = sent.readable ? roleProblem(sent, context.expected.requiredRole) : null;
    if (role) return verdict(missingRole(sent, role, context, said));
    if (error === 'insufficient_scope') {
      return verdict({
        kind: 'insufficient-scope',
        title: 'Scope insufficient',
        detail: `The API wants ${bearer.scope ? `the scope “${bearer.scope}”` : 'more scope'}; the token has the scope “${sent.scope ?? ''}”.${said}`,
        next: 'Request that scope at sign-in (the client’s scope setting), or ask the realm admin to allow it for this client, then sign in again.',
        tone: 'bad',
      });
    }
    return verdict({
      kind: 'forbidden',
      title: `${statusLine}: refused for this user`,
      detail: `The token has the realm role “${context.expected.requiredRole}” (${whoOf(sent)}), yet the API refuses this action or resource.${said}`,
      next: 'The token is not the problem: check the API’s rules for this resource and this user.',
      tone: 'bad',
    });
  }
  return verdict(
    explainRefusedToken({
      sent,
      statusLine,
      error,
      description,
      said,
      context,
      challenged: bearer.source !== 'none',
    }),
  );
}

const STATUS_ADVICE: Array<[(status: number) => boolean, string, string]> = [
  [
    (s) => s === 431,
    'Request header fields too large',
    'The headers were too big for the server: usually the token (see the token view); ask for fewer roles or groups in it, or higher header limits.',
  ],
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

function otherStatus(result: Response, statusLine: string, sent: TokenReading | undefined): Verdict {
  const advice = STATUS_ADVICE.find(([matches]) => matches(result.status));
  const large = result.status === 431 || result.status === 400 ? largeToken(sent) : null;
  return {
    kind: 'http-status',
    title: `${statusLine}${advice ? `: ${advice[1].toLowerCase()}` : ''}`,
    detail:
      result.status >= 500
        ? 'The API (or a proxy in front of it) failed while handling the request: this is not an authorization problem.'
        : 'This is not an authorization problem: the API answered about the request itself.',
    next: advice?.[2] ?? 'Read the response body for the API’s explanation.',
    tone: result.status >= 500 ? 'bad' : 'warn',
    ...(large ? { note: `${large.title}: ${large.detail}` } : {}),
  };
}

/** RFC 9449 §7.1: the API wants a DPoP-bound token, which a plain bearer token is not. */
function dpopRequired(statusLine: string, params: Record<string, string>): Verdict {
  const algs = params.algs ? ` (signed with ${params.algs})` : '';
  const said = params.error_description ? ` The API says: “${params.error_description}”.` : '';
  return {
    kind: 'dpop-required',
    title: `${statusLine}: the API wants a DPoP-bound token, not a bearer token`,
    detail: `The API's challenge uses the DPoP scheme (RFC 9449): it accepts only tokens bound to a key the client proves with a DPoP proof on each request${algs}.${said} A bearer token, however valid, cannot pass.`,
    next: 'Ask the realm admin whether this client must use DPoP (Keycloak: the client’s “Require DPoP bound tokens”), or call the API with a client that sends DPoP proofs; the portal sends bearer tokens only.',
    tone: 'bad',
  };
}
