import type { CookieJar } from './cookieJar.ts';

export interface LogoutResult {
  /** Whether the browser would have landed on the post-logout redirect URI. */
  returned: boolean;
  /** Pages the browser passed through on the way (a self-submitting form counts as one). */
  pagesShown: number;
  /** The Referrer-Policy of every IdP response on the way. */
  referrerPolicies: Array<string | null>;
}

const hiddenInputs = (html: string) =>
  [...html.matchAll(/<input type="hidden" name="([\w-]+)" value="([^"]*)"\s*\/?>/g)].map(
    ([, name = '', value = '']) => [name, value.replaceAll('&amp;', '&').replaceAll('&quot;', '"')],
  );

/**
 * RP-initiated logout as a browser does it: GET the end session endpoint with the IdP's cookies,
 * follow redirects, submit a page that submits itself, stop at the post-logout redirect URI.
 */
export async function followLogout(
  jar: CookieJar,
  url: string,
  postLogoutRedirectUri: string,
): Promise<LogoutResult> {
  const result: LogoutResult = { returned: false, pagesShown: 0, referrerPolicies: [] };
  let response = await jar.fetch(url);
  let current = url;
  for (let hop = 0; hop < 8; hop += 1) {
    result.referrerPolicies.push(response.headers.get('referrer-policy'));
    const location = response.headers.get('location');
    if (location !== null) {
      await response.body?.cancel();
      const next = new URL(location, current).href;
      if (next.startsWith(postLogoutRedirectUri)) return { ...result, returned: true };
      current = next;
      response = await jar.fetch(current);
      continue;
    }
    const html = await response.text();
    const action = /<form\b[^>]*\baction="([^"]+)"/i.exec(html)?.[1];
    if (action === undefined) return result;
    result.pagesShown += 1;
    current = new URL(action.replaceAll('&amp;', '&'), current).href;
    response = await jar.fetch(current, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(hiddenInputs(html)),
    });
  }
  return result;
}
