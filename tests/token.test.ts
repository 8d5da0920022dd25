import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInInPopup } from './support/addIdentity.ts';
import { saveScreen, saveScreenshotAround } from './support/screenshot.ts';
import { openSection } from './support/sections.ts';
import { sendExpecting } from './support/sendRequest.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';

const TTL = 6;
const session = setupBrowserSession({ accessTokenTtl: TTL });

const expOfShownToken = async () => {
  const raw = (await session.page.getByTestId('raw-token').first().textContent()) ?? '';
  const payload = JSON.parse(Buffer.from(raw.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    exp: number;
    jti: string;
  };
  return payload;
};

/** The refresh token as oidc-client-ts stores it in this tab (tests only: the portal never shows it). */
const storedRefreshToken = (page: Page) =>
  page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.local.user:'));
    return (JSON.parse(sessionStorage.getItem(key ?? '') ?? '{}') as { refresh_token?: string })
      .refresh_token;
  });

describe('the token inspector', () => {
  it('tells a therapist the token can call the API and shows the roles', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.textContent()).toContain('This token can call the API');
    await expect.poll(() => page.getByTitle('The role the API requires').textContent()).toBe('therapist');
    expect(await page.getByRole('rowheader', { name: 'realm_access' }).count()).toBe(1);
    await saveScreenshotAround(
      page,
      'token-therapist',
      page.locator('.app-section[data-section=token]'),
      page.locator('header'),
    );
    await saveScreen(page, 'token-can-call', page.getByRole('region', { name: 'Your token', exact: true }));
  });

  it('tells a patient the token lacks the therapist role', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'patient');
    const verdict = page.getByTestId('verdict');
    // What needs only a valid token (Who am I) it can call; what needs the role, not.
    await expect
      .poll(() => verdict.textContent())
      .toContain('This token can call what needs a valid token, not what needs the realm role therapist');
    // Keycloak lists the default roles too, in no fixed order; the roles are said once.
    const text = (await verdict.textContent()) ?? '';
    console.log('VERDICT', text);
    expect(text).toMatch(/it lacks the realm role therapist that [^(]+ \(its realm roles: [^)]*patient/);
    expect(text.match(/realm roles:/g)).toHaveLength(1);
    await saveScreenshotAround(
      page,
      'token-patient',
      page.locator('.app-section[data-section=token]'),
      page.locator('header'),
    );
    await saveScreen(
      page,
      'token-patient-cannot-call',
      page.getByRole('region', { name: 'Your token', exact: true }),
    );
  });

  it('counts down to expiry, then Refresh brings a new token with a later exp', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    const countdown = page.getByTestId('countdown');
    await expect.poll(() => countdown.textContent()).toMatch(/^0:0\d left$/);
    const first = await countdown.textContent();
    await expect.poll(() => countdown.textContent()).not.toBe(first);
    await expect
      .poll(() => countdown.textContent(), { timeout: (TTL + 5) * 1000 })
      .toMatch(/^expired 0:\d\d ago$/);
    const before = await expOfShownToken();

    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect.poll(async () => (await expOfShownToken()).jti).not.toBe(before.jti);
    const after = await expOfShownToken();
    expect(after.exp).toBeGreaterThan(before.exp);
    await expect.poll(() => countdown.textContent()).toMatch(/left$/);
    expect(await page.getByText(/What the last refresh changed/).count()).toBe(1);
    await saveScreen(
      page,
      'token-refreshed-timeline',
      page.getByRole('region', { name: 'Your token', exact: true }),
    );
    expect(await page.getByRole('list', { name: 'Session events' }).textContent()).toContain('Refreshed');
  });

  it('case 24: ends the session, explained, when an old refresh token is used again after rotation, and never retries', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    // What a copy of this tab's storage (another tool, a restored backup) would hold.
    const stored = await page.evaluate(() =>
      Object.entries(sessionStorage).find(([key]) => key.startsWith('oidc.local.user:')),
    );
    expect(stored).toBeDefined();
    const before = await expOfShownToken();
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect.poll(async () => (await expOfShownToken()).jti).not.toBe(before.jti);

    await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), stored as [string, string]);
    await page.reload();
    const ended = page.getByRole('alert').filter({ hasText: 'Your session ended' });
    const refresh = page.getByRole('button', { name: 'Refresh', exact: true });
    // The restored token may already be stale, and then the portal renews it on load by itself.
    await ended.or(refresh).first().waitFor();
    if ((await ended.count()) === 0) await refresh.click();
    await expect.poll(() => ended.textContent()).toContain('Maximum allowed refresh token reuse exceeded');
    expect(await ended.textContent()).toContain('had been used before');
    expect(await ended.textContent()).toContain('Your session ended: a refresh token was used twice');
    await ended.getByRole('button', { name: 'Sign in again' }).waitFor();
    // The family is revoked: nothing presents a refresh token again, and a reload is signed out.
    expect(await refresh.isDisabled()).toBe(true);
    expect(await storedRefreshToken(page)).toBeUndefined();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  });

  it('case 23: a session the admin ended ("Session not active") is cleared, Refresh goes off, and the access token still works until exp', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/protocol/openid-connect/token')) posts.push(request.postData() ?? '');
    });
    await stack.endSessions('therapist');
    const refresh = page.getByRole('button', { name: 'Refresh', exact: true });
    await refresh.click();
    const alert = page.getByTestId('session-ended');
    await expect.poll(() => alert.textContent()).toContain('(Session not active)');
    const text = await alert.textContent();
    expect(text).toContain('Your session ended at the realm');
    expect(text).toContain('an admin signed you out');
    expect(text).toMatch(/The access token in hand (still works at the API until its exp|expired at)/);
    await saveScreen(page, 'case-23-session-ended', page.getByRole('main'));
    // The dead session is off storage and nothing can send its refresh token again.
    expect(await storedRefreshToken(page)).toBeUndefined();
    expect(await refresh.isDisabled()).toBe(true);
    expect(await page.getByRole('tab', { name: 'Refresh token' }).count()).toBe(1);
    // The access token in hand, while it lasts, still works at the API (it checks the token only).
    if (/still works/.test(text ?? '')) {
      await openSection(page, 'Call the API');
      await sendExpecting(page, '200 OK');
    }
    expect(posts.filter((body) => body.includes('grant_type=refresh_token'))).toHaveLength(1);
  });

  it('case 20: sends one token request for a double-clicked Refresh', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    const refreshes: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/protocol/openid-connect/token') && request.method() === 'POST') {
        refreshes.push(request.postData() ?? '');
      }
    });
    const before = await expOfShownToken();
    await page.getByRole('button', { name: 'Refresh', exact: true }).dblclick();
    await expect.poll(async () => (await expOfShownToken()).jti).not.toBe(before.jti);
    expect(refreshes.filter((body) => body.includes('grant_type=refresh_token'))).toHaveLength(1);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('case 28: renews a short-lived token automatically before it expires, once per token (no renew storm), and logs it', async () => {
    const { page, stack } = session;
    const refreshes: string[] = [];
    page.on('request', (request) => {
      if (
        request.url().endsWith('/protocol/openid-connect/token') &&
        request.postData()?.includes('grant_type=refresh_token')
      )
        refreshes.push(request.url());
    });
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    const tokens = new Set([(await expOfShownToken()).jti]);
    await page.getByLabel('Auto-refresh before expiry').check();
    // Two renewals of a TTL-second token: each one waits for its token to age, none repeats.
    await expect
      .poll(
        async () => {
          tokens.add((await expOfShownToken()).jti);
          return tokens.size;
        },
        { timeout: (2 * TTL + 5) * 1000 },
      )
      .toBe(3);
    expect(refreshes.length).toBeLessThanOrEqual(tokens.size);
    const events = page.getByRole('list', { name: 'Session events' });
    await expect.poll(() => events.textContent()).toContain('Refreshed automatically');
    // It never let the token run out on the way.
    expect(await events.textContent()).not.toContain('Access token expired');
  });

  it('case 21: drops the tokens a copied tab inherits, so two tabs never share one refresh token', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    const [copy] = await Promise.all([page.waitForEvent('popup'), page.evaluate(() => window.open('/'))]);
    await expect.poll(() => copy.getByRole('status').filter({ hasText: 'opened as a copy' }).count()).toBe(1);
    await copy.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    // The original tab keeps its session and can still refresh.
    const before = await expOfShownToken();
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect.poll(async () => (await expOfShownToken()).jti).not.toBe(before.jti);
  });

  it('case 29: renews an expired token when the page is reloaded, so a reload shows a valid token', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    const countdown = page.getByTestId('countdown');
    await expect.poll(() => countdown.textContent(), { timeout: (TTL + 10) * 1000 }).toMatch(/^expired/);
    await expect.poll(() => page.getByTestId('verdict').textContent()).toContain('it expired');
    await saveScreen(
      page,
      'token-expired-verdict',
      page.getByRole('region', { name: 'Your token', exact: true }),
    );
    const before = await expOfShownToken();

    await page.reload();
    await expect.poll(async () => (await expOfShownToken()).jti).not.toBe(before.jti);
    await expect.poll(() => countdown.textContent()).toMatch(/left$/);
    expect(await page.getByTestId('verdict').textContent()).toContain(
      'This token can call the API right now',
    );
    const events = page.getByRole('list', { name: 'Session events' });
    await expect
      .poll(() => events.textContent())
      .toContain('Refreshed automatically: the token was stale when the page loaded');
    await saveScreen(
      page,
      'token-renewed-on-reload',
      page.getByRole('region', { name: 'Your token', exact: true }),
    );
  });

  it('case 29: a page opened with an expired token and a dead refresh token ends the session, once, and signs in again', async () => {
    const { page, stack } = session;
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    const refreshToken = await storedRefreshToken(page);
    expect(refreshToken).toBeTruthy();
    // The realm ends the session behind the portal's back (RFC 7009 revocation).
    const revoked = await fetch(`${stack.issuer}/protocol/openid-connect/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refreshToken ?? '', client_id: 'abrumet-portal' }),
    });
    expect(revoked.status).toBe(200);
    await expect
      .poll(() => page.getByTestId('countdown').textContent(), { timeout: (TTL + 10) * 1000 })
      .toMatch(/^expired/);

    await page.reload();
    const ended = page.getByRole('alert').filter({ hasText: 'Your session ended' });
    await expect.poll(() => ended.count()).toBe(1);
    expect(await ended.textContent()).toContain('the realm refused the refresh token');
    expect(await ended.textContent()).toContain('The access token in hand expired at');
    expect(await page.getByRole('button', { name: 'Refresh', exact: true }).isDisabled()).toBe(true);
    await saveScreen(page, 'session-ended', ended);
    // Revoking a refresh token ends the realm session too (Keycloak does; the embedded IdP as well).
    expect(await ended.textContent()).toContain('Session not active');
    // Signing in again happens in a pop-up: the page, and what it holds in memory, stays.
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      ended.getByRole('button', { name: 'Sign in again' }).click(),
    ]);
    await signInInPopup(popup, 'therapist');
    await expect.poll(() => page.getByTestId('countdown').textContent()).toMatch(/left$/);
  });

  it('goes by the token, not by an expires_in that disagrees with it, and says so', async () => {
    const { page, stack } = session;
    // A gateway (or IdP) in front of the token endpoint announces an hour for a token of a few seconds.
    await page.route(`${stack.issuer}/protocol/openid-connect/token`, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...body, expires_in: 3600 } });
    });
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    const countdown = page.getByTestId('countdown');
    await expect.poll(() => countdown.textContent()).toMatch(/^(0:0\d left|expired 0:\d\d ago)$/);
    const mismatch = page.getByTestId('expires-in-mismatch');
    await expect.poll(() => mismatch.textContent()).toContain('(expires_in 3600)');
    expect(await mismatch.textContent()).toContain(`the token itself says ${TTL} s (exp − iat)`);
    expect(await page.getByTestId('skew').count()).toBe(0);
    await saveScreen(
      page,
      'token-expires-in-mismatch',
      page.getByRole('region', { name: 'Your token', exact: true }),
    );
    // And it does not stay valid for an hour: it expires when the token says.
    await expect.poll(() => countdown.textContent(), { timeout: (TTL + 10) * 1000 }).toMatch(/^expired/);
  });

  it('says so when a refresh returns the very token the tab already has', async () => {
    const { page, stack } = session;
    // A caching gateway in front of the token endpoint answers every refresh with the first answer.
    let first: Record<string, unknown> | undefined;
    await page.route(`${stack.issuer}/protocol/openid-connect/token`, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as Record<string, unknown>;
      first ??= body;
      await route.fulfill({ response, json: first });
    });
    await signInThroughPage(page, stack.portalUrl, 'therapist');
    await page.getByTestId('verdict').waitFor();
    const before = await expOfShownToken();
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    const unchanged = page.getByTestId('refresh-unchanged');
    await expect
      .poll(() => unchanged.textContent())
      .toContain('The realm answered the refresh with the same access token: nothing changed');
    expect((await expOfShownToken()).jti).toBe(before.jti);
    const events = page.getByRole('list', { name: 'Session events' });
    expect(await events.textContent()).toContain('Refresh returned the same access token: nothing changed');
    await saveScreen(
      page,
      'refresh-unchanged',
      page.getByRole('region', { name: 'Your token', exact: true }),
    );
  });
});
