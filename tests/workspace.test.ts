import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreen } from './support/screenshot.ts';
import { openSection, sectionLabels, sectionNav, shownSection } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';

/**
 * The workspace as a user finds it: one section on screen at a time, each with its own address
 * (#call, #matrix…) that the nav opens, Back returns to, a reload keeps and a shared link lands on,
 * signed out too; every section reachable on a phone.
 */
const session = setupBrowserSession();

/** Each section of a signed-in page: its nav link, its address and the region it shows. */
const SECTIONS = [
  { label: 'Token', hash: '#token', region: 'Your token' },
  { label: 'Call the API', hash: '#call', region: 'Call the API' },
  { label: 'Matrix', hash: '#matrix', region: 'Authorization matrix across identities' },
  { label: 'Identities', hash: '#identities', region: 'Other identities' },
  { label: 'Inspect', hash: '#inspect', region: 'Inspect any token' },
  { label: 'Realm', hash: '#realm', region: 'Realm configuration' },
  {
    label: 'Integrate',
    hash: '#integrate',
    region: 'Integrate a client: the advised flow, settings and code for each kind of client',
  },
] as const;
type SectionLabel = (typeof SECTIONS)[number]['label'];

const regionOf = (page: Page, label: SectionLabel): Locator =>
  page.getByRole('region', {
    name: SECTIONS.find((section) => section.label === label)?.region ?? label,
    exact: true,
  });
const hashOf = (page: Page) => new URL(page.url()).hash;
const urlField = (page: Page) => page.getByRole('textbox', { name: /^URL/ });

/** The labels of the sections whose region a user can see now. */
const visibleSections = async (page: Page): Promise<string[]> => {
  const shown: string[] = [];
  for (const { label } of SECTIONS) if (await regionOf(page, label).isVisible()) shown.push(label);
  return shown;
};

/** The nav link that says which section is on screen. */
const currentLink = (page: Page) => sectionNav(page).locator('a[aria-current="page"]').textContent();

async function signedIn(page: Page, portalUrl: string) {
  await signInThroughPage(page, portalUrl, 'therapist');
  await page.getByTestId('verdict').waitFor();
}

describe('the workspace', () => {
  it('each link of the nav opens its section, alone on screen, and the address names it', async () => {
    const { page, stack } = session;
    await signedIn(page, stack.portalUrl);
    expect(await sectionLabels(page)).toEqual(SECTIONS.map((section) => section.label));
    for (const { label, hash } of SECTIONS) {
      await openSection(page, label);
      expect(hashOf(page)).toBe(hash);
      await regionOf(page, label).waitFor();
      expect(await visibleSections(page)).toEqual([label]);
      expect(await currentLink(page)).toBe(label);
    }
  });

  it('Back returns to the previous section, Forward again, and a section keeps what was left in it', async () => {
    const { page, stack } = session;
    await signedIn(page, stack.portalUrl);
    await openSection(page, 'Call the API');
    await urlField(page).fill('/api/v1/patients');
    await openSection(page, 'Realm');
    expect(await visibleSections(page)).toEqual(['Realm']);

    await page.goBack();
    await regionOf(page, 'Call the API').waitFor();
    expect(hashOf(page)).toBe('#call');
    expect(await visibleSections(page)).toEqual(['Call the API']);
    // The section was hidden, not thrown away: the request being written is still there.
    expect(await urlField(page).inputValue()).toBe('/api/v1/patients');

    await page.goBack();
    await regionOf(page, 'Token').waitFor();
    expect(hashOf(page)).toBe('#token');
    expect(await visibleSections(page)).toEqual(['Token']);

    await page.goForward();
    await regionOf(page, 'Call the API').waitFor();
    expect(hashOf(page)).toBe('#call');
    expect(await currentLink(page)).toBe('Call the API');
  });

  it('a reload stays on the section the address names', async () => {
    const { page, stack } = session;
    await signedIn(page, stack.portalUrl);
    await openSection(page, 'Inspect');
    await page.reload();
    await regionOf(page, 'Inspect').waitFor();
    expect(hashOf(page)).toBe('#inspect');
    expect(await visibleSections(page)).toEqual(['Inspect']);
    expect(await currentLink(page)).toBe('Inspect');
  });

  it('a link inside a section that opens another one takes the keyboard there, not to a hidden link', async () => {
    const { page, stack } = session;
    await signedIn(page, stack.portalUrl);
    await openSection(page, 'Realm');
    const link = regionOf(page, 'Realm').getByRole('link', { name: 'Integrate a client' }).first();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === '#integrate');
    const integrate = regionOf(page, 'Integrate');
    await expect
      .poll(() => integrate.evaluate((region) => region.contains(document.activeElement)))
      .toBe(true);
    // The next Tab goes on inside Integrate, not from a link Realm took away with it.
    await page.keyboard.press('Tab');
    expect(await integrate.evaluate((region) => region.contains(document.activeElement))).toBe(true);
  });

  it('an address naming a section that needs a session shows the sign-in, then that section once signed in', async () => {
    const { page, stack } = session;
    await page.goto(`${stack.portalUrl}/#matrix`);
    const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
    await signIn.waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'needs you signed in' }).textContent()).toBe(
      '“Matrix” needs you signed in: it opens once you are.',
    );
    expect(await sectionLabels(page)).toEqual(['Sign in', 'Inspect', 'Realm', 'Integrate']);
    expect(await regionOf(page, 'Matrix').count()).toBe(0);
    await saveScreen(page, 'workspace-matrix-signed-out');

    await signInThroughPage(page, stack.portalUrl, 'therapist', 'therapist', { navigate: false });
    await regionOf(page, 'Matrix').waitFor();
    expect(hashOf(page)).toBe('#matrix');
    expect(await visibleSections(page)).toEqual(['Matrix']);
    expect(await currentLink(page)).toBe('Matrix');
    await saveScreen(page, 'workspace-matrix-signed-in');
  });

  it('the token section is the whole page at 1280 × 900: no other section is rendered below it', async () => {
    const { page, stack } = session;
    await signedIn(page, stack.portalUrl);
    // The signature's answer is the last thing to arrive; the other sections have loaded by then.
    await page.getByTestId('signature').waitFor();
    expect(await visibleSections(page)).toEqual(['Token']);
    expect(await page.locator('.app-section').count()).toBe(1);
    expect(await shownSection(page).getAttribute('data-section')).toBe('token');
    await saveScreen(page, 'workspace-token-1280');

    // Sections opened once stay in the page, hidden: they take no room under the one on screen.
    await openSection(page, 'Integrate');
    await openSection(page, 'Realm');
    await openSection(page, 'Token');
    const hidden = page.locator('.app-section[hidden]');
    expect(await hidden.count()).toBe(2);
    for (const box of await hidden.evaluateAll((sections) =>
      sections.map((section) => section.getBoundingClientRect().height),
    ))
      expect(box).toBe(0);
    expect(await visibleSections(page)).toEqual(['Token']);
  });

  it('on a 390 px phone every section’s link is on screen, signed out and in, without scrolling sideways', async () => {
    const { page, stack } = session;
    const phone = { width: 390, height: 844 };
    await page.setViewportSize(phone);
    /** Each link's box, inside the viewport (none cut off on the right, none below the fold). */
    const outside = async () => {
      const links = sectionNav(page).getByRole('link');
      const off: string[] = [];
      for (const link of await links.all()) {
        const box = await link.boundingBox();
        const inside =
          box !== null &&
          (await link.isVisible()) &&
          box.x >= 0 &&
          box.y >= 0 &&
          box.x + box.width <= phone.width &&
          box.y + box.height <= phone.height;
        if (!inside) off.push(`${await link.textContent()} ${JSON.stringify(box)}`);
      }
      return off;
    };

    await page.goto(stack.portalUrl);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await sectionLabels(page)).toHaveLength(4);
    expect(await outside()).toEqual([]);

    await signInThroughPage(page, stack.portalUrl, 'therapist', 'therapist', { navigate: false });
    await page.getByTestId('verdict').waitFor();
    expect(await sectionLabels(page)).toHaveLength(SECTIONS.length);
    expect(await outside()).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(phone.width);
    // The first screen as the phone shows it (saveScreen takes the whole page at 1280 px).
    if (process.env.SCREENS) await page.screenshot({ path: '.tmp/screens/workspace-phone-nav.png' });
  });
});
