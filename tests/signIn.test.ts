import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { withLocal } from './support/configEdits.ts';
import { saveScreen } from './support/screenshot.ts';
import { openSection, shownSection } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { startStack } from './support/stack.ts';

const session = setupBrowserSession();
const signInButton = (page: Page) => page.getByRole('button', { name: 'Sign in', exact: true });
const didNotFinish = (page: Page) =>
  page.getByRole('alert').filter({ hasText: 'Your sign-in did not finish' });
/**
 * After a reload, the page as it settles: the Realm section shows its login-events help only when no
 * sign-in is being explained; then back on the sign-in, where an explanation would be.
 */
async function settledAfterReload(page: Page) {
  await page.reload();
  await openSection(page, 'Realm');
  await shownSection(page).getByText("Sign-in failed? Find the cause in the realm's Login events").waitFor();
  await openSection(page, 'Sign in');
}

/**
 * Time passes for this tab's pending sign-ins (oidc-client-ts stamps each with `created`, in
 * seconds): they are made older instead of waited for.
 */
const agePendingSignIns = (page: Page, seconds: number) =>
  page.evaluate((by) => {
    for (const key of Object.keys(sessionStorage)) {
      try {
        const state = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Record<string, unknown> | null;
        if (typeof state?.created !== 'number' || typeof state.request_type !== 'string') continue;
        sessionStorage.setItem(key, JSON.stringify({ ...state, created: state.created - by }));
      } catch {
        // Not a pending sign-in.
      }
    }
  }, seconds);

/** Starts a sign-in, reaches the realm's login form, and comes back to the portal with Back. */
async function backFromTheLoginPage(page: Page, portalUrl: string) {
  await page.goto(portalUrl);
  await signInButton(page).click();
  await page.getByLabel('Password', { exact: true }).waitFor();
  await page.goBack();
  await signInButton(page).waitFor();
}

describe('signing in to a realm that cannot work', () => {
  it('leads with the fix, not the button, when the realm check already failed', async () => {
    const { page } = session;
    const broken = await startStack({
      editConfig: withLocal((local) => ({
        ...local,
        authority: String(local.authority).replace(/abrumet$/, 'abrumett'),
      })),
    });
    onTestFinished(() => broken.close());
    await page.goto(broken.portalUrl);
    const panel = page.getByRole('alert').filter({ hasText: 'Signing in to Local cannot work yet' });
    await expect.poll(() => panel.count()).toBe(1);
    expect(await panel.textContent()).toMatch(/Fix first: Correct the authority in config\.json/);
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Try to sign in anyway' }).count()).toBe(1);
    await saveScreen(page, 'signin-realm-broken', panel);
  });

  it('explains a sign-in that never came back from the realm, with the time it started', async () => {
    const { page } = session;
    const unknownClient = await startStack({
      editConfig: withLocal((local) => ({ ...local, clientId: 'no-such-client' })),
    });
    onTestFinished(() => unknownClient.close());
    await page.goto(unknownClient.portalUrl);
    await signInButton(page).click();
    // The realm cannot send an error back to a client it does not know: it stops on its own page,
    // with Keycloak's words (the embedded IdP says the same).
    await page.waitForURL((url) => url.origin !== unknownClient.portalUrl);
    await page.getByText('Client not found.').waitFor();
    await page.goBack();
    await signInButton(page).waitFor();
    // Pending sign-ins younger than a few seconds may still come back; this one is made older.
    await agePendingSignIns(page, 60);
    await page.reload();
    const alert = didNotFinish(page);
    await expect.poll(() => alert.count()).toBe(1);
    const text = await alert.textContent();
    expect(text).toMatch(/A sign-in to Local started at .+ and did not come back to this portal/);
    expect(text).toContain(`${unknownClient.portalUrl}/callback/local is not in the Valid redirect URIs`);
    expect(text).toContain('the realm has no client no-such-client');
    await saveScreen(page, 'signin-did-not-come-back', alert);

    await alert.getByRole('button', { name: 'Dismiss' }).click();
    expect(await alert.count()).toBe(0);
    await settledAfterReload(page);
    expect(await alert.count()).toBe(0);
  });

  it('leads with "you came back before finishing" after Back from the login page, and says it once', async () => {
    const { page, stack } = session;
    await backFromTheLoginPage(page, stack.portalUrl);
    await agePendingSignIns(page, 60);
    await page.reload();
    const alert = didNotFinish(page);
    await expect.poll(() => alert.count()).toBe(1);
    const text = (await alert.textContent()) ?? '';
    // The likely cause first, and what to do about it; the realm's misconfiguration only after it.
    expect(text).toContain(
      'Most likely you came back here (with Back, or by opening the portal again) before finishing the sign-in at the realm.',
    );
    expect(text).toContain('Next step: Sign in again.');
    expect(text.indexOf('Sign in again.')).toBeLessThan(text.indexOf('Valid redirect URIs'));
    expect(await alert.getByRole('button', { name: 'Sign in again' }).count()).toBe(1);
    await saveScreen(page, 'signin-came-back', alert);
    // Misconfiguration second, folded under the question a user who saw the realm's error page asks.
    await alert.getByText('The realm showed an error page instead of its login form?').click();
    expect(await alert.getByText(/is not in the Valid redirect URIs/).isVisible()).toBe(true);

    // Said once: a reload later does not bring it back.
    await settledAfterReload(page);
    expect(await alert.count()).toBe(0);
  });

  it('forgets a sign-in abandoned more than five minutes ago', async () => {
    const { page, stack } = session;
    await backFromTheLoginPage(page, stack.portalUrl);
    await agePendingSignIns(page, 6 * 60);
    await settledAfterReload(page);
    expect(await didNotFinish(page).count()).toBe(0);
  });

  it("keeps the realm's own error when its answer comes back with a stale state", async () => {
    const { page, stack } = session;
    await page.goto(
      `${stack.portalUrl}/callback/local?error=access_denied&error_description=User+cancelled+login&state=from-another-tab`,
    );
    const alert = page.getByRole('alert').filter({ hasText: 'access_denied' });
    await expect.poll(() => alert.count()).toBe(1);
    const text = await alert.textContent();
    expect(text).toContain('The realm answered access_denied');
    expect(text).toContain('User cancelled login');
    expect(text).toContain('This tab has no record of starting that sign-in');
    expect(text).not.toContain('This sign-in response is stale');
    await saveScreen(page, 'signin-stale-state-realm-error', alert);
  });

  it('states no failure time in the login events help when nothing failed', async () => {
    const { page, stack } = session;
    await page.goto(stack.portalUrl);
    // The help for a sign-in that failed elsewhere lives with the realm's facts, in Realm.
    await openSection(page, 'Realm');
    await page.getByText("Sign-in failed? Find the cause in the realm's Login events").click();
    const steps = page.getByRole('list', { name: 'Steps for the realm admin' }).getByRole('listitem');
    await expect
      .poll(() => steps.first().textContent())
      .toContain('with the client "abrumet-portal" failed.');
    expect(await steps.first().textContent()).not.toMatch(/failed at/);
    expect(await page.getByRole('list', { name: 'Steps for the realm admin' }).textContent()).toContain(
      'Date from the day it happened',
    );
    await saveScreen(
      page,
      'login-help-no-failure',
      page
        .locator('details')
        .filter({ hasText: "Sign-in failed? Find the cause in the realm's Login events" }),
    );
  });
});
