import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { saveScreen, saveScreenshotAround } from './support/screenshot.ts';
import { openSection, sectionNav } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';
import { storedTokens } from './support/storedTokens.ts';

const session = setupBrowserSession();
const section = (page: Page) => page.getByRole('region', { name: 'Inspect any token' });
const input = (page: Page) => section(page).getByRole('textbox', { name: /Paste a token/ });
const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

/** The same JWT with its payload changed: a token the portal did not fetch. */
function withPayload(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
  change(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`;
}

/** Signed in, on the Inspect section. */
async function signedInAs(username: string) {
  const { page, stack } = session;
  await signInThroughPage(page, stack.portalUrl, username);
  await page.getByTestId('verdict').waitFor();
  await openSection(page, 'Inspect');
  const [access] = await storedTokens(page);
  if (!access) throw new Error('no access token stored');
  return { page, access };
}

describe('inspect any token', () => {
  it("reads a pasted 'Bearer …' token: verdict, time left, claims, and its realm's signature check", async () => {
    const { page, access } = await signedInAs('patient');
    await input(page).fill(`Bearer ${access}`);
    const result = section(page).getByTestId('inspected-token');
    // The verdict for this environment: a patient lacks the API's role.
    await eventually(() => textOf(result.getByTestId('verdict'))).toMatch(/therapist/);
    expect(await textOf(result)).toContain('patient');
    await result.getByTestId('inspected-countdown').waitFor();
    expect(await textOf(result.getByRole('region', { name: 'Inspected token' }))).toContain(
      access.split('.')[1],
    );
    await result.getByRole('button', { name: 'Check signature' }).click();
    await eventually(() => textOf(result.getByTestId('signature'))).toMatch(/^Signature valid/);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreen(page, 'inspect', section(page));
    await saveScreenshotAround(page, 'inspect-token', section(page));
  });

  it('says plainly that a token from an issuer outside the config cannot have its signature checked', async () => {
    const { page, access } = await signedInAs('therapist');
    const foreign = withPayload(access, (claims) => {
      claims.iss = 'https://someone-else.example/realms/other';
    });
    await input(page).fill(foreign);
    const result = section(page).getByTestId('inspected-token');
    await eventually(() => textOf(result)).toContain('its issuer is not a configured realm');
    expect(await textOf(result)).toContain('https://someone-else.example/realms/other');
    expect(await result.getByRole('button', { name: 'Check signature' }).count()).toBe(0);
    await expect.poll(() => textOf(result.getByTestId('verdict'))).toMatch(/issuer|iss/i);
  });

  it('finds a tampered signature invalid (its countdown: Untrusted), and an opaque token opaque', async () => {
    const { page, access } = await signedInAs('therapist');
    await input(page).fill(withPayload(access, () => {}));
    const result = section(page).getByTestId('inspected-token');
    await result.getByRole('button', { name: 'Check signature' }).click();
    await eventually(() => textOf(result.getByTestId('signature'))).toMatch(/^Signature invalid/);
    // Case 15: the countdown beside the verdict does not call it valid either.
    const countdown = result.getByTestId('inspected-countdown').locator('..');
    await eventually(() => textOf(countdown)).toMatch(/^Untrusted\d+:\d\d left/);
    await input(page).fill('  bearer 2YotnFZFEjr1zCsicMWpAA  ');
    await eventually(() => textOf(result)).toContain('opaque token');
  });

  it('a pasted token can be sent from the request pane', async () => {
    const { page, access } = await signedInAs('therapist');
    await openSection(page, 'Call the API');
    const pane = page.getByRole('region', { name: 'Call the API', exact: true });
    await pane.getByRole('radio', { name: 'Pasted token' }).check();
    await pane.getByRole('textbox', { name: /Token to paste/ }).fill(`Bearer ${access}`);
    await pane.getByRole('button', { name: 'Send', exact: true }).click();
    const status = page.getByRole('region', { name: 'Response', exact: true }).getByTestId('response-status');
    await eventually(() => textOf(status)).toBe('200 OK');
  });

  it('tells a pasted expired token to get a new one where it came from, not to reload this page', async () => {
    const { page, access } = await signedInAs('therapist');
    const expired = withPayload(access, (claims) => {
      const now = Math.floor(Date.now() / 1000);
      claims.iat = now - 900;
      claims.exp = now - 600;
    });
    await input(page).fill(expired);
    const verdict = section(page).getByTestId('inspected-token').getByTestId('verdict');
    await eventually(() => textOf(verdict)).toContain('it expired');
    const text = await textOf(verdict);
    expect(text).not.toMatch(/reload/i);
    expect(text).toContain('Get a new token where this one came from');
    // Signed in, Call the API is on the page: it may be named.
    expect(await textOf(section(page))).toContain('Call the API');
    await saveScreen(page, 'inspect-expired-signed-in', section(page));

    // Signed out (tokens forgotten here), the page has no Call the API: nothing points to it.
    await page.getByRole('button', { name: 'Forget tokens here' }).click();
    // Signed out, the nav offers the sign-in; the address still names Inspect, which stays open.
    await sectionNav(page).getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    await section(page).waitFor();
    await input(page).fill(expired);
    await eventually(() => textOf(verdict)).toContain('it expired');
    const signedOut = await textOf(section(page));
    expect(signedOut).not.toMatch(/reload/i);
    expect(signedOut).not.toContain('Call the API');
    expect(await textOf(verdict)).toMatch(/sign in here/i);
    await saveScreen(page, 'inspect-expired-signed-out', section(page));
  });
});
