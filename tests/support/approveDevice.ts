import type { Page } from 'playwright-core';

/**
 * What a user does with the verification URL a device shows: the code (if asked), the sign-in, the
 * consent. Keycloak asks for the sign-in first and confirms after; the embedded IdP asks to confirm
 * the code first: each step is taken as the page offers it.
 */
export async function approveDevice(page: Page, url: string, username: string) {
  await page.goto(url);
  for (let step = 0; step < 6; step += 1) {
    if ((await page.getByText('Device Login Successful').count()) > 0) return;
    if ((await page.getByLabel('Password', { exact: true }).count()) > 0) {
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password', { exact: true }).fill(username);
      await page.getByRole('button', { name: 'Sign In' }).click();
    } else if ((await page.getByRole('button', { name: 'Yes' }).count()) > 0) {
      await page.getByRole('button', { name: 'Yes' }).click();
    } else {
      await page.getByRole('button', { name: 'Submit' }).click();
    }
    await page.waitForLoadState();
  }
  throw new Error(`The device approval did not finish: ${await page.locator('body').textContent()}`);
}
