import { describe, expect, it, onTestFinished } from 'vitest';
import { withLocalAcceptance } from './support/configEdits.ts';
import { saveScreen } from './support/screenshot.ts';
import { openSection } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import {
  pendingStates,
  signedIn,
  signInButton,
  signInWithCallback,
  startSignIn,
  tokenPosts,
} from './support/signInProbes.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';
import { signOutThroughPage } from './support/signOut.ts';
import { startStack } from './support/stack.ts';

/*
 * The sign-in and callback cases of the catalogue (README: Security), against both IdPs. Faults
 * the realm cannot be made to produce (a forged iss, a replayed code, a swapped callback path)
 * are made with Playwright's routes, on the realm's real answers.
 */

const session = setupBrowserSession({
  // A second environment on the same realm, with its own callback and storage (case 7).
  editConfig: withLocalAcceptance,
  extraRedirectPaths: ['/callback/acceptance'],
});

describe('the sign-in callback', () => {
  it('case 1: explains access_denied, cleans the URL, consumes the state, and a reload is the plain signed-out page', async () => {
    const { page, stack } = session;
    const state = await startSignIn(page, stack.portalUrl);
    await page.goto(
      `${stack.portalUrl}/callback/local?error=access_denied&error_description=User+cancelled+login&state=${state}`,
    );
    const alert = page.getByRole('alert').filter({ hasText: 'access_denied' });
    await expect.poll(() => alert.textContent()).toContain('User cancelled login');
    expect(await alert.textContent()).toContain('Next step');
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await pendingStates(page)).toEqual([]);

    await page.reload();
    await signInButton(page).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.textContent('body')).not.toMatch(/No matching state|stale/i);
  });

  it('case 2: says plainly that a callback with an unknown or used state is stale, and sends no token request', async () => {
    const { page, stack } = session;
    const posts = tokenPosts(page, stack.issuer);
    await page.goto(`${stack.portalUrl}/callback/local?code=old-code&state=not-from-this-tab`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('This sign-in response is stale');
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect(posts).toEqual([]);
  });

  it('case 3: one sign-in sends exactly one code exchange to the token endpoint (production build)', async () => {
    const { page, stack } = session;
    const posts = tokenPosts(page, stack.issuer);
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await signedIn(page).waitFor();
    await page.getByTestId('verdict').waitFor();
    expect(posts.filter((body) => body.includes('grant_type=authorization_code'))).toHaveLength(1);
  });

  it('case 3: one sign-in sends exactly one code exchange in the StrictMode dev build too', async () => {
    const { page } = session;
    // The Vite dev server, where React runs every effect twice on purpose.
    const dev = await startStack({ devServer: true });
    onTestFinished(() => dev.close());
    const posts = tokenPosts(page, dev.issuer);
    await signInThroughPage(page, dev.portalUrl, 'therapist');
    await signedIn(page).waitFor({ timeout: 60_000 });
    await page.getByTestId('verdict').waitFor();
    expect(posts.filter((body) => body.includes('grant_type=authorization_code'))).toHaveLength(1);
  });

  it('case 4: a code the realm already took ("Code not valid") is explained, and no token is stored', async () => {
    const { page, stack } = session;
    // Someone exchanged the code first (a replay): the realm refuses it the second time.
    await page.route(
      `${stack.issuer}/protocol/openid-connect/token`,
      async (route) => {
        await route.fetch();
        await route.fulfill({ response: await route.fetch() });
      },
      { times: 1 },
    );
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    const alert = page.getByRole('alert').filter({ hasText: 'invalid_grant' });
    await expect.poll(() => alert.textContent()).toContain('Code not valid');
    expect(await alert.textContent()).toContain('The sign-in code was already used or expired');
    expect(
      await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.includes('.user:'))),
    ).toEqual([]);
    expect(await signedIn(page).count()).toBe(0);
  });

  it('case 5: a callback with a state but no code is explained, cleaned and its state consumed', async () => {
    const { page, stack } = session;
    const posts = tokenPosts(page, stack.issuer);
    const state = await startSignIn(page, stack.portalUrl);
    await page.goto(`${stack.portalUrl}/callback/local?state=${state}`);
    const alert = page.getByRole('alert').filter({ hasText: 'without a sign-in code' });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain('“Expected code in response”');
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect(await pendingStates(page)).toEqual([]);
    expect(posts).toEqual([]);
    await saveScreen(page, 'case-05-no-code', alert);
    await page.reload();
    await signInButton(page).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('case 6: an answer whose iss names another realm is refused before the code exchange (RFC 9207)', async () => {
    const { page, stack } = session;
    const posts = tokenPosts(page, stack.issuer);
    const acceptance = 'https://acc.auth.abrumet.example/auth/realms/abrumet';
    const original = await signInWithCallback(page, stack.portalUrl, (callback) => {
      callback.searchParams.set('iss', acceptance);
      return callback.href;
    });
    // The realm does send iss (both IdPs advertise authorization_response_iss_parameter_supported).
    expect(original.searchParams.get('iss')).toBe(stack.issuer);
    const alert = page.getByRole('alert').filter({ hasText: 'does not come from this realm' });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain(
      `says it comes from ${acceptance}, but this sign-in went to ${stack.issuer}`,
    );
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect(posts).toEqual([]);
    expect(await signedIn(page).count()).toBe(0);
    expect(await pendingStates(page)).toEqual([]);
    await saveScreen(page, 'case-06-iss', alert);
  });

  it('case 6: a code without iss from a realm that promises one is refused too', async () => {
    const { page, stack } = session;
    const posts = tokenPosts(page, stack.issuer);
    await signInWithCallback(page, stack.portalUrl, (callback) => {
      callback.searchParams.delete('iss');
      return callback.href;
    });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('The sign-in answer has no iss parameter');
    expect(posts).toEqual([]);
  });

  it("case 7: a sign-in started for one environment is never completed by another's callback", async () => {
    const { page, stack } = session;
    const posts = tokenPosts(page, stack.issuer);
    await signInWithCallback(page, stack.portalUrl, (callback) => {
      callback.pathname = '/callback/acceptance';
      return callback.href;
    });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('This sign-in response is stale');
    expect(posts).toEqual([]);
    expect(await signedIn(page).count()).toBe(0);
  });

  it('case 9: after signing in the portal lands on its own root, whatever redirect the address asked for', async () => {
    const { page, stack } = session;
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).hostname.endsWith('evil.example')) elsewhere.push(request.url());
    });
    await page.goto(
      `${stack.portalUrl}/?returnTo=//evil.example/x&redirect_uri=https%3A%2F%2Fevil.example&next=javascript:alert(1)`,
    );
    await signInThroughPage(page, stack.portalUrl, 'therapist', 'therapist', { navigate: false });
    await signedIn(page).waitFor();
    // Its root and the section it shows (a fragment the portal writes itself), nothing of the address.
    expect(new URL(page.url()).href).toBe(`${stack.portalUrl}/#token`);
    expect(elsewhere).toEqual([]);
  });

  it('case 44: after signing in, no code, state or session_state is left in the address, history or a Referer', async () => {
    const { page, stack } = session;
    const referers: string[] = [];
    page.on('request', (request) => {
      const referer = request.headers().referer;
      if (referer) referers.push(referer);
    });
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await signedIn(page).waitFor();
    await openSection(page, 'Call the API');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('region', { name: 'Response', exact: true }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    const cdp = await page.context().newCDPSession(page);
    const { entries } = (await cdp.send('Page.getNavigationHistory')) as { entries: Array<{ url: string }> };
    const portalEntries = entries.map((entry) => entry.url).filter((url) => url.startsWith(stack.portalUrl));
    expect(portalEntries.length).toBeGreaterThan(0);
    for (const url of portalEntries) expect(url).not.toMatch(/[?&](code|state|session_state|iss)=/);
    // Referrer-Policy no-referrer on the portal and the realm: nothing says where a request came from.
    expect(
      referers.filter((referer) => /[?&](code|state|session_state|id_token_hint)=/.test(referer)),
    ).toEqual([]);

    // Signing out passes the ID token to the realm (id_token_hint): it travels on as no Referer.
    await signOutThroughPage(page);
    await signInButton(page).waitFor();
    expect(referers.filter((referer) => /id_token_hint|eyJ/.test(referer))).toEqual([]);
  });
});
