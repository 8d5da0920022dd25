import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../devstack/freePort.ts';
import { launchBrowser } from './support/browser.ts';
import { testDist } from './support/buildPortal.ts';
import { mainPathProblems } from './support/cleanRun.ts';
import { findNginx, type Nginx, startNginx } from './support/nginx.ts';
import { type Stack, startStack } from './support/stack.ts';

/**
 * The deployment README describes, for real: a production build behind Debian's nginx with the
 * shipped deploy/nginx/abrumet-portal.conf and the headers generated from config.json. Without
 * nginx, vite.config.ts leaves this file out and npm test says so in its last lines.
 */
const nginxBinary = findNginx();
if (nginxBinary === undefined) throw new Error('no nginx: this file runs only where findNginx() finds one');

let stack: Stack;
let nginx: Nginx;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  stack = await startStack({ externalPortal: `http://127.0.0.1:${port}` });
  [nginx, browser] = await Promise.all([
    startNginx(nginxBinary, { dist: testDist(), port, configJson: stack.configText() }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await nginx?.close();
  await stack?.close();
});

const get = (path: string) => fetch(`${nginx.url}${path}`, { redirect: 'manual' });

describe('the portal behind nginx (deploy/nginx/abrumet-portal.conf)', () => {
  it('answers the sign-in callback path with the app (SPA fallback), as HTML with status 200', async () => {
    const response = await get('/callback/local?code=x&state=y');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<div id="root">');
  });

  it('caches content-hashed assets for a year, and never caches config.json', async () => {
    const html = await (await get('/')).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
    expect((await get(asset)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/config.json')).headers.get('cache-control')).toBe('no-store');
    expect((await get('/')).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404 for a missing file, never the app in its place', async () => {
    expect((await get('/assets/nothing-here.js')).status).toBe(404);
    expect((await get('/nothing-here.png')).status).toBe(404);
  });

  it('serves the favicon', async () => {
    const response = await get('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
  });

  it('sends the CSP computed from config.json on every answer', async () => {
    for (const path of ['/', '/config.json', '/callback/local']) {
      const csp = (await get(path)).headers.get('content-security-policy') ?? '';
      expect(csp).toContain(`connect-src 'self' ${new URL(stack.issuer).origin} ${stack.apiUrl}`);
      expect(csp).toContain("script-src 'self';");
      expect((await get(path)).headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('signs in, calls the API and checks a signature with no CSP violation, and blocks an unlisted origin', async () => {
    const context = await browser.newContext();
    const page: Page = await context.newPage();
    expect(await mainPathProblems(page, nginx.url)).toEqual([]);

    const blocked = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), {
          once: true,
        }),
      );
      const outcome = await fetch('http://127.0.0.1:9/not-listed').then(
        () => 'answered',
        () => 'blocked',
      );
      return { outcome, directive: await violation };
    });
    expect(blocked).toEqual({ outcome: 'blocked', directive: 'connect-src' });
    await context.close();
  });
});
