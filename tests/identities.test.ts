import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addIdentity } from './support/addIdentity.ts';
import { seriousViolations } from './support/axe.ts';
import { saveScreen, saveScreenshotAround } from './support/screenshot.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';

const session = setupBrowserSession();
const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';

describe('other identities', () => {
  it('adds a patient beside the signed-in therapist, with its own verdict and countdown, in memory only, and says when an earlier user can no longer refresh', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    await addIdentity(page, 'patient');
    const patient = page.getByRole('listitem', { name: 'Identity patient' });
    // The same verdict as the main token: a patient lacks the API's role.
    expect(await textOf(patient)).toContain('This token cannot call the API right now');
    expect(await textOf(patient)).toMatch(/roles: .*patient/);
    expect(await textOf(patient.getByTestId('identity-countdown'))).toMatch(/\d+:\d\d left/);
    // The main session is still the therapist's: the popup's forced login did not replace it.
    expect(await textOf(page.getByTestId('verdict'))).toContain('can call the API');

    // Memory only: the only tokens in storage are the main session's.
    const stored = await page.evaluate(() =>
      [...Object.keys(sessionStorage), ...Object.keys(localStorage)].filter((key) => key.includes('user:')),
    );
    expect(stored).toHaveLength(1);

    const before = await textOf(patient.getByTestId('identity-countdown'));
    await patient.getByRole('button', { name: 'Refresh patient' }).click();
    await expect.poll(() => textOf(patient.getByTestId('identity-countdown'))).toMatch(/left/);
    expect(
      await page.getByRole('region', { name: 'Other identities' }).getByRole('alert').allTextContents(),
    ).toEqual([]);
    await addIdentity(page, 'therapist');
    const therapist = page.getByRole('listitem', { name: 'Identity therapist' });
    expect(await textOf(therapist)).toContain('This token can call the API right now');
    expect(await seriousViolations(page)).toEqual([]);
    const panel = page.getByRole('region', { name: 'Other identities' });
    await saveScreen(page, 'identities', panel);
    await saveScreenshotAround(page, 'identities', panel);

    // Another user signing in ends the realm session of the one before, on Keycloak ("Restart
    // login") as on the embedded IdP (tests/idpFidelity.test.ts): the patient's token still works
    // until it expires, but no longer refreshes, and the portal says why.
    await patient.getByRole('button', { name: 'Refresh patient' }).click();
    const problem = panel.getByRole('alert');
    await expect.poll(() => textOf(problem)).toContain('This identity could not be refreshed');
    expect(await textOf(problem)).toContain('Session not active');
    expect(await textOf(problem)).toContain('another user signed in after it');
    // The last one signed in keeps refreshing.
    await therapist.getByRole('button', { name: 'Refresh therapist' }).click();
    await expect.poll(() => panel.getByRole('alert').count()).toBe(0);
    await expect.poll(() => textOf(therapist.getByTestId('identity-countdown'))).toMatch(/left/);

    await patient.getByRole('button', { name: 'Remove patient' }).click();
    expect(await page.getByRole('listitem', { name: 'Identity patient' }).count()).toBe(0);
    expect(before).toMatch(/left/);

    // The main session was the first to go, when the patient signed in.
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    const ended = page.getByRole('alert').filter({ hasText: 'Your session ended' });
    await expect.poll(() => textOf(ended)).toContain('(Session not active)');
  });

  it('says what to do when the sign-in window is closed before it finishes', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Add identity' }).click(),
    ]);
    await popup.close();
    const alert = page.getByRole('alert');
    await expect.poll(() => textOf(alert), { timeout: 20_000 }).toContain('The sign-in window was closed');
  });
});
