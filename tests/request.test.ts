import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { startEcho } from './support/echoServer.ts';
import { saveScreen, saveScreenshotAround } from './support/screenshot.ts';
import { openSection } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';
import { type Stack, startStack } from './support/stack.ts';
import { storedTokens } from './support/storedTokens.ts';

const pane = (page: Page) => page.getByRole('region', { name: 'Call the API', exact: true });
const response = (page: Page) => page.getByRole('region', { name: 'Response', exact: true });
const setUrl = async (page: Page, url: string) => {
  await page.getByRole('textbox', { name: /^URL/ }).fill(url);
};
const send = (page: Page) => page.getByRole('button', { name: 'Send', exact: true }).click();
/** Polls patiently: the machine may be busy with other tests (no timing is asserted). */
const eventually = <T>(read: () => Promise<T> | T, timeout = 20_000) => expect.poll(read, { timeout });
const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
/**
 * The size of a part of the page and where each of its buttons is, from the part's corner: equal
 * before and after a click means nothing in it moved, and nothing below it.
 */
const buttonBoxes = (part: Locator) =>
  part.evaluate((root) => {
    const corner = root.getBoundingClientRect();
    const buttons = Array.from(root.querySelectorAll('button'), (button) => {
      const { x, y, width, height } = button.getBoundingClientRect();
      return { name: button.textContent, x: x - corner.x, y: y - corner.y, width, height };
    });
    return { width: corner.width, height: corner.height, buttons };
  });
/** Signs in from the address of Call the API (`#call`): the page opens it once signed in. */
const signInOnCall = async (page: Page, portalUrl: string, username: string) => {
  await signInThroughPage(page, `${portalUrl}/#call`, username);
  await pane(page).waitFor();
};

describe('the request pane', () => {
  let echo: Awaited<ReturnType<typeof startEcho>>;
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    echo = await startEcho();
    [stack, browser] = await Promise.all([startStack({ extraConnectOrigins: [echo.url] }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await echo?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  it('lists patients for a therapist: 200, the verdict and the JSON', async () => {
    await signInOnCall(page, stack.portalUrl, 'therapist');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('List patients');
    await send(page);
    await eventually(() => textOf(response(page).getByTestId('response-status'))).toBe('200 OK');
    expect(await textOf(response(page))).toContain('200 OK: the API accepted the request');
    await eventually(() => textOf(response(page))).toMatch(/"name": "/);
    const history = page.getByRole('region', { name: /History of this tab/ });
    expect(await textOf(history)).toContain('/api/v1/patients');
    await saveScreenshotAround(page, 'request-200', pane(page));
  });

  it('case 37: gives a patient 403 insufficient_scope with the missing-role verdict, after warning', async () => {
    await signInOnCall(page, stack.portalUrl, 'patient');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('List patients');
    // The warning stands beside Send; one Send sends it, no second confirmation.
    const warning = pane(page).getByRole('note').filter({ hasText: 'needs the realm role' });
    await eventually(() => textOf(warning)).toContain(
      '“List patients” needs the realm role “therapist”, but this token (patient) does not have it',
    );
    await send(page);
    await eventually(() => textOf(response(page).getByTestId('response-status'))).toBe('403 Forbidden');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    const verdict = await textOf(response(page));
    expect(verdict).toContain('The token lacks the realm role “therapist”');
    expect(verdict).toContain('the token of patient does not have it');
    expect(verdict).toContain('Sign in as a user with the realm role “therapist”');
  });

  it('says beside Copy as curl that TOKEN must be set, and copies that line without the token', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.portalUrl });
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await openSection(page, 'Call the API');
    const [access] = await storedTokens(page);
    if (!access) throw new Error('no access token stored');
    // In sight before anything is copied: the command reads $TOKEN, which a new shell does not have.
    const note = pane(page).getByTestId('curl-token-note');
    await note.waitFor();
    expect(await note.isVisible()).toBe(true);
    expect(await textOf(note)).toContain('Set TOKEN first');
    expect(await textOf(note)).toContain('401');

    await pane(page).getByRole('button', { name: 'Copy the export line' }).click();
    await eventually(() => clipboard(page)).toBe("export TOKEN='<paste the access token>'");
    await pane(page).getByRole('button', { name: 'Copy as curl', exact: true }).click();
    await eventually(() => clipboard(page)).toContain('"Authorization: Bearer $TOKEN"');
    expect(await clipboard(page)).not.toContain(access);

    // The token itself only on an explicit, warned click.
    await pane(page).getByRole('button', { name: 'Copy as curl with the real token…' }).click();
    const dialog = pane(page).getByRole('alertdialog', { name: 'Copy the real token' });
    await dialog.getByRole('button', { name: 'Copy the export line with the real token' }).click();
    await eventually(() => clipboard(page)).toBe(`export TOKEN='${access}'`);
    await saveScreen(page, 'curl-token-note', pane(page).locator('.rq-curl'));
  });

  it('confirms a copy without moving the buttons around it', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.portalUrl });
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await openSection(page, 'Call the API');
    const copy = pane(page).getByRole('button', { name: 'Copy as curl', exact: true });
    const curl = pane(page).locator('.rq-curl');
    await copy.scrollIntoViewIfNeeded();
    const before = await buttonBoxes(curl);
    await copy.click();
    await eventually(() => curl.getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1);
    expect(await buttonBoxes(curl)).toEqual(before);
    await saveScreen(page, 'copied-curl', pane(page).locator('.rq-curl'));

    // The long confirmation of a secret (the clipboard is shared) moves nothing either.
    await pane(page).getByRole('button', { name: 'Copy as curl with the real token…' }).click();
    const dialog = pane(page).getByRole('alertdialog', { name: 'Copy the real token' });
    const inDialog = await buttonBoxes(dialog);
    await dialog.getByRole('button', { name: 'Copy with the real token' }).click();
    await eventually(() => textOf(dialog.getByRole('status').first())).toContain('The clipboard is shared');
    expect(await buttonBoxes(dialog)).toEqual(inDialog);
    await saveScreen(page, 'copied-secret', dialog);

    // The bug report's buttons, after a send.
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('Who am I');
    await send(page);
    await eventually(() => textOf(response(page).getByTestId('response-status'))).toBe('200 OK');
    await page.getByRole('button', { name: 'Bug report of this response' }).click();
    const report = page.locator('.rq-report');
    await report.getByRole('button', { name: 'Close report' }).waitFor();
    const reportButtons = await buttonBoxes(report);
    await report.getByRole('button', { name: 'Copy report (Markdown)' }).click();
    await eventually(() => report.getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1);
    expect(await buttonBoxes(report)).toEqual(reportButtons);
  });

  it('case 38: explains the no-CORS route as no response, never as a 401', async () => {
    await signInOnCall(page, stack.portalUrl, 'therapist');
    await setUrl(page, '/api/v1/fixtures/no-cors');
    await send(page);
    await eventually(() => textOf(response(page))).toContain(
      'No response: the API is down, or CORS blocked it',
    );
    const text = await textOf(response(page));
    expect(text).toContain('(the request may still have reached the server)');
    expect(text).toContain('Access-Control-Allow-Headers');
    expect(text).toContain(`curl --include '${stack.apiUrl}/api/v1/fixtures/no-cors'`);
    expect(await textOf(response(page).getByTestId('response-status'))).toBe('No response');
    expect(await textOf(response(page).locator('.rq-response__verdict'))).not.toMatch(/\b401\b/);
  });

  it('case 33: sends no bearer to an origin off the allowlist without a confirmation', async () => {
    await signInOnCall(page, stack.portalUrl, 'therapist');
    await setUrl(page, `${echo.url}/echo`);
    await send(page);
    const dialog = page.getByRole('alertdialog');
    expect(await textOf(dialog)).toContain(`Send your token to ${echo.url}?`);
    expect(echo.seen).toEqual([]);

    await dialog.getByRole('button', { name: 'Send without the token' }).click();
    await eventually(() => textOf(response(page))).toContain('"authorization": false');
    expect(echo.seen).toEqual([{ method: 'GET', authorization: false }]);

    await send(page);
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: `Send the token to ${echo.url}` })
      .click();
    await eventually(() => echo.seen.length).toBe(2);
    expect(echo.seen[1]).toEqual({ method: 'GET', authorization: true });
  });

  it('renders a multi-MB JSON answer and the page stays usable', async () => {
    await signInOnCall(page, stack.portalUrl, 'therapist');
    await setUrl(page, '/api/v1/fixtures/large?mb=6');
    await send(page);
    await eventually(() => textOf(response(page).getByTestId('response-status')), 60_000).toBe('200 OK');
    const lines = page.getByRole('region', { name: 'Body lines' });
    await lines.waitFor();
    // The page answers while (or after) the body is formatted: another control still works.
    await page.getByRole('button', { name: '+ Add header' }).click();
    await eventually(() => page.getByRole('textbox', { name: 'Header 2 name' }).count()).toBe(1);
    await eventually(() => textOf(response(page)), 60_000).toMatch(/Large body \(6\.0 MB\).* [\d,]+ lines\./);
    expect(await lines.locator('.rq-vlines__row').count()).toBeLessThan(200);
    await lines.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await eventually(() => textOf(lines.locator('.rq-vlines__row').last())).toBe(']');
  });

  it('case 40: reports a redirect as not followed, and HTML (case 41), binary and a timeout as what they are', async () => {
    await signInOnCall(page, stack.portalUrl, 'therapist');
    await setUrl(page, '/api/v1/fixtures/redirect');
    await send(page);
    await eventually(() => textOf(response(page))).toContain(
      'Redirected, most likely to a sign-in page: an SSO gateway in front of the API wants a browser session',
    );
    expect(await textOf(response(page).getByTestId('response-status'))).toBe('Redirect (not followed)');

    await setUrl(page, '/api/v1/fixtures/html');
    await send(page);
    await eventually(() => textOf(response(page))).toContain('<script>alert(1)</script><h1>Hello</h1>');
    expect(await response(page).getByRole('heading', { name: 'Hello' }).count()).toBe(0);

    await setUrl(page, '/api/v1/fixtures/binary');
    await send(page);
    await eventually(() => textOf(response(page))).toContain('Binary body: application/octet-stream, 2.0 KB');
    expect(await response(page).getByRole('link', { name: 'Download' }).getAttribute('href')).toMatch(
      /^blob:/,
    );

    await page.getByRole('spinbutton', { name: 'Timeout (s)' }).fill('1');
    await setUrl(page, '/api/v1/fixtures/slow?ms=5000');
    await send(page);
    await eventually(() => textOf(response(page))).toContain('No answer within 1 s (timeout)');
    expect(await textOf(response(page).getByTestId('response-status'))).toBe('Timeout');
  });
});

const TTL = 10;

describe('the unauthorized matrix', () => {
  const session = setupBrowserSession({ accessTokenTtl: TTL });

  it('case 35: shows 200 / 401 / 401 / 401 / 401, each invalid_token with the right verdict', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await openSection(page, 'Call the API');
    const expired = page.getByRole('radio', { name: 'Expired token' });
    await expired.waitFor();
    expect(await expired.isDisabled()).toBe(true);
    // The "expired" row needs a previous token: let this one expire, then refresh (in Token).
    await openSection(page, 'Token');
    await eventually(() => textOf(page.getByTestId('countdown')), (TTL + 20) * 1000).toMatch(/^expired/);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    // The old token counts as expired at once; the matrix waits for the new one (a slow realm).
    await eventually(() => textOf(page.getByTestId('countdown'))).not.toMatch(/^expired/);
    await openSection(page, 'Call the API');
    await eventually(() => expired.isEnabled()).toBe(true);

    await page.getByRole('combobox', { name: 'Preset' }).selectOption('List patients');
    await page.getByRole('button', { name: 'Run the unauthorized matrix' }).click();
    // The draft as one row of the authorization matrix, in the Matrix section: this tab's user,
    // then the tokens to refuse.
    await page.waitForURL((url) => url.hash === '#matrix');
    const table = page.getByRole('table', { name: 'Authorization matrix' });
    const statuses = table.locator('tbody .rq-mx-cell__status');
    await eventually(() => statuses.allTextContents()).toEqual(['200', '401', '401', '401', '401']);
    const detail = page.getByTestId('matrix-cell-detail');
    const explained = async (column: string) => {
      await table.getByRole('button', { name: new RegExp(`^${column}, `) }).click();
      return textOf(detail);
    };
    expect(await explained('therapist \\(this tab\\)')).toContain('200 OK: the API accepted the request');
    expect(await explained('No token')).toContain('No token was sent');
    expect(await explained('Tampered signature')).toContain('Signature rejected');
    expect(await explained('ID token instead')).toContain('Wrong token type: an ID token was sent');
    expect(await explained('Expired token')).toMatch(/The token expired \d+ s before the request/);
    expect(await textOf(table.locator('tbody th'))).toContain(
      'Your request in Call the API: GET /api/v1/patients',
    );
    await detail.getByRole('button', { name: 'Show the full response' }).click();
    await eventually(() => textOf(response(page))).toMatch(/The token expired \d+ s before the request/);
    await saveScreenshotAround(
      page,
      'request-401',
      page.getByRole('region', { name: 'Authorization matrix across identities' }),
    );
  });
});
