import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';
import { type Stack, startStack } from './support/stack.ts';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});
beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
});
afterEach(async () => {
  await context.close();
});

describe('the portal on the local stack', () => {
  it('signs a therapist in, shows who and the token, and cleans the callback URL', async () => {
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await expect.poll(() => page.getByText('Signed in as').textContent()).toContain('therapist');
    const token = await page.getByTestId('raw-token').first().textContent();
    expect(token?.split('.')).toHaveLength(3);
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('keeps tokens out of localStorage', async () => {
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByText('Signed in as').waitFor();
    const token = (await page.getByTestId('raw-token').first().textContent()) ?? '';
    const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    const session = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
    expect(token.length).toBeGreaterThan(100);
    expect(local).not.toContain(token);
    expect(local).not.toContain('refresh_token');
    expect(session).toContain(token);
  });

  it('calls GET /api/v1/me with the bearer and shows 200 and the body', async () => {
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByRole('button', { name: 'Send' }).click();
    const response = page.getByLabel('Response');
    await expect.poll(() => response.textContent()).toContain('200');
    expect(await response.textContent()).toContain('"preferred_username": "therapist"');
  });

  it("shows the realm's error for a wrong password", async () => {
    await signInThroughPage(page, stack.portalUrl, 'therapist', 'not-the-password');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Invalid username or password.');
  });

  it('signs out back to the signed-out page', async () => {
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await page.getByText('Signed in as').count()).toBe(0);
  });

  it('lists every configuration problem instead of a blank page', async () => {
    const broken = await startStack({
      editConfig: (config) => ({ ...config, defaultEnvironment: 'nowhere', environments: [{ id: 'local' }] }),
    });
    try {
      await page.goto(broken.portalUrl);
      const problems = page.getByRole('listitem');
      await expect.poll(() => problems.count()).toBeGreaterThanOrEqual(3);
      const text = await page.textContent('body');
      expect(text).toContain('environments[0].authority: is missing');
      expect(text).toContain('environments[0].clientId: is missing');
      expect(text).toContain('"nowhere" is not the id of an environment');
    } finally {
      await broken.close();
    }
  });
});
