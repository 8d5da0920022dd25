import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { build } from 'vite';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DEVICE_CLIENT_ID, PORTAL_CLIENT_ID } from '../devstack/clients.ts';
import { signIn } from '../devstack/testing/signIn.ts';
import { approveDevice } from './support/approveDevice.ts';
import { httpAnswer, recordingSleep, runShell, snippetFolder, start } from './support/runSnippet.ts';
import { saveScreen, saveScreenshotAround } from './support/screenshot.ts';
import { openSection, shownSection } from './support/sections.ts';
import { setupBrowserSession } from './support/session.ts';
import { startStack } from './support/stack.ts';

/**
 * The "Integrate a client" guide, proven by running what it shows: the curl scripts of a service
 * (client credentials) and of a command-line tool (device authorization, the user approving in the
 * browser), the single-page app's oidc-client-ts code, and the API team's token check, copied from
 * the page for the Local environment and run against the local realm: the embedded IdP and a real
 * Keycloak alike.
 */
const session = setupBrowserSession();

const GUIDE_TITLE = 'Integrate a client: the advised flow, settings and code for each kind of client';
/** The guide: the Integrate section's one region, open (no longer a collapsed <details>). */
const guideOf = (page: Page) => page.getByRole('region', { name: GUIDE_TITLE, exact: true });
const guideTitle = (guide: Locator) => guide.getByRole('heading', { name: GUIDE_TITLE, exact: true });

/** Opens the guide for a kind of client and waits until its URLs come from the realm's discovery. */
async function openGuide(page: Page, portalUrl: string, kind: string, clientId: string): Promise<Locator> {
  await page.goto(portalUrl);
  await openSection(page, 'Integrate');
  const guide = guideOf(page);
  await guide.getByRole('radio', { name: kind }).check();
  await guide.getByLabel('Client ID').fill(clientId);
  await guide.getByLabel('Client ID').blur();
  const endpoints = guide.getByRole('table', { name: 'Endpoints for this client' });
  await expect.poll(() => endpoints.getAttribute('data-source')).toBe('discovery');
  return guide;
}

/** The code of a snippet, as its Copy button copies it. */
const code = async (guide: Locator, title: RegExp) =>
  (await guide.getByRole('figure', { name: title }).locator('pre').textContent()) ?? '';

describe('the guide', () => {
  it('opens from the Realm panel and from the registration form: the Integrate section, open, its address #integrate', async () => {
    const { page, stack } = session;
    await page.goto(stack.portalUrl);
    await openSection(page, 'Realm');
    const guide = guideOf(page);
    /** The guide is the section on screen, its title in view, and the address names it. */
    const guideShown = async () => {
      await guideTitle(guide).waitFor();
      expect(new URL(page.url()).hash).toBe('#integrate');
      expect(await shownSection(page).getAttribute('data-section')).toBe('integrate');
      expect(await guideTitle(guide).evaluate((title) => title.getBoundingClientRect().top)).toBeLessThan(
        await page.evaluate(() => window.innerHeight),
      );
    };

    const realm = page.getByRole('region', { name: 'Realm configuration' });
    await realm.getByRole('link', { name: 'Integrate a client' }).click();
    await guideShown();

    // Back is the Realm section again, and its registration form links to the guide too.
    await page.goBack();
    await realm.waitFor();
    expect(await guide.isVisible()).toBe(false);
    await page.getByText('Register a client with the realm admin').click();
    await shownSection(page).getByRole('link', { name: 'Integrate a client' }).last().click();
    await guideShown();
  });
});

describe('client credentials (a service calling the API without a user)', () => {
  it("runs the guide's curl script: a token for the service's own account, which the API accepts", async () => {
    const { page, stack } = session;
    const service = stack.serviceClient;
    if (service === undefined) throw new Error('the local realm names its service client');
    const guide = await openGuide(page, stack.portalUrl, 'Service without a user', service.clientId);
    const script = await code(guide, /^curl: client credentials/);
    // The secret is a placeholder: the developer sets it, the page never shows it.
    expect(script).toContain('$CLIENT_SECRET');
    expect(script).not.toContain(service.secret);
    await saveScreenshotAround(
      page,
      'integrate-service',
      guide.getByRole('table', { name: 'Keycloak client settings' }),
      guideTitle(guide),
    );

    const run = runShell(script, { CLIENT_SECRET: service.secret });
    expect(await run.exit, run.stderr()).toBe(0);
    expect(run.stderr()).toMatch(new RegExp(`Got a token for ${service.clientId}, valid for \\d+ s`));
    expect(httpAnswer(run.stdout())).toMatchObject({
      status: 200,
      body: { preferred_username: `service-account-${service.clientId}`, azp: service.clientId },
    });

    // A wrong secret: the script stops with the realm's own words, and calls nothing.
    const refused = runShell(script, { CLIENT_SECRET: 'not-the-secret' });
    expect(await refused.exit).toBe(1);
    expect(refused.stderr()).toContain('The realm refused');
    expect(refused.stderr()).toContain('Invalid client or Invalid client credentials');
    expect(refused.stdout()).toBe('');
  });
});

describe('device authorization (a command-line tool)', () => {
  it("runs the guide's curl script: the user approves in the browser, the script polls at the realm's interval, then calls the API as the user", async () => {
    const { page, stack } = session;
    const guide = await openGuide(
      page,
      stack.portalUrl,
      'Command-line tool or device without a browser',
      DEVICE_CLIENT_ID,
    );
    const script = await code(guide, /^curl: device authorization/);
    await saveScreenshotAround(
      page,
      'integrate-device',
      guide.getByRole('figure', { name: 'curl: device authorization' }),
      guide.getByRole('heading', { name: /^Code: / }),
    );
    await saveScreen(page, 'integrate-device', guide);

    const dir = snippetFolder();
    const sleep = recordingSleep(dir);
    const run = runShell(script, { PATH: sleep.path }, dir);
    await expect.poll(run.stderr, { timeout: 30_000 }).toMatch(/^Open \S+/m);
    const url = /^Open (\S+)/m.exec(run.stderr())?.[1] ?? '';
    expect(url).toContain(`${stack.issuer}/device`);
    // The script has asked once and heard "not yet" before the user approves.
    await expect.poll(run.stderr, { timeout: 30_000 }).toContain('authorization_pending');
    await approveDevice(page, url, 'therapist');

    expect(await run.exit, run.stderr()).toBe(0);
    expect(httpAnswer(run.stdout())).toMatchObject({
      status: 200,
      body: { preferred_username: 'therapist', azp: DEVICE_CLIENT_ID },
    });
    // RFC 8628 §3.5: every wait before a poll is the realm's interval, and the realm never said slow_down.
    const interval = /every (\d+) s/.exec(run.stderr())?.[1];
    const sleeps = readFileSync(sleep.log, 'utf8').trim().split('\n');
    expect(sleeps.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sleeps)).toEqual(new Set([interval]));
    expect(run.stderr()).not.toContain('slow_down');
  });
});

describe('single-page app', () => {
  it("builds the guide's oidc-client-ts code into an app that signs in and calls the API", async () => {
    const { page } = session;
    // The app is served from a folder of its own, registered with the realm like the portal; it is
    // built once its address (the callback in the code) is known.
    const dir = snippetFolder();
    const stack = await startStack({ extraPortals: [{ root: join(dir, 'dist') }] });
    onTestFinished(() => stack.close());
    const appUrl = stack.extraPortalUrls[0] ?? '';
    const guide = await openGuide(page, stack.portalUrl, 'Single-page app (browser)', PORTAL_CLIENT_ID);
    await guide.getByLabel('Callback URI').fill(`${appUrl}/callback/local`);
    const main = await code(guide, /^TypeScript: oidc-client-ts/);
    expect(main).toContain(`redirect_uri: '${appUrl}/callback/local'`);

    writeFileSync(join(dir, 'main.ts'), main);
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>SPA</title><script type="module" src="./main.ts"></script>',
    );
    await build({
      root: dir,
      configFile: false,
      logLevel: 'warn',
      build: { outDir: 'dist', target: 'es2022' },
    });

    await page.goto(appUrl);
    await page.getByLabel('Username').fill('therapist');
    await page.getByLabel('Password', { exact: true }).fill('therapist');
    await page.getByRole('button', { name: 'Sign In' }).click();
    await expect
      .poll(() => page.locator('body').textContent(), { timeout: 15_000 })
      .toMatch(/^The API answered 200: /);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('body').textContent()).toContain('"preferred_username":"therapist"');
  });
});

describe('token validation (the API team)', () => {
  it("answers with the guide's Node code as the API does: a therapist's token 200, a patient's 403, an ID token, a tampered one and none 401", async () => {
    const { page, stack } = session;
    const guide = await openGuide(page, stack.portalUrl, 'Single-page app (browser)', PORTAL_CLIENT_ID);
    const dir = snippetFolder();
    writeFileSync(join(dir, 'authorize.mjs'), await code(guide, /^Node: jose/));
    await saveScreenshotAround(
      page,
      'integrate-api-team',
      guide.getByRole('figure', { name: 'Node: jose' }),
      guide.getByRole('heading', { name: 'For the API team: validating these tokens' }),
    );

    const user = (username: string) =>
      signIn({
        idp: stack,
        clientId: PORTAL_CLIENT_ID,
        redirectUri: `${stack.portalUrl}/callback/local`,
        username,
        password: username,
      });
    const [therapist, patient] = await Promise.all([user('therapist'), user('patient')]);
    const [head, body, signature] = therapist.access_token.split('.');
    const tampered = `${head}.${body}.${signature?.startsWith('A') ? 'B' : 'A'}${signature?.slice(1)}`;

    /** The guide's authorize() in Node, and the demo API, on the same Authorization header. */
    const answers = async (authorization: string | undefined) => {
      const run = start(
        'node',
        [
          '--input-type=module',
          '-e',
          "const { authorize } = await import('./authorize.mjs'); console.log(JSON.stringify(await authorize(process.env.AUTHORIZATION)));",
        ],
        authorization ? { AUTHORIZATION: authorization } : {},
        dir,
      );
      expect(await run.exit, run.stderr()).toBe(0);
      const api = await fetch(`${stack.apiUrl}/api/v1/patients`, {
        headers: authorization ? { Authorization: authorization } : {},
      });
      return {
        guide: JSON.parse(run.stdout()) as { status: number; wwwAuthenticate?: string },
        api: api.status,
      };
    };
    const cases: Array<[string | undefined, number, string]> = [
      [`Bearer ${therapist.access_token}`, 200, ''],
      [`Bearer ${patient.access_token}`, 403, 'error="insufficient_scope"'],
      [`Bearer ${therapist.id_token}`, 401, 'error="invalid_token"'],
      [`Bearer ${tampered}`, 401, 'error="invalid_token"'],
      [undefined, 401, 'Bearer realm="abrumet"'],
    ];
    for (const [authorization, status, challenge] of cases) {
      const { guide: answer, api } = await answers(authorization);
      expect({ status: answer.status, api }).toEqual({ status, api: status });
      expect(answer.wwwAuthenticate ?? '').toContain(challenge);
    }
  });
});
