import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { saveScreen, saveScreenshotAround } from './support/screenshot.ts';
import { openSection } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';
import { storedTokens } from './support/storedTokens.ts';

const session = setupBrowserSession();
const response = (page: Page) => page.getByRole('region', { name: 'Response', exact: true });
const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

describe('the bug report', () => {
  it("of a patient's 403: status, claims, verdict and curl, and no token string anywhere in it", async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'patient');
    await openSection(page, 'Call the API');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('List patients');
    // The portal warns beside Send that a patient lacks the role; one Send sends it, to see the refusal.
    await eventually(() =>
      textOf(page.getByRole('note').filter({ hasText: 'Send sends it anyway' })),
    ).toContain('needs the realm role “therapist”');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await eventually(() => textOf(response(page).getByTestId('response-status'))).toBe('403 Forbidden');

    await page.getByRole('button', { name: 'Bug report of this response' }).click();
    const report = await textOf(page.getByTestId('bug-report'));
    expect(report).toContain('## GET ');
    expect(report).toContain('403 Forbidden');
    expect(report).toContain('"preferred_username": "patient"');
    expect(report).toMatch(/Authorization: Bearer <token sha256:[0-9a-f]{12}>/);
    expect(report).toContain('Bearer $TOKEN');
    expect(report).toContain('**Clock skew:**');

    const tokens = await storedTokens(page);
    // The access, ID and refresh tokens of this session: none of them, nor any of their parts.
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    for (const token of tokens) {
      for (const part of token.split('.').filter((p) => p.length >= 8)) expect(report).not.toContain(part);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreen(page, 'bug-report', page.locator('.rq-report'));
    await saveScreenshotAround(page, 'bug-report', page.locator('.rq-report'), response(page));
  });
});

describe('the bug report of a send', () => {
  it('has Steps, Expected and Actual, and leaves name and e-mail out unless asked', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'patient');
    await openSection(page, 'Call the API');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('List patients');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await eventually(() => textOf(response(page).getByTestId('response-status'))).toBe('403 Forbidden');
    await page.getByRole('button', { name: 'Bug report of this response' }).click();
    const report = page.getByTestId('bug-report');
    await report.waitFor();
    const text = await textOf(report);

    const steps = text.slice(text.indexOf('### Steps'), text.indexOf('### Expected'));
    expect(steps).toContain('Local');
    expect(steps).toMatch(/, as patient \(realm roles: [^)]*patient/);
    expect(steps).toContain('GET /api/v1/patients');
    expect(steps).toMatch(
      /with the token “Current access token”, not expired when sent \(\d+ min \d+ s left\)/,
    );
    const expected = text.slice(text.indexOf('### Expected'), text.indexOf('### Actual'));
    expect(expected).toContain('What should have happened?');
    const actual = text.slice(text.indexOf('### Actual'));
    expect(actual).toMatch(/^### Actual\n403 Forbidden/);

    // Personal claims are left out by default: they name a real person on a real realm.
    for (const personal of ['patient@abrumet.local', '"Pat Patient"', '"given_name": "Pat"']) {
      expect(text).not.toContain(personal);
    }
    expect(text).toContain('"email": "(left out: personal)"');

    await page
      .getByRole('textbox', { name: 'Expected' })
      .fill('403, and the portal says which role is missing');
    await eventually(() => textOf(report)).toContain('403, and the portal says which role is missing');
    await page.getByRole('checkbox', { name: 'Include name and e-mail' }).check();
    await eventually(() => textOf(report)).toContain('"email": "patient@abrumet.local"');
    expect(await textOf(report)).toContain('"name": "Pat Patient"');
    await saveScreen(page, 'bug-report-steps', page.locator('.rq-report'));
  });
});

describe('code snippets', () => {
  it('JavaScript, Python and Java of the request, reading TOKEN from the environment', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await openSection(page, 'Call the API');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('Create patient');
    await page.getByText('Code in other languages').click();
    const code = (title: string) => page.getByRole('region', { name: `${title} snippet` });
    await code('JavaScript (fetch)').waitFor();
    const tokens = await storedTokens(page);
    const expectations: Array<[string, string]> = [
      ['JavaScript (fetch)', 'process.env.TOKEN'],
      ['Python (requests)', "os.environ['TOKEN']"],
      ['Java (HttpClient)', 'System.getenv("TOKEN")'],
    ];
    for (const [title, placeholder] of expectations) {
      await page.getByRole('button', { name: title, exact: true }).click();
      const text = await textOf(code(title));
      expect(text).toContain(placeholder);
      expect(text).toContain(`${stack.apiUrl}/api/v1/patients`);
      expect(text).toContain('Ada Example');
      for (const token of tokens) expect(text).not.toContain(token);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreen(page, 'snippets', page.locator('.sn-panel'));
    await saveScreenshotAround(page, 'snippets', page.locator('.sn-panel'));
  });
});
