import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/screenshot.ts';
import { openSection, sectionLabels } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';

/** The portal on a 390 × 844 phone: nothing wider than the screen, the essentials first. */
const PHONE = { width: 390, height: 844 };
const session = setupBrowserSession({ viewport: PHONE });

/** Elements that stick out on the right, and how wide the page can be scrolled. */
async function overflow(page: Page) {
  return page.evaluate((width) => {
    // Inside a box that scrolls (a code snippet), long lines may scroll: the page must not.
    const clipped = (element: Element) => {
      for (let box = element.parentElement; box; box = box.parentElement) {
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(box).overflowX)) return true;
      }
      return false;
    };
    const wide = Array.from(document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !clipped(element))
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 80));
    return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 5) };
  }, PHONE.width);
}

/** One section on screen at a time: each is opened, and none may be wider than the screen. */
async function overflowOfEverySection(page: Page) {
  const found: Record<string, Awaited<ReturnType<typeof overflow>>> = {};
  for (const label of await sectionLabels(page)) {
    await openSection(page, label);
    found[label] = await overflow(page);
  }
  return found;
}
const NONE = { scrollWidth: PHONE.width, wide: [] };

describe('on a 390 px phone', () => {
  it('signed out: no horizontal scrolling', async () => {
    const { page, stack } = session;
    await page.goto(stack.portalUrl);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await overflow(page)).toEqual(NONE);
    expect(await overflowOfEverySection(page)).toEqual({
      'Sign in': NONE,
      Inspect: NONE,
      Realm: NONE,
      Integrate: NONE,
    });
  });

  it('signed in: the verdict, countdown, Refresh and Copy above the fold, nothing wider than the screen', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    for (const essential of [
      page.getByTestId('verdict'),
      page.getByTestId('countdown'),
      page.getByRole('button', { name: 'Refresh', exact: true }),
      page.getByRole('button', { name: 'Copy token' }),
    ]) {
      const box = await essential.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(PHONE.height);
      expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    await saveScreenshot(page, 'phone-signed-in', { fullPage: false });
    await openSection(page, 'Call the API');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('region', { name: 'Response', exact: true }).getByText('200 OK').first().waitFor();
    await openSection(page, 'Realm');
    await page.getByRole('button', { name: 'Call UserInfo' }).click();
    await page.getByRole('table', { name: 'UserInfo claims' }).waitFor();
    await openSection(page, 'Integrate');
    await page.getByRole('radio', { name: 'Command-line tool or device without a browser' }).check();
    expect(await overflowOfEverySection(page)).toEqual({
      Token: NONE,
      'Call the API': NONE,
      Matrix: NONE,
      Identities: NONE,
      Inspect: NONE,
      Realm: NONE,
      Integrate: NONE,
    });
  });
});
