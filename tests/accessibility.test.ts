import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { openSection, sectionLabels, sectionNav } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';

/**
 * Accessibility of every main state (axe-core: no serious or critical violation), and the main
 * jobs with the keyboard alone, with a visible focus.
 */
const session = setupBrowserSession();

async function expectNoSeriousViolations(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

/** One section on screen at a time: axe sees what is shown, so each section is opened and checked. */
async function expectNoneInAnySection(page: Page) {
  for (const label of await sectionLabels(page)) {
    await openSection(page, label);
    expect({ label, violations: await seriousViolations(page) }).toEqual({ label, violations: [] });
  }
}

const signedIn = async (page: Page, portalUrl: string) => {
  await signInThroughPage(page, portalUrl, 'therapist');
  await page.getByTestId('verdict').waitFor();
};

describe('every main state has no serious accessibility violation', () => {
  it('signed out', async () => {
    const { page, stack } = session;
    await page.goto(stack.portalUrl);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await expectNoSeriousViolations(page);
    expect(await sectionLabels(page)).toEqual(['Sign in', 'Inspect', 'Realm', 'Integrate']);
    await expectNoneInAnySection(page);
  });

  it('signed in, every section, with a request result, the matrix and the realm panel', async () => {
    const { page, stack } = session;
    await signedIn(page, stack.portalUrl);
    await expectNoSeriousViolations(page);
    await expectNoneInAnySection(page);
    await openSection(page, 'Call the API');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('region', { name: 'Response', exact: true }).getByText('200 OK').first().waitFor();
    await expectNoSeriousViolations(page);
    // The matrix runs the draft in a section of its own.
    await page.getByRole('button', { name: 'Run the unauthorized matrix' }).click();
    await page.getByRole('table', { name: 'Authorization matrix' }).waitFor();
    await expectNoSeriousViolations(page);
    await openSection(page, 'Realm');
    await page.getByRole('button', { name: 'Call UserInfo' }).click();
    await page.getByRole('table', { name: 'UserInfo claims' }).waitFor();
    await page.getByText('Register a client with the realm admin').click();
    await expectNoSeriousViolations(page);
  });

  it('the client integration guide, for each kind of client', async () => {
    const { page, stack } = session;
    await page.goto(stack.portalUrl);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await openSection(page, 'Integrate');
    const kinds = page.getByRole('group', { name: 'Kind of client' }).getByRole('radio');
    expect(await kinds.count()).toBe(5);
    for (let kind = 0; kind < 5; kind += 1) {
      await kinds.nth(kind).check();
      await expectNoSeriousViolations(page);
    }
  });

  it('an error: the realm refused the sign-in', async () => {
    const { page, stack } = session;
    await page.goto(stack.portalUrl);
    const authorize = page.waitForRequest((request) =>
      request.url().includes('/protocol/openid-connect/auth'),
    );
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const state = new URL((await authorize).url()).searchParams.get('state');
    await page.getByLabel('Username').waitFor();
    await page.goto(
      `${stack.portalUrl}/callback/local?error=access_denied&error_description=User+denied&state=${state}`,
    );
    await page.getByRole('alert').filter({ hasText: 'access_denied' }).first().waitFor();
    await expectNoSeriousViolations(page);
  });
});

/** Presses Tab until `target` has the focus (at most `limit` times); fails if it never does. */
async function tabTo(page: Page, target: Locator, limit = 80) {
  const handle = await target.elementHandle();
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((element) => element === document.activeElement, handle)) {
      // The focus shows: :focus-visible draws the outline (ui.css).
      const outline = await target.evaluate((element) => getComputedStyle(element).outlineStyle);
      expect(outline).not.toBe('none');
      return;
    }
  }
  throw new Error(`Tab never reached ${target}`);
}

describe('the main jobs work with the keyboard alone', () => {
  it('sign in, copy the token, refresh, send, run the matrix', async () => {
    const { page, stack, context } = session;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.portalUrl });
    await page.goto(stack.portalUrl);
    await tabTo(page, page.getByRole('button', { name: 'Sign in', exact: true }));
    await page.keyboard.press('Enter');
    // The realm's page puts the focus on Username (autofocus): type only once it has, on a busy machine too.
    await expect
      .poll(() => page.getByLabel('Username').evaluate((field) => field === document.activeElement))
      .toBe(true);
    await page.keyboard.type('therapist');
    await page.keyboard.press('Tab');
    await page.keyboard.type('therapist');
    await page.keyboard.press('Enter');
    await page.getByTestId('verdict').waitFor();

    const raw = (await page.getByTestId('raw-token').first().textContent()) ?? '';
    await tabTo(page, page.getByRole('button', { name: 'Copy token' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(raw);

    await tabTo(page, page.getByRole('button', { name: 'Refresh', exact: true }));
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await page.getByTestId('raw-token').first().textContent()) !== raw)
      .toBe(true);

    // The request pane is a section of its own: its link in the nav, by keyboard too.
    await tabTo(page, sectionNav(page).getByRole('link', { name: 'Call the API', exact: true }));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === '#call');
    await tabTo(page, page.getByRole('button', { name: 'Send', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Response', exact: true }).getByText('200 OK').first().waitFor();

    await tabTo(page, page.getByRole('button', { name: 'Run the unauthorized matrix' }));
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: 'Authorization matrix' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#matrix');
  });
});
