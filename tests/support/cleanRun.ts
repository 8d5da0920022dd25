import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openSection } from './sections.ts';
import { sendExpecting } from './sendRequest.ts';
import { signInThroughPage } from './signInThroughPage.ts';

/** The origin a console message or script error came from (the portal's, the realm's login page…). */
const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return url || 'unknown origin';
  }
};

/**
 * The portal's main path (sign in, call the API, back to the token to check its signature),
 * collecting every script error and console error on the way, whichever page showed it (the realm's
 * login page included), each prefixed with its origin: CSP violations and a resource the browser
 * asked for and did not get (a favicon) show up there too. Nothing is filtered out. Returns what it
 * collected.
 */
export async function mainPathProblems(page: Page, portalUrl: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`${originOf(page.url())}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    problems.push(`${originOf(message.location().url || page.url())}: ${message.text()}`);
  });
  await signInThroughPage(page, portalUrl, 'therapist');
  await openSection(page, 'Call the API');
  await sendExpecting(page, '200 OK');
  await openSection(page, 'Token');
  await page.getByRole('button', { name: 'Check signature' }).click();
  await expect.poll(() => page.getByTestId('signature').textContent()).toContain('Signature valid');
  return problems;
}
