import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../devstack/freePort.ts';
import { createExpressApi } from '../devstack/resourceServers/expressApi.ts';
import { createGoApi, goPrerequisites } from '../devstack/resourceServers/goApi.ts';
import { createNginxGateway } from '../devstack/resourceServers/nginxGateway.ts';
import { createOauth2Proxy, oauth2ProxyPrerequisites } from '../devstack/resourceServers/oauth2Proxy.ts';
import type { ResourceServer, ResourceServerOptions } from '../devstack/resourceServers/resourceServer.ts';
import { createSpringApi, springPrerequisites } from '../devstack/resourceServers/springApi.ts';
import { launchBrowser } from './support/browser.ts';
import { withLocal } from './support/configEdits.ts';
import { findNginx } from './support/nginx.ts';
import {
  type CaseId,
  EXPECTED,
  normalizeTitle,
  type Seen,
  type ServerId,
} from './support/resourceServerCases.ts';
import { saveScreen } from './support/screenshot.ts';
import { openSection } from './support/sections.ts';
import { signInThroughPage } from './support/signInThroughPage.ts';
import { type Stack, startStack } from './support/stack.ts';

/*
 * Issue 20: the request pane's explanations against real resource servers and gateways, each built
 * with its ecosystem's own library and default error handling, with one table of cases
 * (support/resourceServerCases.ts). Against the embedded IdP every server runs; against the real
 * Keycloak (project "browser-keycloak"), the Spring one, the stack Keycloak shops run.
 */

/** Short-lived tokens, so "Send when it expires" comes within the test; every server's leeway is 0. */
const TTL = 20;
const keycloak = process.env.ABRUMET_TEST_IDP === 'keycloak';
const missing = {
  spring: springPrerequisites(),
  go: goPrerequisites(),
  proxy: oauth2ProxyPrerequisites(),
  nginx: findNginx() ? undefined : 'no nginx',
};

const eventually = <T>(read: () => Promise<T> | T, timeout = 30_000) => expect.poll(read, { timeout });
const response = (page: Page) => page.getByRole('region', { name: 'Response', exact: true });

const CHOICES = {
  current: 'Current access token',
  none: 'No token',
  expired: 'Expired token',
  tampered: 'Tampered signature',
  id: 'ID token instead',
} as const;
type Choice = keyof typeof CHOICES;

/** Reads the answer the pane shows for the request it sent to `url` with `choice`. */
async function seen(page: Page, url: string, choice: Choice, timeout?: number): Promise<Seen> {
  const shown = response(page);
  const sent = shown.locator('.rq-response__sent');
  await eventually(async () => ((await sent.count()) > 0 ? await sent.textContent() : ''), timeout).toContain(
    `GET ${url} — ${CHOICES[choice]}`,
  );
  const verdict = shown.locator('.rq-response__verdict');
  const title = (await verdict.locator('.callout__title').textContent()) ?? '';
  return {
    status: (await shown.getByTestId('response-status').textContent()) ?? '',
    kind: (await verdict.getAttribute('data-kind')) ?? '',
    title: normalizeTitle(title.replace(/^[✓ℹ⚠✕]\s*/, '')),
  };
}

/**
 * Sends GET `url` with `choice` from Call the API as a user does, answering an origin confirmation.
 * `accept: false` unticks the draft's "Accept: application/json", as a browser navigation sends none.
 */
async function sendCase(page: Page, url: string, choice: Choice, { accept = true } = {}): Promise<Seen> {
  // A fresh token for the sends that use the current one: the tokens here live TTL seconds.
  if (choice !== 'none' && choice !== 'expired') await refresh(page);
  await openSection(page, 'Call the API');
  await page.getByRole('textbox', { name: /^URL/ }).fill(url);
  await page.getByRole('radio', { name: new RegExp(`^${CHOICES[choice]}`) }).check();
  await page.getByRole('checkbox', { name: 'Send header 1' }).setChecked(accept);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await confirmIfAsked(page);
  return seen(page, url, choice);
}

async function confirmIfAsked(page: Page) {
  const dialog = page.getByRole('alertdialog');
  // (A token without the preset's role is no longer asked about: a warning stands beside Send.)
  const sendIt = dialog.getByRole('button', { name: /^Send the token to / });
  // The dialog, if any, comes at once with the click; the answer's region otherwise.
  await Promise.race([sendIt.first().waitFor(), response(page).waitFor()]).catch(() => {});
  if ((await sendIt.count()) > 0) await sendIt.first().click();
}

/** Refreshes in the Token section. */
async function refresh(page: Page) {
  await openSection(page, 'Token');
  const raw = page.getByTestId('raw-token').first();
  const before = await raw.textContent();
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await eventually(() => raw.textContent()).not.toBe(before);
}

/** An upstream that never answers in time (nginx's 504). */
async function silentUpstream(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let stack: Stack;
let browser: Browser;
/** Origins config.json lists for the Local API (no confirmation, and in the CSP's connect-src). */
const apiOrigins: string[] = [];
const closers: Array<() => Promise<void>> = [];
const servers = new Map<ServerId | 'spring-aud' | 'express-aud' | 'go-aud', ResourceServer>();

async function start(id: Parameters<typeof servers.set>[0], server: Promise<ResourceServer>) {
  const started = await server;
  closers.push(started.close);
  servers.set(id, started);
  apiOrigins.push(started.url);
  return started;
}
const url = (id: Parameters<typeof servers.get>[0], path: string) => `${servers.get(id)?.url}${path}`;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startStack({
      accessTokenTtl: TTL,
      editConfig: withLocal((local) => ({
        ...local,
        api: { ...(local.api as object), clockLeewaySeconds: 0, allowedOrigins: apiOrigins },
      })),
    }),
    launchBrowser(),
  ]);
  const base = (audience?: string): ResourceServerOptions => ({
    issuer: stack.issuer,
    allowedOrigins: [stack.portalUrl],
    clockLeewaySeconds: 0,
    ...(audience ? { audience } : {}),
  });
  // One JVM at a time: two cores.
  if (missing.spring === undefined) {
    await start('spring', createSpringApi(base()));
    await start('spring-aud', createSpringApi(base('another-api')));
  }
  if (keycloak) return;
  await start('express', createExpressApi(base()));
  await start('express-aud', createExpressApi(base('another-api')));
  if (missing.go === undefined) {
    await start('go', createGoApi(base()));
    await start('go-aud', createGoApi(base('another-api')));
  }
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await Promise.allSettled(closers.reverse().map((close) => close()));
  await stack?.close();
});

async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInThroughPage(page, stack.portalUrl, username);
  await page.getByTestId('verdict').waitFor();
  return { context, page };
}

const RESOURCE_SERVERS: Array<{ id: 'spring' | 'express' | 'go'; skip: string | undefined }> = [
  { id: 'spring', skip: missing.spring },
  { id: 'express', skip: keycloak ? 'embedded IdP only' : undefined },
  { id: 'go', skip: keycloak ? 'embedded IdP only' : missing.go },
];

describe('the request pane against real resource servers', () => {
  for (const { id, skip } of RESOURCE_SERVERS) {
    it.skipIf(skip !== undefined)(
      `explains every answer of the ${id} resource server truthfully`,
      async () => {
        const observed: Partial<Record<CaseId, Seen>> = {};
        const therapist = await signedIn('therapist');
        const patient = await signedIn('patient');
        try {
          const { page } = therapist;
          observed.accepted = await sendCase(page, url(id, '/api/v1/patients'), 'current');
          observed['no-token'] = await sendCase(page, url(id, '/api/v1/me'), 'none');
          observed.tampered = await sendCase(page, url(id, '/api/v1/me'), 'tampered');
          observed['id-token'] = await sendCase(page, url(id, '/api/v1/me'), 'id');
          observed['wrong-audience'] = await sendCase(page, url(`${id}-aud`, '/api/v1/me'), 'current');
          observed['missing-role'] = await sendCase(patient.page, url(id, '/api/v1/patients'), 'current');
          await saveScreen(patient.page, `resource-server-${id}-missing-role`, response(patient.page));

          // "Send when it expires": exp + the configured leeway (0 here, as the servers') + margin.
          const expiredUrl = url(id, '/api/v1/me');
          await page.getByRole('textbox', { name: /^URL/ }).fill(expiredUrl);
          await page.getByRole('button', { name: 'Send when it expires' }).click();
          observed.expired = await seen(page, expiredUrl, 'expired', (TTL + 30) * 1000);
          await saveScreen(page, `resource-server-${id}-expired`, response(page));
        } finally {
          await therapist.context.close();
          await patient.context.close();
        }
        expect(observed).toEqual(EXPECTED[id]);
      },
    );
  }
});

describe.skipIf(keycloak)('the request pane against gateways, and without a server', () => {
  it.skipIf(missing.nginx !== undefined)('explains nginx in front of the API: 200, 502, 504', async () => {
    const express = servers.get('express');
    const silent = await silentUpstream();
    closers.push(silent.close);
    const cors = { corsOrigins: [stack.portalUrl] };
    const pass = await start('nginx', createNginxGateway({ upstream: express?.url ?? '', ...cors }));
    const down = await start(
      'nginx',
      createNginxGateway({ upstream: `http://127.0.0.1:${await freePort()}`, ...cors }),
    );
    const slow = await start(
      'nginx',
      createNginxGateway({ upstream: silent.url, readTimeoutSeconds: 1, ...cors }),
    );
    const { context, page } = await signedIn('therapist');
    try {
      const observed = {
        accepted: await sendCase(page, `${pass.url}/api/v1/patients`, 'current'),
        'gateway-502': await sendCase(page, `${down.url}/api/v1/patients`, 'current'),
        'gateway-504': await sendCase(page, `${slow.url}/api/v1/patients`, 'current'),
      };
      expect(observed).toEqual(EXPECTED.nginx);
    } finally {
      await context.close();
    }
  });

  it.skipIf(missing.proxy !== undefined || missing.nginx !== undefined)(
    'explains an SSO gateway: its redirect, its login page in place, and its answers without CORS',
    async () => {
      const express = servers.get('express')?.url ?? '';
      const proxy = (mode: 'redirect' | 'sign-in-page') =>
        createOauth2Proxy({ issuer: stack.issuer, upstream: express, mode, clientId: 'abrumet-gateway' });
      const cors = { corsOrigins: [stack.portalUrl] };
      const redirecting = await start('oauth2-proxy', proxy('redirect'));
      const signInPage = await start('oauth2-proxy', proxy('sign-in-page'));
      const front = async (upstream: ResourceServer) =>
        start('nginx', createNginxGateway({ upstream: upstream.url, ...cors }));
      const [redirectFront, pageFront] = [await front(redirecting), await front(signInPage)];
      const { context, page } = await signedIn('therapist');
      try {
        // oauth2-proxy answers a JSON client 401 {}; a browser-like request gets its redirect or page.
        const observed = {
          'sso-api': await sendCase(page, `${redirectFront.url}/api/v1/patients`, 'current'),
          'sso-redirect': await sendCase(page, `${redirectFront.url}/api/v1/me`, 'current', {
            accept: false,
          }),
          'sso-page': await sendCase(page, `${pageFront.url}/api/v1/me`, 'current', { accept: false }),
        };
        await saveScreen(page, 'resource-server-sso-page', response(page));
        const bare = {
          'sso-redirect': await sendCase(page, `${redirecting.url}/api/v1/patients`, 'current'),
          'sso-page': await sendCase(page, `${signInPage.url}/api/v1/patients`, 'current'),
        };
        expect({ observed, bare }).toEqual({
          observed: EXPECTED['oauth2-proxy'],
          bare: EXPECTED['oauth2-proxy-bare'],
        });
      } finally {
        await context.close();
      }
    },
  );

  it("explains an API that is down, and an origin the portal's CSP does not allow", async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    apiOrigins.push(down);
    // A live API the portal's config does not name: the CSP blocks it, whatever the user confirms.
    const unlisted = await createExpressApi({ issuer: stack.issuer, allowedOrigins: [stack.portalUrl] });
    closers.push(unlisted.close);
    const { context, page } = await signedIn('therapist');
    try {
      const observed = {
        'api-down': await sendCase(page, `${down}/api/v1/me`, 'current'),
        'csp-blocked': await sendCase(page, `${unlisted.url}/api/v1/me`, 'current'),
      };
      await saveScreen(page, 'resource-server-csp-blocked', response(page));
      expect(observed).toEqual(EXPECTED.none);
    } finally {
      await context.close();
    }
  });
});
