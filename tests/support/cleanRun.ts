import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openSection } from './sections.ts';
import { sendExpecting } from './sendRequest.ts';
import { signInThroughPage } from './signInThroughPage.ts';

/**
 * The portal's main path (sign in, call the API, back to the token to check its signature), collecting every script
 * error and console error on the way: CSP violations show up there too. Returns what it collected.
 */
export async function mainPathProblems(page: Page, portalUrl: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await signInThroughPage(page, portalUrl, 'therapist');
  await openSection(page, 'Call the API');
  await sendExpecting(page, '200 OK');
  await openSection(page, 'Token');
  await page.getByRole('button', { name: 'Check signature' }).click();
  await expect.poll(() => page.getByTestId('signature').textContent()).toContain('Signature valid');
  return problems;
}
