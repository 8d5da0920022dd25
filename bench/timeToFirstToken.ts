import type { Browser, Page } from 'playwright-core';
import { signInThroughPage } from '../tests/support/signInThroughPage.ts';

export interface FirstTokenTiming {
  /** Opening the app until the Sign in button is painted (cold cache, new context). */
  loadMs: number;
  /** Opening the app until the decoded token is painted, the real login page included. */
  firstTokenMs: number;
  /** Reloading the signed-in page until the decoded token is painted again. */
  reloadMs: number;
  /** The same three, as Playwright's polling first finds the element (the figures before #11's fix). */
  seen: { loadMs: number; firstTokenMs: number; reloadMs: number };
  /** After the token was painted, until the request pane's Send button is there (the portal only). */
  sendAfterTokenMs?: number;
}

/** Wall-clock milliseconds, comparable with the page's `performance.timeOrigin + renderTime`. */
const wallClock = () => performance.timeOrigin + performance.now();

/**
 * When `mark` (an `elementtiming` attribute, src/ui/paintMark.ts) was painted in the current
 * document, on the wall clock: the Element Timing API reports the frame that put it on screen.
 */
const paintedAt = (page: Page, mark: 'sign-in' | 'decoded-token') =>
  page.evaluate(`new Promise((resolve, reject) => {
    const observer = new PerformanceObserver((list) => {
      const entry = list.getEntries().find((candidate) => candidate.identifier === '${mark}');
      if (!entry) return;
      observer.disconnect();
      resolve(performance.timeOrigin + entry.renderTime);
    });
    observer.observe({ type: 'element', buffered: true });
    setTimeout(() => reject(new Error('Chromium reported no paint of "${mark}"')), 10000);
  })`) as Promise<number>;

/**
 * One cold run of an app (the portal or the bench's bare app): a fresh browser context, the real
 * login page, until the decoded token is painted; then a reload of that page. Times end when the
 * browser reports the element painted (Element Timing), not when Playwright's polling (retries at
 * 20, 50, 100, 100, 500 ms) happens to find it.
 */
export async function timeToFirstToken(
  browser: Browser,
  appUrl: string,
  { withSend = false } = {},
): Promise<FirstTokenTiming> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const start = wallClock();
    await page.goto(appUrl);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    const seenLoad = wallClock() - start;
    const loadMs = (await paintedAt(page, 'sign-in')) - start;
    await signInThroughPage(page, appUrl, 'therapist', 'therapist', { navigate: false });
    await page.getByTestId('verdict').waitFor();
    const seenToken = wallClock() - start;
    const tokenPainted = await paintedAt(page, 'decoded-token');
    // What comes below the token card must not be pushed far out to show the token sooner.
    const sendAfterTokenMs = withSend
      ? await page
          .getByRole('button', { name: 'Send', exact: true })
          .waitFor()
          .then(() => wallClock() - tokenPainted)
      : undefined;

    const reloadStart = wallClock();
    await page.reload({ waitUntil: 'commit' });
    await page.getByTestId('verdict').waitFor();
    const seenReload = wallClock() - reloadStart;
    const reloadMs = (await paintedAt(page, 'decoded-token')) - reloadStart;
    return {
      loadMs,
      firstTokenMs: tokenPainted - start,
      reloadMs,
      seen: { loadMs: seenLoad, firstTokenMs: seenToken, reloadMs: seenReload },
      ...(sendAfterTokenMs === undefined ? {} : { sendAfterTokenMs }),
    };
  } finally {
    await context.close();
  }
}
