import type { Locator, Page } from 'playwright-core';

/** The section nav, as a user finds it on every page of the workspace. */
export const sectionNav = (page: Page): Locator => page.getByRole('navigation', { name: 'Sections' });

/** The section on screen (the others opened before stay in the page, hidden). */
export const shownSection = (page: Page): Locator => page.locator('.app-section:not([hidden])');

/** The labels of the nav's links, in their order (signed out: Sign in, Inspect, Realm, Integrate). */
export const sectionLabels = (page: Page): Promise<string[]> =>
  sectionNav(page).getByRole('link').allTextContents();

/**
 * Opens a section of the workspace the way a user does: its link in the section nav. Waits until
 * the address names it (the link's own `#section`) and its heading is on screen, so what follows
 * reads the section it opened, not the one before or a "Loading…" line.
 */
export async function openSection(page: Page, label: string): Promise<void> {
  const link = sectionNav(page).getByRole('link', { name: label, exact: true });
  const href = (await link.getAttribute('href')) ?? '';
  await link.click();
  await page.waitForURL((url) => url.hash === href);
  await shownSection(page).getByRole('heading').first().waitFor();
}
