import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { edits, withEnvironment, withLocalAcceptance } from './support/configEdits.ts';
import { saveScreen } from './support/screenshot.ts';
import { openSection } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';
import { startsInView } from './support/viewport.ts';

const TTL = 20;
// Acceptance signs in at the local realm, but its API is the example one: another environment's
// data, which the matrix must not write on unasked. (Its answers never come: nothing is sent there.)
const session = setupBrowserSession({
  accessTokenTtl: TTL,
  extraRedirectPaths: ['/callback/acceptance'],
  editConfig: edits(
    withLocalAcceptance,
    withEnvironment('acceptance', (acceptance) => ({
      ...acceptance,
      api: {
        ...(acceptance.api as Record<string, unknown>),
        baseUrl: 'https://acc.api.abrumet.example',
        allowedOrigins: ['https://acc.api.abrumet.example'],
      },
    })),
  ),
});

const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';
const matrix = (page: Page) => page.getByRole('region', { name: 'Authorization matrix across identities' });
const grid = (page: Page) => page.getByRole('table', { name: 'Authorization matrix' });
const requestBox = (page: Page, name: string | RegExp) =>
  matrix(page).getByRole('group', { name: 'Requests' }).getByRole('checkbox', { name });
const expiredCells = (page: Page) => grid(page).locator('td[data-column="expired"]');

describe('a safe matrix', () => {
  it('picks only what reads, and marks what writes wherever it is offered', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, `${stack.portalUrl}#matrix`, 'therapist');
    expect(await requestBox(page, 'Who am I').isChecked()).toBe(true);
    expect(await requestBox(page, 'List patients').isChecked()).toBe(true);
    expect(await requestBox(page, /^Create patient/).isChecked()).toBe(false);
    expect(await textOf(requestBox(page, /^Create patient/).locator('..'))).toContain('writes data');
    await matrix(page).getByRole('button', { name: 'Run the matrix' }).click();
    await expect.poll(() => textOf(page.getByTestId('matrix-summary'))).toMatch(/answered/);
    expect(await grid(page).locator('tr[data-request="preset:Create patient"]').count()).toBe(0);
    // The request pane's preset menu says it too.
    await openSection(page, 'Call the API');
    expect(await page.getByRole('option', { name: /^Create patient/ }).textContent()).toBe(
      'Create patient (needs therapist · writes data)',
    );
  });

  it('asks before writing on a shared environment, naming it, and can run without the writes', async () => {
    const { page, stack } = session;
    await page.goto(`${stack.portalUrl}?env=acceptance#matrix`);
    await signInThroughPage(page, '', 'therapist', 'therapist', { navigate: false });
    await requestBox(page, /^Create patient/).check();
    await matrix(page).getByRole('button', { name: 'Run the matrix' }).click();
    const question = page.getByRole('alertdialog');
    expect(await textOf(question.locator('.callout__title'))).toBe('This run writes data on Acceptance');
    expect(await textOf(question)).toContain('Create patient (POST) is sent 5 times in all');
    await saveScreen(page, 'matrix-write-question', matrix(page));
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(await grid(page).count()).toBe(0);
    await matrix(page).getByRole('button', { name: 'Run the matrix' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Run without them' }).click();
    await grid(page).waitFor();
    expect(await grid(page).locator('tr[data-request="preset:Create patient"]').count()).toBe(0);
  });

  it('counts the Expired column down live, fills it in when the token expires, and tells refusals from acceptances', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, `${stack.portalUrl}#call`, 'patient');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('List patients');
    // Run from Call the API: the grid opens in Matrix, in view.
    await page.getByRole('button', { name: 'Run the unauthorized matrix' }).click();
    await page.waitForURL(/#matrix$/);
    await expect.poll(() => textOf(page.getByTestId('matrix-summary'))).toMatch(/answered, 1 not sent/);
    expect(await startsInView(page.getByRole('region', { name: 'Matrix result' }))).toBe(true);
    const cell = expiredCells(page).first();
    const first = await textOf(cell);
    expect(first).toMatch(/^not senttoken expires in \d+ s$/);
    await expect.poll(() => textOf(cell), { timeout: 5_000 }).not.toBe(first);
    // Not frozen at run time: the countdown moved.
    await page.getByRole('button', { name: 'Fill in the Expired column when it expires' }).click();
    expect(
      await textOf(page.getByRole('status').filter({ hasText: 'Fills in the Expired column at' })),
    ).toContain("the API's 0 s clock leeway");
    await expect
      .poll(() => textOf(cell.locator('.rq-mx-cell__status')), { timeout: (TTL + 15) * 1000 })
      .toBe('401');
    expect(await textOf(page.getByTestId('matrix-summary'))).toMatch(/5 answered, 0 not sent/);
    // Refusals as expected are not drawn like acceptances.
    expect(await grid(page).locator('.rq-mx-cell--accepted').count()).toBe(0);
    expect(await grid(page).locator('.rq-mx-cell--refused').count()).toBe(5);
    expect(await textOf(page.getByRole('list', { name: 'What the cells mean' }))).toContain(
      '✓ refused (401, 403), as expected',
    );
    await saveScreen(page, 'matrix-expired-filled', matrix(page));
  });
});
