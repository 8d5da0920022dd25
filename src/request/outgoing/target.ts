import type { EnvironmentConfig } from '../../config/types.ts';

export type BearerTarget =
  | { verdict: 'allowed'; origin: string }
  /** Not on the allowlist: send the bearer only after the user confirms this exact origin. */
  | { verdict: 'confirm'; origin: string; message: string }
  /** Never send a bearer there, confirmed or not. */
  | {
      verdict: 'refused';
      reason: 'invalid-url' | 'credentials' | 'insecure' | 'scheme' | 'other-environment';
      message: string;
    };

/** Another environment of config.json, as far as where its tokens may go. */
export type OtherEnvironment = Pick<EnvironmentConfig, 'label' | 'api'>;

/** http: is refused except for the loopback names (RFC 6750 §5.3: TLS protects bearer tokens). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const originOf = (value: string) => {
  const origin = URL.parse(value)?.origin;
  return origin && origin !== 'null' ? origin : undefined;
};

/**
 * May the bearer go to this URL? Origins are compared parsed and exactly (scheme, host, port), so
 * `https://api.example.org.evil.com`, `https://api.example.org:8443` and
 * `https://api.example.org@evil.com` are not `https://api.example.org`.
 */
export function checkBearerTarget(
  url: string,
  environment: Pick<EnvironmentConfig, 'api'> & Partial<Pick<EnvironmentConfig, 'label'>>,
  confirmedOrigins: ReadonlySet<string> | readonly string[] = [],
  otherEnvironments: readonly OtherEnvironment[] = [],
): BearerTarget {
  const target = URL.parse(url);
  if (!target) return { verdict: 'refused', reason: 'invalid-url', message: `"${url}" is not a valid URL.` };
  if (target.username !== '' || target.password !== '') {
    return {
      verdict: 'refused',
      reason: 'credentials',
      message: `The URL carries credentials before "@" (it really goes to ${target.origin}). Remove them: the token is not sent to such URLs.`,
    };
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return {
      verdict: 'refused',
      reason: 'scheme',
      message: `A bearer is only sent over https, not ${target.protocol}.`,
    };
  }
  if (target.protocol === 'http:' && !LOOPBACK.has(target.hostname)) {
    return {
      verdict: 'refused',
      reason: 'insecure',
      message: `A bearer is not sent over plain http to ${target.origin}: use https (http is allowed for localhost only).`,
    };
  }
  const origin = target.origin;
  const allowed = environment.api.allowedOrigins.map(originOf);
  if (allowed.includes(origin)) return { verdict: 'allowed', origin };
  // Case 34: the allowlist is per realm. Another environment's API would take this token as a
  // stranger's at best; at worst it trusts the realm too, and a production bearer sits in a test
  // system's logs. The CSP cannot tell (it lists every environment), so nothing here may ask.
  const owner = otherEnvironments.find((other) => other.api.allowedOrigins.map(originOf).includes(origin));
  if (owner) {
    const mine = environment.label ? `a ${environment.label} token` : "this environment's token";
    return {
      verdict: 'refused',
      reason: 'other-environment',
      message: `${origin} is the ${owner.label} API: ${mine} never goes to another environment's API, confirmed or not.`,
    };
  }
  const confirmed = [...confirmedOrigins].map(originOf);
  if (confirmed.includes(origin)) return { verdict: 'allowed', origin };
  const listed = (environment.api.confirmOrigins ?? []).map(originOf).includes(origin);
  return {
    verdict: 'confirm',
    origin,
    message: `${origin} is not on this environment's API allowlist. Anyone running it would get your token and could call the API as you until it expires.${
      listed
        ? ''
        : ' It is not in api.confirmOrigins of config.json either, so the portal’s Content-Security-Policy will most likely block the request (add it there to send to it).'
    }`,
  };
}

export type ResolvedUrl = { ok: true; url: string } | { ok: false; message: string };

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * An absolute URL as typed, or a path appended to the API base URL. Appending (not `new URL(path,
 * base)`) keeps a base path: base `https://x/gateway` + `/api/v1/me` is `https://x/gateway/api/v1/me`.
 */
export function resolveUrl(input: string, baseUrl: string): ResolvedUrl {
  const typed = input.trim();
  if (typed === '') return { ok: false, message: 'Type a path (e.g. /api/v1/me) or a full URL.' };
  if (typed.startsWith('//')) {
    return { ok: false, message: `Add the scheme: https:${typed} (a URL starting with // is ambiguous).` };
  }
  const candidate = ABSOLUTE.test(typed)
    ? typed
    : typed.startsWith('?') || typed.startsWith('#')
      ? `${baseUrl.replace(/\/+$/, '')}${typed}`
      : `${baseUrl.replace(/\/+$/, '')}/${typed.replace(/^\/+/, '')}`;
  const url = URL.parse(candidate);
  if (!url) return { ok: false, message: `"${typed}" is not a valid URL or path.` };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `Only http and https URLs can be called, not ${url.protocol}.` };
  }
  return { ok: true, url: url.href };
}
