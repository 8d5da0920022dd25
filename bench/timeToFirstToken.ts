import type { Browser } from 'playwright-core';
import { signInThroughPage } from '../tests/support/signInThroughPage.ts';

export interface FirstTokenTiming {
  /** Opening the portal until the Sign in button is usable (cold cache, new context). */
  loadMs: number;
  /** Opening the portal until the decoded token and its verdict are on screen, sign-in included. */
  firstTokenMs: number;
}

/** One cold run: a fresh browser context, the real login page, until the verdict shows. */
export async function timeToFirstToken(browser: Browser, portalUrl: string): Promise<FirstTokenTiming> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(portalUrl);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    const loadMs = performance.now() - start;
    await signInThroughPage(page, portalUrl, 'therapist', 'therapist', { navigate: false });
    await page.getByTestId('verdict').waitFor();
    return { loadMs, firstTokenMs: performance.now() - start };
  } finally {
    await context.close();
  }
}
