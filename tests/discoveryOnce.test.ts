import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSection, shownSection } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';

const session = setupBrowserSession();

const DISCOVERY = '/.well-known/openid-configuration';

/** The discovery requests the current document made (Resource Timing is per document). */
const discoveryRequests = (page: Page) =>
  page.evaluate(
    `performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('${DISCOVERY}')).length`,
  ) as Promise<number>;

/** The sections that read discovery, each opened once: Realm shows the endpoints, Integrate its guide. */
const realmAndIntegrateOpened = async (page: Page) => {
  await openSection(page, 'Realm');
  await shownSection(page).getByText('Authorization', { exact: true }).first().waitFor();
  await openSection(page, 'Integrate');
};

/** Every section that reads discovery has rendered and the signature has its answer. */
const signedInSettled = async (page: Page) => {
  await openSection(page, 'Token');
  await page.getByTestId('signature').waitFor();
  await realmAndIntegrateOpened(page);
};

describe("the realm's discovery document, asked for once", () => {
  it('once on the signed-out page (check, panels and Sign in), not at all on the callback, once after a reload', async () => {
    const { page, stack } = session;
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith(DISCOVERY)) asked.push(request.url());
    });

    await page.goto(stack.portalUrl);
    await realmAndIntegrateOpened(page);
    expect(await discoveryRequests(page)).toBe(1);

    await openSection(page, 'Sign in');
    // Sign in reuses the document the page already has, and carries it to the callback page.
    await signInThroughPage(page, stack.portalUrl, 'therapist', 'therapist', { navigate: false });
    await page.getByTestId('verdict').waitFor();
    await signedInSettled(page);
    expect(asked).toHaveLength(1);
    expect(await discoveryRequests(page)).toBe(0);
    // Verified with the keys named by the carried document.
    expect(await page.getByTestId('signature').textContent()).toContain('Signature valid');
    // Used once, then gone: nothing of it stays in the tab.
    expect(
      await page.evaluate("Object.keys(sessionStorage).filter((key) => key.includes('discovery'))"),
    ).toEqual([]);

    // The reload stays on the section it was on (Integrate): the token is one link away.
    await page.reload();
    await signedInSettled(page);
    expect(await discoveryRequests(page)).toBe(1);
  });
});
