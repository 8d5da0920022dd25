import { describe, expect, it, onTestFinished } from 'vitest';
import { edits, withLocal } from './support/configEdits.ts';
import { saveScreen } from './support/screenshot.ts';
import { setupBrowserSession } from './support/session.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';
import { startStack } from './support/stack.ts';

/*
 * The catalogue's cases about the realm itself (README: Security), against both IdPs: what it
 * enforces (PKCE), and a portal that never trusts a realm that names another issuer, does not
 * answer discovery, or never answers the code exchange.
 */

const session = setupBrowserSession();

describe('the realm, before anyone signs in', () => {
  it('case 8: the realm enforces PKCE: no code challenge, or a plain one, is refused', async () => {
    const { stack } = session;
    const ask = async (params: Record<string, string>) => {
      const query = new URLSearchParams({
        client_id: 'abrumet-portal',
        redirect_uri: `${stack.portalUrl}/callback/local`,
        response_type: 'code',
        scope: 'openid',
        state: 'probe',
        ...params,
      });
      const response = await fetch(`${stack.issuer}/protocol/openid-connect/auth?${query}`, {
        redirect: 'manual',
      });
      return new URL(response.headers.get('location') ?? 'http://none/').searchParams;
    };
    const without = await ask({});
    expect([without.get('error'), without.get('error_description')]).toEqual([
      'invalid_request',
      'Missing parameter: code_challenge_method',
    ]);
    const plain = await ask({ code_challenge: 'p'.repeat(43), code_challenge_method: 'plain' });
    expect(plain.get('error')).toBe('invalid_request');
  });

  it('case 10: a realm whose discovery names another issuer is not signed in to at all', async () => {
    const { page, stack } = session;
    const other = 'https://acc.auth.abrumet.example/auth/realms/abrumet';
    await page.route(`${stack.issuer}/.well-known/openid-configuration`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...((await response.json()) as object), issuer: other } });
    });
    const authorize: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/protocol/openid-connect/auth')) authorize.push(request.url());
    });
    await page.goto(stack.portalUrl);
    const panel = page.getByRole('alert').filter({ hasText: 'Signing in to Local is stopped' });
    await expect.poll(() => panel.count()).toBe(1);
    expect(await panel.textContent()).toContain('The realm names another issuer than the one configured');
    expect(await panel.textContent()).toContain(`the realm says ${other}`);
    expect(await page.getByRole('button', { name: /sign in/i }).count()).toBe(0);
    expect(authorize).toEqual([]);
    await saveScreen(page, 'case-10-issuer', panel);
  });

  it('case 10: unreachable discovery is an explicit configuration error, not a guessed issuer', async () => {
    const { page } = session;
    const broken = await startStack({
      editConfig: withLocal((local) => ({ ...local, authority: 'http://127.0.0.1:9/auth/realms/abrumet' })),
    });
    onTestFinished(() => broken.close());
    await page.goto(broken.portalUrl);
    const panel = page.getByRole('alert').filter({ hasText: 'cannot work yet' });
    await expect.poll(() => panel.textContent()).toContain('The realm did not answer');
  });

  it('case 27: a code exchange the realm never answers stops at realmTimeoutSeconds, explained', async () => {
    const { page } = session;
    const slow = await startStack({
      editConfig: edits(withLocal((local) => ({ ...local, realmTimeoutSeconds: 3 }))),
    });
    onTestFinished(() => slow.close());
    const hanging: Array<() => void> = [];
    await page.route(`${slow.issuer}/protocol/openid-connect/token`, (route) => {
      // Never answered: the route is only let go (aborted) when the test ends.
      hanging.push(() => void route.abort().catch(() => {}));
    });
    onTestFinished(() => {
      for (const release of hanging) release();
    });
    await signInThroughPage(page, slow.portalUrl, 'therapist');
    const alert = page.getByRole('alert').filter({ hasText: 'The realm did not answer in time' });
    await expect.poll(() => alert.count(), { timeout: 30_000 }).toBe(1);
    expect(await alert.textContent()).toContain('Network timed out');
    expect(await page.getByText('Checking your sign-in…').count()).toBe(0);
    expect(await alert.getByRole('button', { name: 'Sign in again' }).count()).toBe(1);
    expect(hanging.length).toBe(1);
  });
});
