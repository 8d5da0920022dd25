import { headerOf, type SendResult } from '../send.ts';

type Response = Extract<SendResult, { kind: 'response' }>;

/** Who most likely wrote the answer: the API, or something in front of it. */
export type Responder =
  | { kind: 'api' }
  /** A gateway or reverse proxy speaking for itself (502/504, or its own error page). */
  | { kind: 'gateway'; name?: string; title?: string }
  /** A single sign-on gateway's login page: it wants a browser session, not a bearer token. */
  | { kind: 'sso-page'; title?: string }
  /** Some other web page where an API answers JSON. */
  | { kind: 'web-page'; title?: string };

const PROXIES = /\b(nginx|apache|envoy|cloudflare|haproxy|traefik|varnish|squid|awselb|akamai|iis|caddy)\b/i;
const SIGN_IN = /\b(sign[ -]?in|log[ -]?in|login|logon|single sign-on|sso|authenticat\w*)\b/i;

const titleOf = (body: string) =>
  /<title[^>]*>([^<]{1,120})<\/title>/i.exec(body)?.[1]?.replace(/\s+/g, ' ').trim();

/**
 * Tells the API's own answers from a gateway's, a proxy's or an SSO page's, from what the page can
 * read: the status (RFC 9110 §15.6.3, §15.6.5: 502 and 504 come from a gateway or proxy), the
 * content type and HTML title, and `Server` / `Via` when CORS exposes them.
 */
export function identifyResponder(result: Response, bodyText: string): Responder {
  const type = headerOf(result.headers, 'content-type') ?? '';
  const html = /html/i.test(type) || (!/json/i.test(type) && /^\s*</.test(bodyText));
  const title = html ? titleOf(bodyText) : undefined;
  const named =
    (headerOf(result.headers, 'server') ?? '').match(PROXIES)?.[1] ??
    (html ? bodyText.match(PROXIES)?.[1] : undefined);
  const withTitle = title ? { title } : {};
  const withName = named ? { name: named } : {};
  if (result.status === 502 || result.status === 504) return { kind: 'gateway', ...withName, ...withTitle };
  if (!html) return { kind: 'api' };
  if (SIGN_IN.test(title ?? '') || /<input[^>]+type=["']?password/i.test(bodyText)) {
    return { kind: 'sso-page', ...withTitle };
  }
  if (result.status >= 400 && (named || headerOf(result.headers, 'via')))
    return { kind: 'gateway', ...withName, ...withTitle };
  return { kind: 'web-page', ...withTitle };
}
