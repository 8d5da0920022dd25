import { isJsonObject } from '../../config/json.ts';
import type { EnvironmentConfig } from '../../config/types.ts';
import { realmNameOf, sameIssuer } from '../../config/urls.ts';
import type { Failure } from '../explanation.ts';
import type { DiscoveryFetch } from './fetchDiscovery.ts';

/** The endpoints the portal shows, in the order a sign-in uses them. */
export const ENDPOINTS = [
  ['authorization_endpoint', 'Authorization'],
  ['token_endpoint', 'Token'],
  // RFC 8628 §4: where a device without a browser asks for its codes.
  ['device_authorization_endpoint', 'Device authorization'],
  ['userinfo_endpoint', 'UserInfo'],
  ['end_session_endpoint', 'End session'],
  ['jwks_uri', 'JWKS (signing keys)'],
  ['introspection_endpoint', 'Introspection'],
] as const;

export type EndpointKey = (typeof ENDPOINTS)[number][0];

export interface Endpoint {
  key: EndpointKey;
  name: string;
  /** Undefined when the realm does not advertise it. */
  url: string | undefined;
}

/** The realm calls itself by another issuer than config.json's authority: tokens will carry it. */
export type IssuerMismatch = Failure<'issuer-mismatch'> & {
  configured: string;
  advertised: string;
  /** The most likely reason, from how the two URLs differ. */
  likelyCause: string;
};

export type DiscoveryFailure =
  | 'realm-not-found'
  | 'html'
  | 'network'
  | 'invalid-json'
  | 'http-error'
  | 'not-discovery';

export type DiscoveryView =
  | {
      ok: true;
      issuer: string;
      issuerMismatch: IssuerMismatch | null;
      endpoints: Endpoint[];
      /** What will not work with this realm (each reason says what breaks), or null. */
      warnings: Failure<'realm-warnings'> | null;
    }
  /** Why the realm cannot be used, and what to check. */
  | ({ ok: false; status?: number } & Failure<DiscoveryFailure>);

const looksLikeHtml = (contentType: string, body: string) => /html/i.test(contentType) || /^\s*</.test(body);

const htmlTitle = (body: string) =>
  /<title[^>]*>([^<]{1,120})<\/title>/i.exec(body)?.[1]?.replace(/\s+/g, ' ').trim();

function issuerMismatch(configured: string, advertised: string): IssuerMismatch | null {
  if (sameIssuer(advertised, configured)) return null;
  const a = URL.parse(configured);
  const b = URL.parse(advertised);
  let likelyCause =
    'The realm names itself differently from config.json, so the tokens it issues carry an `iss` the portal and the API do not expect.';
  if (a && b) {
    const withoutAuth = (path: string) => path.replace(/^\/auth(?=\/)/, '');
    if (a.protocol !== b.protocol) {
      likelyCause = `The realm believes it is served over ${b.protocol.slice(0, -1)}, but config.json reaches it over ${a.protocol.slice(0, -1)}: a reverse proxy in front of Keycloak does not pass X-Forwarded-Proto, or Keycloak's proxy-headers/hostname setting is missing.`;
    } else if (a.host !== b.host) {
      likelyCause = `The realm believes its host is ${b.host}, not ${a.host}: Keycloak's hostname setting (KC_HOSTNAME) names another address, or config.json points at another server (a mix-up).`;
    } else if (withoutAuth(a.pathname) === withoutAuth(b.pathname)) {
      likelyCause =
        'One URL has the /auth prefix and the other does not: Keycloak 17 and later serve realms without /auth unless http-relative-path is set to /auth.';
    } else if (a.pathname.toLowerCase() === b.pathname.toLowerCase()) {
      likelyCause = 'The realm name differs in upper/lower case: Keycloak realm names are case-sensitive.';
    }
  }
  return {
    kind: 'issuer-mismatch',
    tone: 'bad',
    title: 'The realm names another issuer than the one configured',
    detail: `config.json says ${configured}; the realm says ${advertised}. ${likelyCause}`,
    next: "If the advertised issuer is the realm you mean, put it as the authority in config.json; otherwise fix the realm's hostname or proxy settings. Do not use tokens from a realm whose issuer you did not expect.",
    configured,
    advertised,
    likelyCause,
  };
}

/**
 * Turns what the realm's discovery URL answered into what a developer or QA reads: the issuer and
 * endpoints, or why there are none and what to check. Keycloak answers a wrong realm name with
 * 404 `{"error":"Realm does not exist"}`; a proxy or SSO gateway in front answers with an HTML page.
 */
export function describeDiscovery(result: DiscoveryFetch, environment: EnvironmentConfig): DiscoveryView {
  const { authority } = environment;
  const realm = realmNameOf(authority);
  const realmWords = realm ? `the realm "${realm}"` : 'the realm';

  if (result.kind === 'network-error' && result.probe?.server === 'hidden') {
    const origin = URL.parse(result.url)?.origin ?? result.url;
    if (result.probe.masterRealm) {
      return {
        ok: false,
        kind: 'realm-not-found',
        tone: 'bad',
        title: `The realm "${realm ?? '?'}" does not exist`,
        detail: `The Keycloak at ${origin} answers (its master realm's configuration loads), but not for ${realmWords}: Keycloak answers an unknown realm with 404 "Realm does not exist" and without CORS headers, so the browser only reports a failed request. Realm names are case-sensitive.`,
        next: 'Correct the authority in config.json: the realm name after /realms/ (https://<host>[/auth]/realms/<realm name>). Then reload.',
      };
    }
    return {
      ok: false,
      kind: 'network',
      tone: 'bad',
      title: 'The realm answered, but the browser may not read the answer',
      detail: `The server at ${origin} answered ${result.url} without CORS headers for this portal. Keycloak does that for a realm that does not exist (404 "Realm does not exist"); a proxy or gateway in front of it can do the same with an error or login page.`,
      next: `Open ${result.url} in a new tab: "Realm does not exist" means the realm name in config.json is wrong; a web page means something in front of Keycloak answers instead.`,
    };
  }
  if (result.kind === 'network-error') {
    return {
      ok: false,
      kind: 'network',
      tone: 'bad',
      title: 'The realm did not answer',
      detail: `No response from ${result.url} (${result.message}). The server is down or unreachable from here (VPN?), the address in config.json is wrong, or the browser blocked the answer: CORS, or the portal's Content-Security-Policy connect-src does not list the realm's origin.`,
      next: `Open ${result.url} in a new tab: if it shows JSON, the browser blocked the call (look at the console); if it does not load, check the authority in config.json and your network.`,
    };
  }

  const { status, contentType, body, finalUrl } = result;
  const html = looksLikeHtml(contentType, body);
  const redirected = finalUrl !== result.url ? ` (after a redirect to ${finalUrl})` : '';

  if (status === 404) {
    const keycloakSaysSo = /realm does not exist/i.test(body);
    return {
      ok: false,
      kind: 'realm-not-found',
      tone: 'bad',
      status,
      title: keycloakSaysSo ? `The realm "${realm ?? '?'}" does not exist` : 'The realm was not found (404)',
      detail: keycloakSaysSo
        ? `Keycloak answered 404 "Realm does not exist": ${realmWords} is not on this server. Realm names are case-sensitive.`
        : `Nothing answers at ${result.url}: the realm name or the path in the authority is wrong. Keycloak 17 and later serve realms at /realms/<name>, older ones (or http-relative-path=/auth) at /auth/realms/<name>.`,
      next: 'Correct the authority in config.json (https://<host>[/auth]/realms/<realm name>) and reload.',
    };
  }
  if (html) {
    const title = htmlTitle(body);
    return {
      ok: false,
      kind: 'html',
      tone: 'bad',
      status,
      title: 'A web page came back instead of the realm configuration',
      detail: `The discovery URL answered ${status} with an HTML page${title ? ` titled "${title}"` : ''}${redirected}, not JSON. Something in front of Keycloak (a proxy, a firewall, an SSO gateway or a maintenance page) answers instead of the realm, or the authority points at a web site.`,
      next: `Open ${result.url} in a new tab to see that page; ask whoever runs the server to let /realms/ through to Keycloak, or fix the authority.`,
    };
  }
  if (status < 200 || status >= 300) {
    return {
      ok: false,
      kind: 'http-error',
      tone: 'bad',
      status,
      title: `The realm answered ${status}`,
      detail:
        status >= 500
          ? `Keycloak (or a proxy in front of it) failed with ${status}${redirected}.`
          : `The discovery URL refused the request with ${status}${redirected}.`,
      next:
        status >= 500
          ? 'Try again in a moment; if it persists, tell the realm admin.'
          : 'Check the authority in config.json; show this status to the realm admin.',
    };
  }

  let metadata: unknown;
  try {
    metadata = JSON.parse(body);
  } catch (cause) {
    return {
      ok: false,
      kind: 'invalid-json',
      tone: 'bad',
      status,
      title: 'The realm configuration is not valid JSON',
      detail: `The discovery URL answered ${status}${redirected}, but the body cannot be read as JSON (${cause instanceof Error ? cause.message : String(cause)}). A proxy may be cutting or rewriting it.`,
      next: `Open ${result.url} in a new tab and look at what comes back.`,
    };
  }
  if (!isJsonObject(metadata) || typeof metadata.issuer !== 'string') {
    return {
      ok: false,
      kind: 'not-discovery',
      tone: 'bad',
      status,
      title: 'This is not an OpenID Connect realm configuration',
      detail: `The discovery URL answered JSON without an "issuer"${redirected}: it is not an OpenID Connect provider's configuration.`,
      next: 'Check that the authority in config.json is the realm URL (https://<host>[/auth]/realms/<realm name>).',
    };
  }

  const endpoints = ENDPOINTS.map(([key, name]) => ({
    key,
    name,
    url: typeof metadata[key] === 'string' ? metadata[key] : undefined,
  }));
  const warnings: string[] = [];
  const missing = (key: EndpointKey) => !endpoints.find((endpoint) => endpoint.key === key)?.url;
  if (missing('authorization_endpoint') || missing('token_endpoint')) {
    warnings.push('The realm advertises no authorization or token endpoint: signing in cannot work.');
  }
  if (missing('end_session_endpoint')) {
    warnings.push(
      'No end session endpoint: "Sign out" cannot end the realm session; use "Forget tokens here".',
    );
  }
  const pkce = metadata.code_challenge_methods_supported;
  if (Array.isArray(pkce) && !pkce.includes('S256')) {
    warnings.push('The realm does not list PKCE S256, which the portal uses to sign in.');
  }
  return {
    ok: true,
    issuer: metadata.issuer,
    issuerMismatch: issuerMismatch(authority, metadata.issuer),
    endpoints,
    warnings:
      warnings.length === 0
        ? null
        : {
            kind: 'realm-warnings',
            tone: 'warn',
            title: 'Parts of the portal will not work with this realm',
            reasons: warnings,
            next: 'Show these to the realm admin: each names the setting that is missing.',
          },
  };
}
