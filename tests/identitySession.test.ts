import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addIdentity, signInInPopup } from './support/addIdentity.ts';
import { saveScreen } from './support/screenshot.ts';
import { openSection } from './support/sections.ts';
import { sendExpecting } from './support/sendRequest.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';

/*
 * The tab's own realm session beside its identities: the realm keeps one session per browser, so a
 * sign-in of another user in an identity's pop-up ends the tab's. Said before, named after, and
 * mended in a pop-up that keeps the page (its identities, its expired tokens).
 */

const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';
/** Polls patiently: the machine may be busy with other tests (no timing is asserted). */
const eventually = <T>(read: () => Promise<T> | T, timeout = 20_000) => expect.poll(read, { timeout });
const panelOf = (page: Page) => page.getByRole('region', { name: 'Other identities' });
const ended = (page: Page) => page.getByTestId('session-ended');
/** Every "Next step:" line of what the page says about this tab's token and session. */
const nextSteps = async (page: Page) => {
  const lines = await page
    .locator('[data-testid="session-ended"], [data-testid="verdict"]')
    .locator('p', { hasText: 'Next step:' })
    .allTextContents();
  return [...new Set(lines)];
};

const TTL = 10;

describe('the tab’s session beside its identities', () => {
  const session = setupBrowserSession({ accessTokenTtl: TTL });

  it('says next to Add identity, before any pop-up, that another user’s sign-in ends this tab’s realm session, in Keycloak’s words', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await openSection(page, 'Identities');
    const add = panelOf(page).getByRole('button', { name: 'Add identity' });
    await add.waitFor();
    // Inline, and what the button is described by: read before the pop-up opens, not after.
    const describedBy = (await add.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).not.toBe('');
    const warning = page.locator(`[id="${describedBy}"]`);
    expect(await textOf(warning)).toMatch(/another user ends this tab.s realm session/);
    expect(await textOf(warning)).toMatch(/Refresh stops working here/);
    // Keycloak 26 shows "Restart login" only as a ⟳ button (its tooltip and label say the words).
    expect(await textOf(warning)).toContain('Please re-authenticate to continue');
    expect(await warning.getByRole('img', { name: /⟳.*Restart login/ }).count()).toBe(1);
    expect(page.context().pages()).toHaveLength(1);
    await saveScreen(page, 'identities-warning', panelOf(page));
  });

  it('names the identity’s sign-in as the cause, with one next step, and signs in again in a pop-up that keeps the identities and the expired tokens', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    await addIdentity(page, 'patient');
    await openSection(page, 'Token');
    // An expired token of this tab, for the 401 QA wants to reproduce.
    await eventually(() => textOf(page.getByTestId('countdown')), (TTL + 20) * 1000).toMatch(/^expired/);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();

    await ended(page).waitFor();
    const said = await textOf(ended(page));
    expect(said).toMatch(/Your session ended: patient.s sign-in replaced it at the realm/);
    expect(said).toContain('(Session not active)');
    expect(said).not.toContain('an admin');
    const timeline = await textOf(page.getByRole('list', { name: 'Session events' }));
    expect(timeline).toMatch(/patient signed in through the realm as an identity: that ended this tab.s/);
    expect(timeline).not.toContain('an admin');
    // One way back, said the same wherever the page says what to do next.
    expect(await nextSteps(page)).toEqual([
      'Next step: Sign in again in a pop-up: this page keeps your identities and its earlier tokens.',
    ]);
    await saveScreen(page, 'identities-session-ended', ended(page));

    const url = page.url();
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      ended(page).getByRole('button', { name: 'Sign in again' }).click(),
    ]);
    // The realm's page for it asks for the tab's user (login_hint), on Keycloak as on the embedded
    // IdP, though the browser's realm session is the patient's.
    await popup.getByLabel('Password', { exact: true }).waitFor();
    await saveScreen(popup, `sign-in-again-popup-${stack.idp}`);
    expect(await popup.locator('#kc-attempted-username').count()).toBe(0);
    expect(await popup.getByLabel('Username').inputValue()).toBe('therapist');
    await signInInPopup(popup, 'therapist');
    await eventually(() => ended(page).count()).toBe(0);
    expect(page.url()).toBe(url);
    expect(await textOf(page.getByTestId('verdict'))).toContain('can call the API');
    expect(await textOf(page.getByRole('list', { name: 'Session events' }))).toMatch(
      /Signed in as therapist.*patient signed in through the realm/s,
    );
    // The page stayed: the tab's expired token, which still gets its 401, and its identity.
    await openSection(page, 'Call the API');
    await page.getByRole('radio', { name: 'Expired token' }).check();
    await sendExpecting(page, '401 Unauthorized');
    await openSection(page, 'Identities');
    const patient = page.getByRole('listitem', { name: 'Identity patient', exact: true });
    expect(await patient.count()).toBe(1);
    // The patient's own (offline) realm session outlived the tab's sign-in.
    const renewed = page.waitForResponse((r) => r.url().endsWith('/protocol/openid-connect/token'));
    await patient.getByRole('button', { name: 'Refresh patient', exact: true }).click();
    expect((await renewed).status()).toBe(200);
  });

  it('keeps the page as it was when another user signs in in the sign-in-again pop-up, and says so', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    await openSection(page, 'Identities');
    await page.getByLabel('Keep its own realm session (offline access)').uncheck();
    await addIdentity(page, 'patient');
    await openSection(page, 'Token');
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await ended(page).waitFor();

    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      ended(page).getByRole('button', { name: 'Sign in again' }).click(),
    ]);
    await signInInPopup(popup, 'patient');
    const refused = ended(page).getByRole('alert');
    await eventually(() => textOf(refused)).toMatch(
      /You signed in as patient in the pop-up; this tab is therapist.s/,
    );
    expect(await textOf(refused)).toContain('Next step: Sign in again as therapist');
    // Still the therapist's token: the patient's would lack the role.
    expect(await textOf(page.getByTestId('verdict'))).toContain('It has the realm role therapist');
    expect(await textOf(page.getByRole('banner'))).toContain('therapist');
  });

  it('on Keycloak, ⟳ Restart login in an identity’s pop-up ends this tab’s session even when the pop-up is then closed; the embedded IdP has no such step', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    await openSection(page, 'Identities');
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Add identity' }).click(),
    ]);
    await popup.getByLabel('Password', { exact: true }).waitFor();
    const restart = popup.getByRole('button', { name: 'Restart login' });
    expect(await restart.count()).toBe(stack.idp === 'keycloak' ? 1 : 0);
    if (stack.idp === 'keycloak') {
      await restart.click();
      await popup.locator('#kc-attempted-username').waitFor({ state: 'detached' });
    }
    await popup.close();
    await panelOf(page).getByRole('alert').filter({ hasText: 'closed' }).waitFor();

    await openSection(page, 'Token');
    const before = await textOf(page.getByTestId('countdown'));
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    if (stack.idp === 'keycloak') {
      await ended(page).waitFor();
      const said = await textOf(ended(page));
      expect(said).toContain('Your session ended: an identity sign-in replaced it at the realm');
      expect(said).toContain('closed before it finished');
      expect(said).not.toContain('an admin');
    } else {
      // oidc-provider replaces the session only when another user finishes signing in.
      await eventually(() => page.getByRole('list', { name: 'Session events' }).textContent()).toContain(
        'Refreshed',
      );
      expect(await ended(page).count()).toBe(0);
      expect(before).toBeTruthy();
    }
  });
});
