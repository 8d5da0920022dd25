import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreen } from './support/screenshot.ts';
import { openSection } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';

const pane = (page: Page) => page.getByRole('region', { name: 'Call the API', exact: true });
const response = (page: Page) => page.getByRole('region', { name: 'Response', exact: true });
const setUrl = async (page: Page, url: string) => {
  await page.getByRole('textbox', { name: /^URL/ }).fill(url);
};
const send = (page: Page) => page.getByRole('button', { name: 'Send', exact: true }).click();
/** Polls patiently: the machine may be busy with other tests (no timing is asserted). */
const eventually = <T>(read: () => Promise<T> | T, timeout = 20_000) => expect.poll(read, { timeout });
const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';
/** Signs in as therapist from the address of Call the API (`#call`): the page opens it once signed in. */
const signInOnCall = async (page: Page, portalUrl: string) => {
  await signInThroughPage(page, `${portalUrl}/#call`, 'therapist');
  await pane(page).waitFor();
};

const TTL = 10;

describe('answers the request pane shows', () => {
  const session = setupBrowserSession();

  it('names an SSO page and a gateway as what they are, and reads an error from a JSON body', async () => {
    const { page, stack } = session;
    await signInOnCall(page, stack.portalUrl);
    const verdictTitle = () => textOf(response(page).locator('.rq-response__verdict .callout__title'));

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
    const { page, stack } = session;
    await signInOnCall(page, stack.portalUrl);
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
    await page.getByRole('table', { name: 'Authorization matrix' }).waitFor();
    // Neither the Matrix section it opened nor Call the API shows the old answer.
    expect(await response(page).count()).toBe(0);
    expect(await previous.count()).toBe(0);
    await openSection(page, 'Call the API');
    expect(await response(page).count()).toBe(0);
    expect(await previous.count()).toBe(0);
  });
});

describe('the expired token', () => {
  const session = setupBrowserSession({ accessTokenTtl: TTL });

  it('is sent the moment the current token expires, when QA asks for it', async () => {
    const { page, stack } = session;
    await signInOnCall(page, stack.portalUrl);
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
    await signInOnCall(page, stack.portalUrl);
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
