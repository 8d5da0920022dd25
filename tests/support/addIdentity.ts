import type { Page } from 'playwright-core';

/** Adds an identity the way a user does: "Add identity", then the realm's login form in the popup. */
export async function addIdentity(page: Page, username: string, password = username) {
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Add identity' }).click(),
  ]);
  // "Username" on the embedded IdP's page, "Username or email" on Keycloak's.
  await popup.getByLabel('Username').fill(username);
  await popup.getByLabel('Password', { exact: true }).fill(password);
  await popup.getByRole('button', { name: 'Sign In' }).click();
  await popup.waitForEvent('close', { timeout: 30_000 });
  await page.getByRole('listitem', { name: `Identity ${username}` }).waitFor();
}
