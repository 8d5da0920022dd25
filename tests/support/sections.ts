import type { Page } from 'playwright-core';

/** Opens a section of the workspace the way a user does: its link in the section nav. */
export async function openSection(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label, exact: true }).click();
  await page.waitForURL((url) => url.hash.length > 1);
}
