import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Sends the request pane's draft and waits until the response shows `status` (e.g. "200 OK"). */
export async function sendExpecting(page: Page, status: string): Promise<void> {
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect
    .poll(() =>
      page
        .getByRole('region', { name: 'Response', exact: true })
        .getByTestId('response-status')
        .textContent(),
    )
    .toBe(status);
}
