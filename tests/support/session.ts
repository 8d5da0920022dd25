import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { bundledChromium, launchBrowser } from './browser.ts';
import { type Stack, type StackOptions, startStack } from './stack.ts';

export interface BrowserSession {
  stack: Stack;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * Registers the usual lifecycle for a browser test file: one devstack and one Chromium for the
 * file, a fresh browser context (empty storage) per test, everything closed at the end.
 */
export function setupBrowserSession(
  options: StackOptions & {
    viewport?: { width: number; height: number };
    /** The bundled @sparticuz/chromium instead of the one findChromium picks (its smoke test). */
    bundled?: boolean;
  } = {},
): BrowserSession {
  const { viewport, bundled = false, ...stackOptions } = options;
  const session = {} as BrowserSession;
  beforeAll(async () => {
    [session.stack, session.browser] = await Promise.all([
      startStack(stackOptions),
      launchBrowser(bundled ? await bundledChromium() : undefined),
    ]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.stack?.close();
  });
  beforeEach(async () => {
    session.context = await session.browser.newContext({
      viewport: viewport ?? { width: 1280, height: 900 },
    });
    session.page = await session.context.newPage();
  });
  afterEach(async () => {
    await session.context?.close();
  });
  return session;
}
