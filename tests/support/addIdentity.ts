import type { Page } from 'playwright-core';
import { openSection } from './sections.ts';

/**
 * Signs in on the realm's page in a pop-up, as a person does, and waits for the pop-up to close.
 * Keycloak answers prompt=login in a browser with a realm session by asking that user to
 * re-authenticate: "Please re-authenticate to continue", the name fixed (read-only, no "Username"
 * field), with a ⟳ button beside it whose label is "Restart login". Another user takes it first, as
 * a person would; that logs the previous user out of the realm (tests/idpFidelity). The embedded
 * IdP always shows its plain form.
 */
export async function signInInPopup(popup: Page, username: string, password = username) {
  await popup.getByLabel('Password', { exact: true }).waitFor();
  const fixed = popup.locator('#kc-attempted-username');
  if ((await fixed.count()) > 0 && (await fixed.inputValue()) !== username) {
    await popup.getByRole('button', { name: 'Restart login' }).click();
    await fixed.waitFor({ state: 'detached' });
  }
  // "Username" on the embedded IdP's page, "Username or email" on Keycloak's.
  if ((await fixed.count()) === 0) await popup.getByLabel('Username').fill(username);
  await popup.getByLabel('Password', { exact: true }).fill(password);
  await popup.getByRole('button', { name: 'Sign In' }).click();
  await popup.waitForEvent('close', { timeout: 30_000 });
}

/**
 * Adds an identity the way a user does: the Identities section, "Add identity", then the realm's
 * login form in the popup. The page stays on Identities.
 */
export async function addIdentity(
  page: Page,
  username: string,
  { password = username, label = username } = {},
) {
  await openSection(page, 'Identities');
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Add identity' }).click(),
  ]);
  await signInInPopup(popup, username, password);
  await page.getByRole('listitem', { name: `Identity ${label}`, exact: true }).waitFor();
}
