import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { saveScreen, saveScreenshotAround } from './support/screenshot.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';
import { type Stack, startStack } from './support/stack.ts';

/** A server on another origin that answers whether it got an Authorization header (and records it). */
async function startEcho() {
  const seen: Array<{ method: string; authorization: boolean }> = [];
  const server: Server = createServer((req, res) => {
    const cors = {
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
      'Access-Control-Allow-Methods': 'GET, POST',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const authorization = req.headers.authorization !== undefined;
    seen.push({ method: req.method ?? '', authorization });
    res
      .writeHead(200, { ...cors, 'Content-Type': 'application/json' })
      .end(JSON.stringify({ authorization }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const pane = (page: Page) => page.locator('section.rq');
const response = (page: Page) => page.getByRole('region', { name: 'Response', exact: true });
const setUrl = async (page: Page, url: string) => {
  await page.getByRole('textbox', { name: /^URL/ }).fill(url);
};
const send = (page: Page) => page.getByRole('button', { name: 'Send', exact: true }).click();
/** Polls patiently: the machine may be busy with other tests (no timing is asserted). */
const eventually = <T>(read: () => Promise<T> | T, timeout = 20_000) => expect.poll(read, { timeout });
const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';

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
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('List patients');
    await send(page);
    await eventually(() => textOf(response(page).getByTestId('response-status'))).toBe('200 OK');
    expect(await textOf(response(page))).toContain('200 OK: the API accepted the request');
    await eventually(() => textOf(response(page))).toMatch(/"name": "/);
    const history = page.getByRole('region', { name: /History of this tab/ });
    expect(await textOf(history)).toContain('/api/v1/patients');
    await saveScreenshotAround(page, 'request-200', pane(page));
  });

  it('gives a patient 403 with the missing-role verdict, after warning', async () => {
    await signInThroughPage(page, stack.portalUrl, 'patient');
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('List patients');
    await send(page);
    const dialog = page.getByRole('alertdialog');
    expect(await textOf(dialog)).toContain('Your token lacks the realm role “therapist”');
    await dialog.getByRole('button', { name: 'Send anyway' }).click();
    await eventually(() => textOf(response(page).getByTestId('response-status'))).toBe('403 Forbidden');
    const verdict = await textOf(response(page));
    expect(verdict).toContain('The token lacks the realm role “therapist”');
    expect(verdict).toContain('Signed in as patient');
    expect(verdict).toContain('Sign in as a user with the realm role “therapist”');
  });

  it('explains the no-CORS route as no response, never as a 401', async () => {
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await setUrl(page, '/api/v1/fixtures/no-cors');
    await send(page);
    await eventually(() => textOf(response(page))).toContain(
      'No response: the API is down, or CORS blocked it',
    );
    const text = await textOf(response(page));
    expect(text).toContain('(the request may still have reached the server)');
    expect(text).toContain('Access-Control-Allow-Headers');
    expect(text).toContain(`curl --include '${stack.apiUrl}/api/v1/fixtures/no-cors'`);
    expect(text).not.toContain('401');
  });

  it('sends no bearer to an origin off the allowlist without a confirmation', async () => {
    await signInThroughPage(page, stack.portalUrl, 'therapist');
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
    await signInThroughPage(page, stack.portalUrl, 'therapist');
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

  it('reports a redirect, HTML, binary and a timeout as what they are', async () => {
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await setUrl(page, '/api/v1/fixtures/redirect');
    await send(page);
    await eventually(() => textOf(response(page))).toContain('Redirect not followed');

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
  it('names an SSO page and a gateway as what they are, and reads an error from a JSON body', async () => {
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    const verdictTitle = () => textOf(response(page).locator('.rq-verdict__title'));

    await setUrl(page, '/api/v1/fixtures/sso-login');
    await send(page);
    await eventually(verdictTitle).toContain('200 OK from a single sign-on page, not from the API');
    expect(await textOf(response(page))).not.toContain('the API accepted');
    await saveScreen(page, 'request-sso-page', response(page));

    await setUrl(page, '/api/v1/fixtures/bad-gateway');
    await send(page);
    await eventually(verdictTitle).toContain(
      '502 Bad Gateway from a gateway or proxy (nginx), not from the API',
    );
    expect(await textOf(response(page))).not.toContain('the API got the request');
    await saveScreen(page, 'request-gateway-502', response(page));

    await setUrl(page, '/api/v1/fixtures/body-error');
    await send(page);
    await eventually(() => textOf(response(page))).toContain('The API says: “Token verification failed”.');
    expect(await textOf(response(page))).toContain('The error code comes from the response body');
    await saveScreen(page, 'request-body-error', response(page));
  });

  it('retires the previous answer during a slow request, and a matrix run clears it', async () => {
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await send(page);
    await eventually(() => textOf(response(page).getByTestId('response-status'))).toBe('200 OK');

    await setUrl(page, '/api/v1/fixtures/slow?ms=4000');
    await send(page);
    const previous = page.getByRole('region', { name: 'Previous response', exact: true });
    await eventually(() => textOf(previous)).toContain('This is the answer to the previous request');
    expect(await response(page).count()).toBe(0);
    await saveScreen(page, 'request-previous-retired', pane(page));
    await eventually(() => textOf(response(page))).toContain('"waitedMs": 4000');
    expect(await previous.count()).toBe(0);

    await setUrl(page, '/api/v1/me');
    await page.getByRole('button', { name: 'Run the unauthorized matrix' }).click();
    await page.getByRole('table', { name: 'Unauthorized matrix' }).waitFor();
    expect(await response(page).count()).toBe(0);
    expect(await previous.count()).toBe(0);
  });
});

const TTL = 10;

describe('the unauthorized matrix', () => {
  const session = setupBrowserSession({ accessTokenTtl: TTL });

  it('shows 200 / 401 / 401 / 401 / 401 with the right verdicts', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    const expired = page.getByRole('radio', { name: 'Expired token' });
    await expired.waitFor();
    expect(await expired.isDisabled()).toBe(true);
    // The "expired" row needs a previous token: let this one expire, then refresh.
    await eventually(() => textOf(page.getByTestId('countdown')), (TTL + 20) * 1000).toMatch(/^expired/);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await eventually(() => expired.isEnabled()).toBe(true);

    await page.getByRole('combobox', { name: 'Preset' }).selectOption('List patients');
    await page.getByRole('button', { name: 'Run the unauthorized matrix' }).click();
    const table = page.getByRole('table', { name: 'Unauthorized matrix' });
    const statuses = table.locator('tbody .rq-matrix__status');
    await eventually(() => statuses.allTextContents()).toEqual(['200', '401', '401', '401', '401']);
    const verdicts = await table.locator('tbody tr').allTextContents();
    expect(verdicts[0]).toContain('200 OK: the API accepted the request');
    expect(verdicts[1]).toContain('No token was sent');
    expect(verdicts[2]).toMatch(/The token expired \d+ s before the request/);
    expect(verdicts[3]).toContain('Signature rejected');
    expect(verdicts[4]).toContain('Wrong token type: an ID token was sent');

    await table.locator('tbody tr').nth(2).getByRole('button', { name: 'Details' }).click();
    await eventually(() => textOf(response(page))).toMatch(/The token expired \d+ s before the request/);
    await saveScreenshotAround(page, 'request-401', pane(page));
  });
});

describe('the expired token', () => {
  const session = setupBrowserSession({ accessTokenTtl: TTL });

  it('is sent the moment the current token expires, when QA asks for it', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    const expired = page.getByRole('radio', { name: 'Expired token' });
    await expired.waitFor();
    expect(await expired.isDisabled()).toBe(true);
    expect(await textOf(pane(page))).toMatch(
      /None of this tab's tokens has expired yet; the current one expires in \d+ s/,
    );
    await page.getByRole('button', { name: 'Send when it expires' }).click();
    await eventually(() => textOf(pane(page))).toContain('Sends with the expired token at');
    await saveScreen(page, 'request-send-when-expired-armed', pane(page));

    await eventually(() => textOf(response(page)), (TTL + 20) * 1000).toMatch(
      /The token expired \d+ s before the request/,
    );
    expect(await textOf(response(page))).toContain('Expired token');
    expect(await textOf(response(page).getByTestId('response-status'))).toBe('401 Unauthorized');
    await saveScreen(page, 'request-sent-when-expired', pane(page));
  });
});

describe('an API that expects another audience than config.json', () => {
  const session = setupBrowserSession({ apiAudience: 'abrumet-api-v2' });

  it('says config.json and the API disagree, instead of asking for an audience mapper', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await send(page);
    await eventually(() => textOf(response(page))).toContain(
      'config.json and the API disagree on the audience',
    );
    const text = await textOf(response(page));
    expect(text).toContain('exactly the api.audience config.json names');
    expect(text).not.toContain('Ask the realm admin for an Audience mapper');
    await saveScreen(page, 'request-audience-config', response(page));
  });
});
