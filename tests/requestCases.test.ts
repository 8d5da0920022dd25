import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { withEnvironment, withLocalAcceptance } from './support/configEdits.ts';
import { startEcho } from './support/echoServer.ts';
import { saveScreen } from './support/screenshot.ts';
import { openSection } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';
import { startStack } from './support/stack.ts';
import { storedSession } from './support/tokenAnswers.ts';

/*
 * The request pane's cases of the catalogue (README: Security) with the real portal, the demo API's
 * fixtures and a token from the IdP under test.
 */

const session = setupBrowserSession();

const response = (page: Page) => page.getByRole('region', { name: 'Response', exact: true });
const status = (page: Page) => response(page).getByTestId('response-status');
const setUrl = (page: Page, url: string) => page.getByRole('textbox', { name: /^URL/ }).fill(url);
const send = (page: Page) => page.getByRole('button', { name: 'Send', exact: true }).click();
/** Polls patiently: the machine may be busy with other tests (no timing is asserted). */
const eventually = <T>(read: () => Promise<T> | T, timeout = 20_000) => expect.poll(read, { timeout });

/** Signed in as therapist, on Call the API. */
async function signedInTherapist(page: Page, portalUrl: string) {
  await signInThroughPage(page, portalUrl, 'therapist');
  await page.getByTestId('verdict').waitFor();
  await openSection(page, 'Call the API');
}

describe('the request pane', () => {
  it("case 34: never sends this environment's token to another environment's API, not even when asked twice", async () => {
    const { page } = session;
    // Acceptance on the same realm, its API elsewhere: an origin the page may reach (CSP), so only
    // the portal's own rule stands between the Local token and it.
    const acceptanceApi = await startEcho();
    onTestFinished(() => acceptanceApi.close());
    const stack = await startStack({
      extraRedirectPaths: ['/callback/acceptance'],
      extraConnectOrigins: [acceptanceApi.url],
      editConfig: (config) =>
        withEnvironment('acceptance', (acceptance) => ({
          ...acceptance,
          api: {
            ...(acceptance.api as object),
            baseUrl: acceptanceApi.url,
            allowedOrigins: [acceptanceApi.url],
          },
        }))(withLocalAcceptance(config)),
    });
    onTestFinished(() => stack.close());
    await signedInTherapist(page, stack.portalUrl);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await setUrl(page, `${acceptanceApi.url}/api/v1/me`);
      await send(page);
      const alert = page.getByRole('alert').filter({ hasText: 'Not sent' });
      await eventually(() => alert.textContent()).toContain(
        `${acceptanceApi.url} is the Acceptance API: a Local token never goes to another environment's API, confirmed or not.`,
      );
      expect(await page.getByRole('alertdialog').count()).toBe(0);
    }
    expect(acceptanceApi.seen).toEqual([]);
  });

  it('case 39: a POST whose answer CORS hid warns that the API may have done it, and it had', async () => {
    const { page, stack } = session;
    await signedInTherapist(page, stack.portalUrl);
    const name = `Case ${Date.now()}`;
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('Create patient');
    await setUrl(page, '/api/v1/fixtures/answer-without-cors');
    await page.getByRole('textbox', { name: 'Request body' }).fill(JSON.stringify({ name }));
    await send(page);
    await eventually(() => response(page).textContent()).toContain(
      'This was a POST: if it reached the API, the API may have done it (changed data)',
    );
    expect(await status(page).textContent()).not.toMatch(/^(401|0)\b/);
    await saveScreen(page, 'case-39-post-hidden', response(page));
    // It did reach the API: the patient exists.
    const token = (await storedSession(page))?.access_token ?? '';
    const list = await fetch(`${stack.apiUrl}/api/v1/patients`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(JSON.stringify(await list.json())).toContain(name);
  });

  it('case 41: an answer whose body never ends shows as the 200 it was, cut at the timeout', async () => {
    const { page, stack } = session;
    await signedInTherapist(page, stack.portalUrl);
    await page.getByRole('spinbutton', { name: 'Timeout (s)' }).fill('2');
    await setUrl(page, '/api/v1/fixtures/endless?delay=20');
    await send(page);
    await eventually(() => status(page).textContent()).toBe('200 OK');
    expect(await response(page).getByTestId('body-cut').textContent()).toContain(
      'The API answered 200, but its body kept coming until the timeout',
    );
    expect(await response(page).textContent()).not.toContain('No answer within');
  });

  it('case 42: an API that echoes Authorization gets the token shown masked, never in full', async () => {
    const { page, stack } = session;
    await signedInTherapist(page, stack.portalUrl);
    const token = (await storedSession(page))?.access_token ?? '';
    expect(token.length).toBeGreaterThan(100);
    await setUrl(page, '/api/v1/fixtures/echo-authorization');
    await send(page);
    await eventually(() => status(page).textContent()).toBe('200 OK');
    await eventually(() => response(page).textContent()).toContain('[the token you sent, masked:');
    expect(await response(page).textContent()).not.toContain(token);
    await response(page).getByRole('button', { name: 'Show as received' }).click();
    expect(await response(page).textContent()).not.toContain(token);
  });
});
