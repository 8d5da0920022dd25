import type { Browser } from 'playwright-core';
import { signInThroughPage } from '../tests/support/signInThroughPage.ts';

export interface LargeResponseTiming {
  /** Click on Send until the first lines of the body are on screen. */
  firstLinesMs: number;
  /** The longest gap between frames while the portal received and rendered it: how long the page froze. */
  longestTaskMs: number;
  /** The naive way, for comparison: parse, pretty-print and put the whole body in one <pre>. */
  naiveBlockingMs: number;
}

declare global {
  interface Window {
    benchFrameGaps?: number[];
  }
}

/** Sends GET /api/v1/fixtures/large?mb=N through the request pane, in a signed-in page. */
export async function largeResponse(
  browser: Browser,
  portalUrl: string,
  mb: number,
): Promise<LargeResponseTiming> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await signInThroughPage(page, portalUrl, 'therapist');
    const url = page.getByRole('textbox', { name: /^URL/ });
    await url.fill(`/api/v1/fixtures/large?mb=${mb}`);
    // The longest gap between two animation frames: how long the page could not paint or react.
    // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
    await page.evaluate(`(() => {
      const gaps = [];
      window.benchFrameGaps = gaps;
      let last = performance.now();
      const frame = (now) => { gaps.push(now - last); last = now; requestAnimationFrame(frame); };
      requestAnimationFrame(frame);
    })()`);
    const start = performance.now();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page
      .getByRole('region', { name: 'Body lines' })
      .locator('.rq-vlines__row')
      .first()
      .waitFor({ timeout: 120_000 });
    const firstLinesMs = performance.now() - start;
    // Let the progressive formatting finish before reading the long tasks.
    await page.getByText(/Large body \(.*\).* lines\./).waitFor({ timeout: 120_000 });
    const longestTaskMs = await page.evaluate(() => Math.max(0, ...(window.benchFrameGaps ?? [])));

    const token = (await page.getByTestId('raw-token').first().textContent()) ?? '';
    const naiveBlockingMs = await page.evaluate(
      async ({ mb, token }) => {
        const config = (await (await fetch('/config.json')).json()) as {
          environments: Array<{ id: string; api: { baseUrl: string } }>;
        };
        const base = config.environments.find((e) => e.id === 'local')?.api.baseUrl ?? '';
        const response = await fetch(`${base}/api/v1/fixtures/large?mb=${mb}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        const text = await response.text();
        const t0 = performance.now();
        const pre = document.createElement('pre');
        pre.textContent = JSON.stringify(JSON.parse(text), null, 2);
        document.body.append(pre);
        pre.getBoundingClientRect();
        return performance.now() - t0;
      },
      { mb, token },
    );
    return { firstLinesMs, longestTaskMs, naiveBlockingMs };
  } finally {
    await context.close();
  }
}
