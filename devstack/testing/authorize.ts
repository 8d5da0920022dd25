import { createHash, randomBytes } from 'node:crypto';
import { CookieJar } from './cookieJar.ts';

export interface AuthorizeOptions {
  /** Anything with the realm's issuer, e.g. what createIdp returns. */
  idp: { issuer: string };
  clientId: string;
  redirectUri: string;
  /** Needed only when the IdP shows its login page. */
  username?: string;
  password?: string;
  scope?: string;
  /** Extra authorization request parameters, e.g. { prompt: 'login' }. */
  params?: Record<string, string>;
  /** Reuse a browser session (the IdP's cookies) across calls. */
  jar?: CookieJar;
}

export interface AuthorizeResult {
  code: string;
  codeVerifier: string;
  jar: CookieJar;
  /** Whether the IdP asked for the password on the way. */
  loginPageShown: boolean;
}

const maxHops = 12;

function unescapeHtml(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** The first POST form of a page (the embedded IdP's and Keycloak's login pages differ in markup). */
function postForm(html: string): string | undefined {
  return /<form\b[^>]*\bmethod="post"[^>]*>/i.exec(html)?.[0];
}

function formAction(html: string, pageUrl: string): string {
  const action = /\baction="([^"]+)"/.exec(postForm(html) ?? '')?.[1];
  if (action === undefined) throw new Error(`No form on ${pageUrl}`);
  return new URL(unescapeHtml(action), pageUrl).href;
}

/**
 * The message a realm page shows: a refused password on the login page (embedded: role=alert;
 * Keycloak: kc-feedback-text) or the reason on an error page (Keycloak: class "instruction").
 */
export function loginPageMessage(html: string): string | undefined {
  const text =
    /role="alert">([^<]*)</.exec(html)?.[1] ??
    /kc-feedback-text"[^>]*>([^<]*)</.exec(html)?.[1] ??
    /class="instruction">([^<]*)</.exec(html)?.[1];
  return text === undefined ? undefined : unescapeHtml(text).trim();
}

/**
 * Runs the authorization code + PKCE front channel the way a browser would: GET the authorization
 * endpoint, follow redirects with cookies, fill in the login page if it shows, and stop at the
 * redirect URI with the code.
 */
export async function authorize(options: AuthorizeOptions): Promise<AuthorizeResult> {
  const jar = options.jar ?? new CookieJar();
  const codeVerifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorizationUrl = new URL(`${options.idp.issuer}/protocol/openid-connect/auth`);
  authorizationUrl.search = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope: options.scope ?? 'openid profile email',
    state,
    code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...options.params,
  }).toString();

  let url = authorizationUrl.href;
  let response = await jar.fetch(url);
  let loginPageShown = false;
  for (let hop = 0; hop < maxHops; hop += 1) {
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      const next = new URL(location, url);
      if (next.href.startsWith(options.redirectUri)) {
        const error = next.searchParams.get('error');
        if (error !== null) {
          throw new Error(
            `Authorization failed: ${error} ${next.searchParams.get('error_description') ?? ''}`,
          );
        }
        if (next.searchParams.get('state') !== state)
          throw new Error('Authorization response state mismatch');
        const code = next.searchParams.get('code');
        if (code === null) throw new Error(`No code in ${next.href}`);
        return { code, codeVerifier, jar, loginPageShown };
      }
      url = next.href;
      response = await jar.fetch(url);
      continue;
    }
    const body = await response.text();
    if (response.status !== 200 || postForm(body) === undefined) {
      throw new Error(`Unexpected ${response.status} from ${url}: ${body.slice(0, 500)}`);
    }
    const action = formAction(body, url);
    if (!body.includes('name="password"')) {
      // A self-submitting page (e.g. oidc-provider ending the old session when another user signs
      // in with prompt=login): do what its script does.
      const inputs = [...body.matchAll(/<input type="hidden" name="([\w-]+)" value="([^"]*)"\/>/g)];
      url = action;
      response = await jar.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(inputs.map(([, name = '', value = '']) => [name, unescapeHtml(value)])),
      });
      continue;
    }
    // Keycloak with prompt=login and a realm session: "Please re-authenticate", the signed-in
    // user's name fixed. Another user takes "Restart login" as a person would, which ends that
    // realm session (skip_logout=false).
    const attempted = /id="kc-attempted-username" value="([^"]*)"/.exec(body)?.[1];
    const restart = /location\.href='([^']*\/login-actions\/restart[^']*)'/.exec(body)?.[1];
    if (
      attempted !== undefined &&
      options.username !== undefined &&
      unescapeHtml(attempted) !== options.username
    ) {
      if (restart === undefined) throw new Error(`No "Restart login" on ${url}`);
      url = new URL(unescapeHtml(restart), url).href;
      response = await jar.fetch(url);
      continue;
    }
    if (loginPageShown) throw new Error(`The login page showed twice: ${url}`);
    if (options.username === undefined || options.password === undefined) {
      throw new Error('The IdP showed its login page but no username/password was given');
    }
    loginPageShown = true;
    url = action;
    response = await jar.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: options.username, password: options.password }),
    });
    if (response.status === 200) {
      const alert = loginPageMessage(await response.text()) ?? 'no message';
      throw new Error(`Sign-in as ${options.username} failed: ${alert}`);
    }
  }
  throw new Error(`Too many redirects from ${authorizationUrl.href}`);
}
