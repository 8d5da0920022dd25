import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { freePort } from '../devstack/freePort.ts';
import { keycloakAdmin } from '../devstack/keycloak/admin.ts';
import { launchBrowser } from './support/browser.ts';
import { runningKeycloak, testIdp } from './support/idpUnderTest.ts';
import { type Running, start } from './support/runSnippet.ts';
import { saveScreen } from './support/screenshot.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';

/*
 * ACCESS_TOKEN_TTL as a developer uses it, through the start command itself (devstack/start.ts, as
 * `npm start` and `npm run start:keycloak` run it): in the "browser" project with the embedded IdP,
 * in "browser-keycloak" with the run's Keycloak handed over as KEYCLOAK_URL (a Keycloak you already
 * run) and its admin, so no second Keycloak starts on a 2-core machine.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TTL = 30;
const idp = testIdp();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Ports of its own for each server, so a run never takes the defaults a developer's npm start uses. */
async function freePorts() {
  const [portal, api, idpPort] = await Promise.all([freePort(), freePort(), freePort()]);
  return { PORTAL_PORT: String(portal), API_PORT: String(api), IDP_PORT: String(idpPort) };
}

/** Stops the command as Ctrl-C does (the realm registration is undone then), and waits for it. */
async function stop(command: Running) {
  if (command.child.exitCode !== null) return;
  command.child.kill('SIGINT');
  await command.exit;
}

/**
 * The command of this project's IdP with `env`: `npm start`, or `npm run start:keycloak` pointed at
 * the run's Keycloak (KEYCLOAK_URL: never a second Keycloak), with its admin unless `admin` is false.
 */
function run(env: Record<string, string>, { admin = true } = {}): Running {
  const keycloak = idp === 'keycloak' ? runningKeycloak() : undefined;
  const command = start(
    process.execPath,
    ['--import', 'tsx', 'devstack/start.ts', ...(keycloak ? ['--keycloak'] : [])],
    {
      ...env,
      ...(keycloak ? { KEYCLOAK_URL: keycloak.url } : {}),
      ...(keycloak && admin
        ? {
            KC_BOOTSTRAP_ADMIN_USERNAME: keycloak.adminCredentials.username,
            KC_BOOTSTRAP_ADMIN_PASSWORD: keycloak.adminCredentials.password,
          }
        : {}),
    },
    ROOT,
  );
  onTestFinished(() => stop(command));
  return command;
}

async function startCommand(env: Record<string, string>) {
  const command = run(env);
  // Its banner ends with this line once everything listens; an early exit says why.
  await expect
    .poll(
      () => {
        if (command.child.exitCode !== null) throw new Error(`exited:\n${command.stderr()}`);
        return command.stdout();
      },
      { timeout: 60_000 },
    )
    .toContain('Ctrl-C stops everything.');
  return command;
}

describe(`ACCESS_TOKEN_TTL=${TTL} ${idp === 'keycloak' ? 'npm run start:keycloak' : 'npm start'}`, () => {
  it("the portal's access tokens live 30 s, and the banner says so", async () => {
    const ports = await freePorts();
    const keycloak = idp === 'keycloak' ? runningKeycloak() : undefined;
    const command = await startCommand({ ACCESS_TOKEN_TTL: String(TTL), ...ports });
    expect(command.stdout()).toContain(`Tokens  access tokens live ${TTL} s (ACCESS_TOKEN_TTL`);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    onTestFinished(() => context.close());
    const page = await context.newPage();
    const portalUrl = `http://127.0.0.1:${ports.PORTAL_PORT}`;
    await signInThroughPage(page, `${portalUrl}/`, 'therapist');
    // The countdown says the token's whole life (exp − iat) beside the time left.
    const lifetime = page.getByTestId('countdown').locator('..');
    await expect.poll(() => lifetime.textContent(), { timeout: 60_000 }).toContain(`of ${TTL} s`);
    await saveScreen(
      page,
      `access-token-ttl-${idp}`,
      page.getByRole('region', { name: 'Your token', exact: true }),
    );

    if (keycloak) {
      // Ctrl-C puts the Keycloak's client back as it was: the run's other tests keep 5-minute tokens.
      await stop(command);
      const admin = keycloakAdmin({ baseUrl: keycloak.url, ...keycloak.adminCredentials });
      const client = await admin.client('abrumet', 'abrumet-portal');
      expect(client.attributes['access.token.lifespan'] ?? '').toBe('');
      expect(client.webOrigins).not.toContain(portalUrl);
    }
  });

  it('a value that is not a number of seconds stops the command, saying so, instead of being ignored', async () => {
    const command = run({ ACCESS_TOKEN_TTL: '30s', ...(await freePorts()) });
    await expect.poll(() => command.child.exitCode, { timeout: 30_000 }).toBe(1);
    expect(command.stderr()).toContain('ACCESS_TOKEN_TTL=30s is not a whole number of seconds');
  });

  it.runIf(idp === 'keycloak')(
    'with KEYCLOAK_URL and no admin of that Keycloak, it stops, saying what to set, instead of ignoring the TTL',
    async () => {
      const command = run({ ACCESS_TOKEN_TTL: String(TTL), ...(await freePorts()) }, { admin: false });
      await expect.poll(() => command.child.exitCode, { timeout: 30_000 }).toBe(1);
      expect(command.stderr()).toContain('set KC_BOOTSTRAP_ADMIN_USERNAME and KC_BOOTSTRAP_ADMIN_PASSWORD');
    },
  );
});
