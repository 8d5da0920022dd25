import type { Page } from 'playwright-core';

/** Signs in the way a user does: the portal's button, then the realm's login form. */
export async function signInThroughPage(
  page: Page,
  portalUrl: string,
  username: string,
  password = username,
  { navigate = true } = {},
) {
  if (navigate) await page.goto(portalUrl);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // "Username" on the embedded IdP's page, "Username or email" on Keycloak's.
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign In' }).click();
}
