import type { Page, Request } from 'playwright-core';

/* Probes of the sign-in for the catalogue's browser tests: what the page sends and keeps. */

export const signInButton = (page: Page) => page.getByRole('button', { name: 'Sign in', exact: true });
/** The header's "Signed in as <user>" (the words are a span of their own, visually hidden on a phone). */
export const signedIn = (page: Page) => page.getByRole('banner').getByText(/^Signed in as \S/);
/** The bodies of the token requests the page sends to this issuer, as they happen. */
export const tokenPosts = (page: Page, issuer: string) => {
  const posts: string[] = [];
  page.on('request', (request: Request) => {
    if (request.url() === `${issuer}/protocol/openid-connect/token` && request.method() === 'POST')
      posts.push(request.postData() ?? '');
  });
  return posts;
};
/** The pending sign-ins (oidc-client-ts states) this tab holds for the local environment. */
export const pendingStates = (page: Page) =>
  page.evaluate(() => Object.keys(sessionStorage).filter((key) => /^oidc\.local\.(?!user:)/.test(key)));
/** Starts a sign-in and stops on the realm's login page; returns the state it sent. */
export async function startSignIn(page: Page, portalUrl: string) {
  const authorize = page.waitForRequest((request) => request.url().includes('/protocol/openid-connect/auth'));
  await page.goto(portalUrl);
  await signInButton(page).click();
  const state = new URL((await authorize).url()).searchParams.get('state') ?? '';
  await page.getByLabel('Username').waitFor();
  return state;
}
/**
 * Signs in on the realm's login page, but the portal gets the callback as `rewrite` made it. (A
 * route never sees the callback itself: it comes as a redirect. So the portal's scripts are held
 * back while the realm's answer lands, and the rewritten address is opened in its place.)
 */
export async function signInWithCallback(page: Page, portalUrl: string, rewrite: (callback: URL) => string) {
  await startSignIn(page, portalUrl);
  const assets = `${portalUrl}/assets/**`;
  await page.route(assets, (route) => route.abort());
  await page.getByLabel('Username').fill('therapist');
  await page.getByLabel('Password', { exact: true }).fill('therapist');
  await page.getByRole('button', { name: 'Sign In' }).click();
  await page.waitForURL((url) => url.origin === portalUrl && url.searchParams.has('code'));
  const callback = new URL(page.url());
  await page.unroute(assets);
  await page.goto(rewrite(new URL(callback)));
  return callback;
}
