import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addIdentity } from './support/addIdentity.ts';
import { seriousViolations } from './support/axe.ts';
import { saveScreen, saveScreenshotAround } from './support/screenshot.ts';
import { openSection } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';

type Json = Record<string, unknown>;
const TTL = 30;
// "Who am I" is open to any valid token; its requiredRole is set wrong on purpose, so the patient's
// 200 there is a finding the grid must mark.
const session = setupBrowserSession({
  accessTokenTtl: TTL,
  editConfig: (config: Json) => ({
    ...config,
    environments: (config.environments as Json[]).map((environment) =>
      environment.id === 'local'
        ? {
            ...environment,
            presets: (environment.presets as Json[]).map((preset) =>
              preset.name === 'Who am I' ? { ...preset, requiredRole: 'therapist' } : preset,
            ),
          }
        : environment,
    ),
  }),
});
const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';
const eventually = <T>(read: () => Promise<T> | T, timeout = 30_000) => expect.poll(read, { timeout });
const panel = (page: Page) => page.getByRole('region', { name: 'Authorization matrix across identities' });
const grid = (page: Page) => page.getByRole('table', { name: 'Authorization matrix' });
/** The matrix picks only what reads by default: these runs tick the one that writes (the API is local). */
const pickCreatePatient = (page: Page) =>
  panel(page)
    .getByRole('group', { name: 'Requests' })
    .getByRole('checkbox', { name: /^Create patient/ })
    .check();
const statuses = (page: Page, request: string) =>
  grid(page).locator(`tr[data-request="preset:${request}"] .rq-mx-cell__status`).allTextContents();

describe('the authorization matrix across identities', () => {
  it('runs the presets as therapist, patient and the tokens that must fail, and marks the finding', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    // The expired column needs a truly expired token of this tab: let one expire, then refresh.
    await eventually(() => textOf(page.getByTestId('countdown')), (TTL + 30) * 1000).toMatch(/^expired/);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await eventually(() => textOf(page.getByTestId('countdown'))).toMatch(/left/);
    await addIdentity(page, 'patient');

    await openSection(page, 'Matrix');
    await pickCreatePatient(page);
    await panel(page).getByRole('button', { name: 'Run the matrix' }).click();
    await eventually(() => textOf(page.getByTestId('matrix-summary'))).toMatch(/^18 answered, 0 not sent/);
    expect(await grid(page).locator('thead th').allTextContents()).toEqual([
      'Request',
      'therapist (this tab)',
      'patient',
      'No token',
      'Tampered signature',
      'Expired token',
      'ID token instead',
    ]);
    expect(await statuses(page, 'List patients')).toEqual(['200', '403', '401', '401', '401', '401']);
    expect(await statuses(page, 'Create patient')).toEqual(['201', '403', '401', '401', '401', '401']);
    expect(await statuses(page, 'Who am I')).toEqual(['200', '200', '401', '401', '401', '401']);
    expect(await textOf(page.getByTestId('matrix-summary'))).toContain('1 finding, 0 other differences');
    const finding = grid(page).locator('.rq-mx-cell--finding');
    expect(await finding.count()).toBe(1);
    expect(await finding.getAttribute('aria-label')).toBe('patient, Who am I: 200, ⚠ finding. Explain');

    // Each cell's explanation on demand, by mouse or keyboard.
    const detail = page.getByTestId('matrix-cell-detail');
    await grid(page)
      .getByRole('button', { name: 'therapist (this tab), List patients: 200, ✓ accepted. Explain' })
      .click();
    expect(await textOf(detail)).toContain('Compare it with the other columns of its row');
    expect(await textOf(detail)).not.toContain('unauthorized matrix');
    await grid(page).getByRole('button', { name: 'patient, List patients: 403, ✓ refused. Explain' }).click();
    expect(await textOf(detail)).toContain('The token lacks the realm role “therapist”');
    await finding.focus();
    await page.keyboard.press('Enter');
    expect(await textOf(detail)).toContain(
      'Expected 403 (the token lacks the realm role “therapist”), but the API answered 200: access granted.',
    );
    expect(await textOf(detail)).toContain('Finding: patient got 200 on Who am I');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreen(page, 'matrix', panel(page));
    await saveScreenshotAround(page, 'matrix', panel(page));

    // Exports and the report: the grid, never a token.
    await panel(page).getByText('Export the grid (Markdown, CSV)').click();
    const markdown = await textOf(page.getByTestId('matrix-markdown'));
    expect(markdown).toContain(
      '| Who am I — GET /api/v1/me | 200 | 200 (finding: expected 403) | 401 | 401 | 401 | 401 |',
    );
    expect(await textOf(page.getByTestId('matrix-csv'))).toContain(
      'List patients,GET,/api/v1/patients,200,403,401,401,401,401',
    );
    // As files too, the same text as the copies.
    for (const [label, testId] of [
      ['Download .csv', 'matrix-csv'],
      ['Download .md', 'matrix-markdown'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel(page).getByRole('link', { name: label }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^matrix-\d{4}-\d\d-\d\dT[\d-]+\.(csv|md)$/);
      const saved = await download.path();
      expect(readFileSync(saved, 'utf8')).toBe(await textOf(page.getByTestId(testId)));
    }
    await saveScreen(page, 'matrix-export', panel(page).locator('.rq-mx-export'));
    await panel(page).getByRole('button', { name: 'Bug report of the matrix' }).click();
    const report = await textOf(page.getByTestId('bug-report'));
    expect(report).toContain('Finding: patient → GET Who am I: 200 (finding: expected 403)');
    const tokens = await page.evaluate(() =>
      Object.entries(sessionStorage)
        .filter(([key]) => key.includes('user:'))
        .map(([, value]) => JSON.parse(value).access_token as string),
    );
    expect(tokens).toHaveLength(1);
    for (const text of [markdown, report])
      for (const part of tokens[0]?.split('.') ?? []) expect(text).not.toContain(part);

    expect(await seriousViolations(page)).toEqual([]);

    // On a phone, the grid scrolls in its own box: the page does not scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await eventually(() => page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    if (process.env.SCREENS) {
      await grid(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: '.tmp/screens/matrix-phone.png' });
    }
  });

  it('cancels: what was not sent says so', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    // An API that answers nothing until Cancel was clicked: Cancel comes while the first four are
    // under way, however long the click takes on a busy machine.
    let cancelled = () => {};
    const clicked = new Promise<void>((resolve) => {
      cancelled = resolve;
    });
    await page.route(`${stack.apiUrl}/**`, async (route) => {
      await clicked;
      await route.continue().catch(() => {});
    });
    await openSection(page, 'Matrix');
    await pickCreatePatient(page);
    await panel(page).getByRole('button', { name: 'Run the matrix' }).click();
    await panel(page).getByRole('button', { name: 'Cancel the matrix' }).click();
    cancelled();
    await eventually(() => textOf(page.getByTestId('matrix-summary'))).toMatch(/answered, \d+ not sent/);
    await eventually(() => panel(page).getByRole('button', { name: 'Run the matrix' }).isEnabled()).toBe(
      true,
    );
    const texts = await grid(page).locator('.rq-mx-cell__status, span.rq-mx-cell').allTextContents();
    expect(texts.filter((t) => t === 'not sent').length).toBeGreaterThanOrEqual(8);
    await grid(page)
      .getByRole('button', { name: /Who am I: not sent/ })
      .last()
      .click();
    expect(await textOf(page.getByTestId('matrix-cell-detail'))).toMatch(
      /Not sent: (Cancelled before it was sent|none of this tab's tokens had expired)/,
    );
  });
});
