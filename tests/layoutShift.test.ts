import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';

const session = setupBrowserSession();

/** Every layout shift of the current document (the Layout Instability API), with what moved. */
const recordShifts = (page: Page) =>
  page.addInitScript(`
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.__shifts.push(entry.value.toFixed(3) + ' ' + (entry.sources || [])
          .map((source) => source.node ? source.node.className || source.node.nodeName : '?').join(', '));
    }).observe({ type: 'layout-shift', buffered: true });
  `);
const shifts = (page: Page) => page.evaluate('window.__shifts') as Promise<string[]>;

const twoFrames = (page: Page) =>
  page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');

/**
 * Signed in, with the signature answered: the last thing that arrives after the token. (The other
 * sections load behind it, unseen: they show only when opened, so none can push the token down.)
 */
const settled = async (page: Page) => {
  await page.getByTestId('signature').waitFor();
  await twoFrames(page);
};

describe('the page holds still while it fills in', () => {
  it('after sign-in and after a reload: nothing the user aims at moves when an answer arrives', async () => {
    const { page, stack } = session;
    await recordShifts(page);
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await settled(page);
    // The signature's answer replaces its "checking" line in place, the header keeps a button's
    // height before the buttons come: a click aimed at the page lands where it was aimed.
    expect(await shifts(page)).toEqual([]);

    await page.reload();
    await settled(page);
    expect(await shifts(page)).toEqual([]);
  });

  it('signed out: the Sign in button is one element from the first paint on, so a focus on it stays', async () => {
    const { page, stack } = session;
    await page.goto(stack.portalUrl);
    const button = await page.getByRole('button', { name: 'Sign in', exact: true }).elementHandle();
    await button?.focus();
    // The rest of the signed-out page has come: the realm check (discovery) has its answer.
    await expect
      .poll(() =>
        page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .some((entry) => entry.name.endsWith('/.well-known/openid-configuration')),
        ),
      )
      .toBe(true);
    await twoFrames(page);
    expect(
      await button?.evaluate((element) => element.isConnected && element === document.activeElement),
    ).toBe(true);
  });
});
