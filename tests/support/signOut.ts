import type { Page } from 'playwright-core';

/** The header's Sign out, then the confirmation's Sign out. */
export async function signOutThroughPage(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true }).first().click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out', exact: true }).click();
}
