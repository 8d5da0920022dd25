import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addIdentity } from './support/addIdentity.ts';
import { seriousViolations } from './support/axe.ts';
import { saveScreen, saveScreenshotAround } from './support/screenshot.ts';
import { openSection } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';

const session = setupBrowserSession();
const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';

describe('other identities', () => {
  it('adds a patient beside the signed-in therapist, with its own verdict and countdown, in memory only, and says when an earlier user can no longer refresh', async () => {
    const { page, stack } = session;
    // The offline refresh tokens the realm hands out in this page, as the token endpoint answers.
    const offline: Array<{ refreshToken: string; clientId: string }> = [];
    page.on('response', (response) => {
      if (!response.url().endsWith('/protocol/openid-connect/token')) return;
      void response.json().then((body: Record<string, string>) => {
        if (!body.scope?.split(' ').includes('offline_access') || !body.refresh_token) return;
        const claims = JSON.parse(
          Buffer.from(body.access_token?.split('.')[1] ?? '', 'base64url').toString(),
        );
        offline.push({ refreshToken: body.refresh_token, clientId: claims.azp });
      });
    });
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    await addIdentity(page, 'patient');
    const patient = page.getByRole('listitem', { name: 'Identity patient', exact: true });
    // The same verdict as the main token: a patient lacks the API's role (Who am I needs none).
    expect(await textOf(patient)).toContain(
      'This token can call what needs a valid token, not what needs the realm role therapist',
    );
    expect(await textOf(patient)).toMatch(/roles: .*patient/);
    expect(await textOf(patient)).toContain('own realm session (offline)');
    expect(await textOf(patient.getByTestId('identity-countdown'))).toMatch(/\d+:\d\d left/);
    // The main session is still the therapist's: the popup's forced login did not replace it.
    await openSection(page, 'Token');
    expect(await textOf(page.getByTestId('verdict'))).toContain('can call the API');
    await openSection(page, 'Identities');

    // Memory only: the only tokens in storage are the main session's.
    const stored = await page.evaluate(() =>
      [...Object.keys(sessionStorage), ...Object.keys(localStorage)].filter((key) => key.includes('user:')),
    );
    expect(stored).toHaveLength(1);

    const before = await textOf(patient.getByTestId('identity-countdown'));
    await patient.getByRole('button', { name: 'Refresh patient', exact: true }).click();
    await expect.poll(() => textOf(patient.getByTestId('identity-countdown'))).toMatch(/left/);
    const panel = page.getByRole('region', { name: 'Other identities' });
    expect(await panel.getByRole('alert').allTextContents()).toEqual([]);

    // A therapist without its own session: it shares the browser's realm session.
    await panel.getByLabel('Keep its own realm session (offline access)').uncheck();
    await addIdentity(page, 'therapist');
    const therapist = page.getByRole('listitem', { name: 'Identity therapist', exact: true });
    expect(await textOf(therapist)).toContain('This token can call the API right now');
    expect(await textOf(therapist)).toContain('the browser’s realm session');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreen(page, 'identities', panel);
    await saveScreenshotAround(page, 'identities', panel);

    // Another user signing in ends the browser's realm session of the one before, on Keycloak
    // ("Restart login") as on the embedded IdP (tests/idpFidelity.test.ts); the patient's offline
    // session is not that one: it keeps refreshing.
    await patient.getByRole('button', { name: 'Refresh patient', exact: true }).click();
    await expect.poll(() => textOf(patient.getByTestId('identity-countdown'))).toMatch(/left/);
    expect(await panel.getByRole('alert').allTextContents()).toEqual([]);

    // The therapist's browser session ends when the next user signs in: its token still works
    // until it expires, but no longer refreshes, and the portal says why.
    await panel.getByLabel('Keep its own realm session (offline access)').check();
    await addIdentity(page, 'patient', { label: 'patient (2)' });
    await therapist.getByRole('button', { name: 'Refresh therapist' }).click();
    const problem = panel.getByRole('alert');
    await expect.poll(() => textOf(problem)).toContain('This identity could not be refreshed');
    expect(await textOf(problem)).toContain('Session not active');
    expect(await textOf(problem)).toContain('another user signed in after it');
    await panel.getByRole('button', { name: 'Dismiss' }).click();

    // Remove ends the identity's session at the realm (RFC 7009).
    const revoked = page.waitForRequest((request) =>
      request.url().endsWith('/protocol/openid-connect/revoke'),
    );
    await patient.getByRole('button', { name: 'Remove patient', exact: true }).click();
    expect((await (await revoked).response())?.status()).toBe(200);
    expect(await page.getByRole('listitem', { name: 'Identity patient', exact: true }).count()).toBe(0);
    expect(await panel.getByRole('alert').allTextContents()).toEqual([]);
    expect(before).toMatch(/left/);

    // The main session was the first to go, when the patient signed in.
    await openSection(page, 'Token');
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    const ended = page.getByRole('alert').filter({ hasText: 'Your session ended' });
    await expect.poll(() => textOf(ended)).toContain('(Session not active)');

    // Leaving the page revokes the offline session still held (patient (2)'s, from its code
    // exchange; never refreshed): the realm refuses its refresh token afterwards.
    const held = offline.at(-1);
    expect(held).toBeDefined();
    await page.goto('about:blank');
    // The beacon leaves with the page; one try only, since a refresh that works rotates the token.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const answer = await fetch(`${stack.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: held?.refreshToken ?? '',
        client_id: held?.clientId ?? '',
      }),
    });
    expect(await answer.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('says what to do when the sign-in window is closed before it finishes', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    await openSection(page, 'Identities');
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Add identity' }).click(),
    ]);
    await popup.close();
    const alert = page.getByRole('alert');
    await expect.poll(() => textOf(alert), { timeout: 20_000 }).toContain('The sign-in window was closed');
  });
});
