import type { Browser } from 'playwright-core';
import { signInThroughPage } from '../tests/support/signInThroughPage.ts';

export interface MemoryGrowth {
  /** JS heap in use after a garbage collection, keyed by how many requests were sent. */
  heapMbAfter: Record<number, number>;
}

/**
 * A long QA session: N requests with `mb` MB responses through the request pane (each kept in the
 * history, the last one in the response view), the page's JS heap measured after a forced GC.
 */
export async function memoryAfterRequests(
  browser: Browser,
  portalUrl: string,
  { requests = 50, mb = 1, checkpoints = [1, 10, 50] } = {},
): Promise<MemoryGrowth> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await signInThroughPage(page, portalUrl, 'therapist');
    await page.getByRole('textbox', { name: /^URL/ }).fill(`/api/v1/fixtures/large?mb=${mb}`);
    const heapMbAfter: Record<number, number> = {};
    for (let sent = 1; sent <= requests; sent += 1) {
      const answered = page.waitForResponse((response) => response.url().includes('/fixtures/large'));
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await answered;
      // The body is formatted progressively: wait until it is laid out completely.
      await page.getByText(/Large body \(.*\).* lines\./).waitFor({ timeout: 120_000 });
      if (checkpoints.includes(sent)) {
        await page.waitForTimeout(1000);
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        heapMbAfter[sent] = usedSize / 1024 / 1024;
      }
    }
    return { heapMbAfter };
  } finally {
    await context.close();
  }
}
