import { describe, expect, it } from 'vitest';
import { mainPathProblems } from './support/cleanRun.ts';
import { openSection } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { signedIn } from './support/signInProbes.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';
import { signOutThroughPage } from './support/signOut.ts';
import { startStack } from './support/stack.ts';

const session = setupBrowserSession();

describe('the portal on the local stack', () => {
  it('signs a therapist in, shows who and the token, and cleans the callback URL', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await expect.poll(() => signedIn(page).textContent()).toContain('Signed in as therapist');
    const token = await page.getByTestId('raw-token').first().textContent();
    expect(token?.split('.')).toHaveLength(3);
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).pathname).toBe('/');
    // Only the section the page shows stays in the address.
    expect(new URL(page.url()).hash).toBe('#token');
  });

  it('case 45: keeps every token out of localStorage, and in sessionStorage only as the signed-in user', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await signedIn(page).waitFor();
    const token = (await page.getByTestId('raw-token').first().textContent()) ?? '';
    expect(token.length).toBeGreaterThan(100);
    // Every flow that handles a token: a refresh, a request, a copy.
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect.poll(() => page.getByTestId('raw-token').first().textContent()).not.toBe(token);
    await openSection(page, 'Call the API');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page
      .getByRole('region', { name: 'Response', exact: true })
      .getByTestId('response-status')
      .waitFor();
    const jwtLike = /eyJ[\w-]+\.[\w-]+/;
    const storage = (kind: 'localStorage' | 'sessionStorage') =>
      page.evaluate((kind) => Object.entries(window[kind]), kind);
    expect(
      (await storage('localStorage')).filter(([, value]) => jwtLike.test(value) || /_token/.test(value)),
    ).toEqual([]);
    const holding = (await storage('sessionStorage')).filter(([, value]) => jwtLike.test(value));
    expect(holding.map(([key]) => key)).toEqual([expect.stringMatching(/^oidc\.local\.user:/)]);
    // Forgetting the tokens (in the header, on every section) leaves none anywhere.
    await page.getByRole('button', { name: 'Forget tokens here' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect((await storage('sessionStorage')).filter(([, value]) => jwtLike.test(value))).toEqual([]);
  });

  it('calls GET /api/v1/me with the bearer and shows 200 and the body', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await openSection(page, 'Call the API');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const response = page.getByRole('region', { name: 'Response', exact: true });
    await expect.poll(() => response.getByTestId('response-status').textContent()).toBe('200 OK');
    await expect.poll(() => response.textContent()).toContain('"preferred_username": "therapist"');
  });

  it('runs without script errors or Content-Security-Policy violations', async () => {
    const { page, stack } = session;
    expect(await mainPathProblems(page, stack.portalUrl)).toEqual([]);
  });

  it("shows the realm's error for a wrong password", async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist', 'not-the-password');
    // The realm's own login page says it (the embedded IdP as an alert, Keycloak in its form).
    await page.getByText('Invalid username or password.').first().waitFor();
    expect(new URL(page.url()).origin).toBe(new URL(stack.issuer).origin);
  });

  it('signs out back to the signed-out page', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await signOutThroughPage(page);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await signedIn(page).count()).toBe(0);
  });

  it('lists every configuration problem instead of a blank page', async () => {
    const { page } = session;
    const broken = await startStack({
      editConfig: (config) => ({ ...config, defaultEnvironment: 'nowhere', environments: [{ id: 'local' }] }),
    });
    try {
      await page.goto(broken.portalUrl);
      const problems = page.getByRole('listitem');
      await expect.poll(() => problems.count()).toBeGreaterThanOrEqual(3);
      const text = await page.textContent('body');
      expect(text).toContain('environment "local".authority: is missing');
      expect(text).toContain('environment "local".clientId: is missing');
      expect(text).toContain('"nowhere" is not the id of an environment');
    } finally {
      await broken.close();
    }
  });
});
