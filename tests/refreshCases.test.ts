import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { saveScreen } from './support/screenshot.ts';
import { openSection } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { signedIn } from './support/signInProbes.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';
import { startStack } from './support/stack.ts';
import { claimsOf, craftJwt, editTokenAnswers, storedSession } from './support/tokenAnswers.ts';

/*
 * The refresh cases of the catalogue (README: Security), against both IdPs. The realm's own
 * answers are used where it gives them (an idle-expired refresh token, a spent one); what only a
 * proxy or an attacker does (a 502 page, an answer CORS hides, another user's tokens, a trimmed
 * answer) is made with Playwright's routes on the realm's real answers.
 */

const session = setupBrowserSession();

const refreshButton = (page: Page) => page.getByRole('button', { name: 'Refresh', exact: true });
const shownToken = async (page: Page) => (await page.getByTestId('raw-token').first().textContent()) ?? '';
const refreshFailure = (page: Page) => page.getByTestId('refresh-failure');
const sessionEnded = (page: Page) => page.getByTestId('session-ended');

async function signedInTherapist(page: Page, portalUrl: string) {
  await signInThroughPage(page, portalUrl, 'therapist');
  await page.getByTestId('verdict').waitFor();
}

/** Sends the pane's default request (GET /api/v1/me) in Call the API and returns the status it shows. */
async function sendStatus(page: Page) {
  await openSection(page, 'Call the API');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const status = page.getByRole('region', { name: 'Response', exact: true }).getByTestId('response-status');
  await status.waitFor();
  return status.textContent();
}

describe('refreshing the token', () => {
  it('case 22: an idle-expired refresh token ("Token is not active") ends the session, named, with no retry', async () => {
    const { page } = session;
    const idle = 4;
    const stack = await startStack({ refreshTokenTtl: idle });
    onTestFinished(() => stack.close());
    const grants = await editTokenAnswers(page, stack.issuer, ({ body }) => body);
    await signedInTherapist(page, stack.portalUrl);
    // Idle past the refresh token's life (the realm's client session idle timeout on Keycloak).
    await page.waitForTimeout((idle + 2) * 1000);
    await refreshButton(page).click();
    const ended = sessionEnded(page);
    await expect.poll(() => ended.textContent()).toContain('(Token is not active)');
    expect(await ended.textContent()).toContain('Your session ended: it expired (idle or too old)');
    await ended.getByRole('button', { name: 'Sign in again' }).waitFor();
    expect(await refreshButton(page).isDisabled()).toBe(true);
    expect((await storedSession(page))?.refresh_token).toBeUndefined();
    expect(grants.filter((grant) => grant === 'refresh_token')).toHaveLength(1);
  });

  it("case 25: a proxy's HTML 502 from the token endpoint is named, and the token in hand is kept and still works", async () => {
    const { page, stack } = session;
    await signedInTherapist(page, stack.portalUrl);
    const before = await storedSession(page);
    // A gateway in front of the realm answers for it: the realm never sees the refresh.
    await page.route(`${stack.issuer}/protocol/openid-connect/token`, (route) =>
      route.fulfill({
        status: 502,
        contentType: 'text/html',
        headers: { 'Access-Control-Allow-Origin': stack.portalUrl },
        body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
      }),
    );
    await refreshButton(page).click();
    const failure = refreshFailure(page);
    await expect.poll(() => failure.textContent()).toContain('answered with a web page instead of tokens');
    expect(await failure.textContent()).toContain('Your current token is kept and works until it expires');
    expect(await sessionEnded(page).count()).toBe(0);
    expect(await storedSession(page)).toEqual(before);
    expect(await refreshButton(page).isEnabled()).toBe(true);
    expect(await sendStatus(page)).toBe('200 OK');
  });

  it('case 26: a token answer CORS hid warns that the refresh token may be spent, and the next refresh ends the session', async () => {
    const { page, stack } = session;
    await signedInTherapist(page, stack.portalUrl);
    let hidden = 0;
    await editTokenAnswers(page, stack.issuer, async ({ body, grant, route }) => {
      if (grant !== 'refresh_token' || hidden > 0) return body;
      // The realm got the request and rotated the refresh token; the page never sees its answer.
      hidden += 1;
      await route.abort('failed');
      return 'handled';
    });
    await refreshButton(page).click();
    const failure = refreshFailure(page);
    await expect.poll(() => failure.textContent()).toContain('CORS blocked the response');
    expect(await failure.textContent()).toContain('it may have spent the one this tab holds');
    // As warned: the refresh token the tab still holds was used up by the hidden answer.
    await refreshButton(page).click();
    const ended = sessionEnded(page);
    await expect.poll(() => ended.count()).toBe(1);
    expect(await ended.textContent()).toContain('Your session ended');
    expect(await refreshButton(page).isDisabled()).toBe(true);
  });

  it.each([
    ['an access token for another user, and no ID token', false],
    ['an access token and an ID token for another user', true],
  ])(
    "case 30: a refresh answer with %s signs out, instead of mixing two users' tokens",
    async (_, withIdToken) => {
      const { page, stack } = session;
      await signedInTherapist(page, stack.portalUrl);
      const before = await shownToken(page);
      await editTokenAnswers(page, stack.issuer, ({ body, grant }) => {
        if (grant !== 'refresh_token') return body;
        const other = { sub: '00000000-0000-4000-8000-00000000beef', preferred_username: 'patient' };
        const { id_token: idToken, ...rest } = body;
        const swapped = {
          ...rest,
          access_token: craftJwt({ ...claimsOf(String(body.access_token)), ...other }),
        };
        return withIdToken
          ? { ...swapped, id_token: craftJwt({ ...claimsOf(String(idToken)), ...other }) }
          : swapped;
      });
      await refreshButton(page).click();
      const ended = sessionEnded(page);
      await expect
        .poll(() => ended.textContent())
        .toContain("Signed out: the refresh answered with another user's tokens");
      if (!withIdToken)
        expect(await ended.textContent()).toContain(
          "This tab was signed in as therapist; the realm's answer was for patient",
        );
      await ended.getByRole('button', { name: 'Sign in again' }).waitFor();
      expect(await signedIn(page).count()).toBe(0);
      expect(await storedSession(page)).toBeNull();
      expect(await page.textContent('body')).not.toContain(before);
    },
  );

  it("case 31: on the tab's first refresh, an answer without refresh_token keeps the old one as possibly spent, and the refusal that follows names that cause", async () => {
    const { page, stack } = session;
    await signedInTherapist(page, stack.portalUrl);
    const signedIn = (await storedSession(page))?.refresh_token;
    let refreshes = 0;
    await editTokenAnswers(page, stack.issuer, ({ body, grant }) => {
      if (grant !== 'refresh_token') return body;
      refreshes += 1;
      // The realm rotated (it spent the refresh token presented); the page never sees the new one.
      if (refreshes > 1) return body;
      const { refresh_token: _, ...rest } = body;
      return rest;
    });
    await refreshButton(page).click();
    const kept = page.getByTestId('refresh-token-kept');
    await expect
      .poll(() => kept.textContent())
      .toContain('The answer held no new refresh token: the previous one is kept, but may already be spent');
    // No claim the answer cannot back: it does not say whether the realm rotates.
    expect(await page.textContent('body')).not.toContain('does not rotate refresh tokens');
    expect(await kept.textContent()).toContain('does not say whether the realm rotates them');
    expect((await storedSession(page))?.refresh_token).toBe(signedIn);
    await saveScreen(
      page,
      'case-31-first-refresh-kept',
      page.getByRole('region', { name: 'Your token', exact: true }),
    );
    // This realm rotates: the kept one was spent, and presenting it ends the session, explained.
    await refreshButton(page).click();
    const ended = sessionEnded(page);
    await expect
      .poll(() => ended.textContent())
      .toContain('Your session ended: the refresh token kept from the last refresh was already spent');
    const text = await ended.textContent();
    expect(text).toContain('The realm answered the last refresh without a new refresh token');
    expect(text).not.toContain('another tab or tool');
    await ended.getByRole('button', { name: 'Sign in again' }).waitFor();
    expect(await refreshButton(page).isDisabled()).toBe(true);
    expect(refreshes).toBe(2);
    await saveScreen(page, 'case-31-first-refresh-ended', ended);
  });

  it('case 31: an answer without refresh_token and with a narrowed scope: the spent refresh token is dropped, the new scope shown', async () => {
    const { page, stack } = session;
    await signedInTherapist(page, stack.portalUrl);
    let refreshes = 0;
    await editTokenAnswers(page, stack.issuer, ({ body, grant }) => {
      if (grant !== 'refresh_token') return body;
      refreshes += 1;
      // The first refresh as the realm answers it (it rotates), the second trimmed.
      if (refreshes === 1) return body;
      const { refresh_token: _, ...rest } = body;
      return {
        ...rest,
        scope: String(body.scope)
          .split(' ')
          .filter((scope) => scope !== 'email')
          .join(' '),
      };
    });
    await refreshButton(page).click();
    await expect.poll(() => refreshes).toBe(1);
    await expect.poll(() => refreshButton(page).isEnabled()).toBe(true);
    const rotated = (await storedSession(page))?.refresh_token;
    expect(rotated).toBeDefined();
    await refreshButton(page).click();
    const dropped = page.getByTestId('refresh-token-dropped');
    await expect.poll(() => dropped.textContent()).toContain('the previous one is spent');
    expect(await page.getByTestId('scope-changed').textContent()).toContain('no longer granted: email');
    // Presenting the spent one again would end the session: the tab no longer holds it.
    expect((await storedSession(page))?.refresh_token).toBeUndefined();
    expect(await refreshButton(page).isDisabled()).toBe(true);
    expect(await page.getByText('This tab holds no refresh token').count()).toBe(1);
    await saveScreen(
      page,
      'case-31-refresh-trimmed',
      page.getByRole('region', { name: 'Your token', exact: true }),
    );
  });
});
