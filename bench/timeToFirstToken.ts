import type { Browser } from 'playwright-core';
import { signInThroughPage } from '../tests/support/signInThroughPage.ts';

export interface FirstTokenTiming {
  /** Opening the app until the Sign in button is usable (cold cache, new context). */
  loadMs: number;
  /** Opening the app until the decoded token is on screen, the real login page included. */
  firstTokenMs: number;
  /** Reloading the signed-in page until the decoded token is on screen again. */
  reloadMs: number;
  /** After the first token showed, until the request pane's Send button is there (the portal only). */
  sendAfterTokenMs?: number;
}

/**
 * One cold run of an app (the portal or the bench's bare app): a fresh browser context, the real
 * login page, until the decoded token shows (`data-testid="verdict"`); then a reload of that page.
 */
export async function timeToFirstToken(
  browser: Browser,
  appUrl: string,
  { withSend = false } = {},
): Promise<FirstTokenTiming> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(appUrl);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    const loadMs = performance.now() - start;
    await signInThroughPage(page, appUrl, 'therapist', 'therapist', { navigate: false });
    await page.getByTestId('verdict').waitFor();
    const firstTokenMs = performance.now() - start;
    // What comes below the token card must not be pushed far out to show the token sooner.
    const sendAfterTokenMs = withSend
      ? await page
          .getByRole('button', { name: 'Send', exact: true })
          .waitFor()
          .then(() => performance.now() - start - firstTokenMs)
      : undefined;

    const reloadStart = performance.now();
    await page.reload({ waitUntil: 'commit' });
    await page.getByTestId('verdict').waitFor();
    const reloadMs = performance.now() - reloadStart;
    return {
      loadMs,
      firstTokenMs,
      reloadMs,
      ...(sendAfterTokenMs === undefined ? {} : { sendAfterTokenMs }),
    };
  } finally {
    await context.close();
  }
}
