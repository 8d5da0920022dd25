import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Flags for a closed network: without them Chromium keeps calling home and gets refused. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium the @sparticuz/chromium devDependency unpacks (into /tmp, once per machine). */
export async function bundledChromium(): Promise<string> {
  try {
    const { default: sparticuz } = await import('@sparticuz/chromium');
    return await sparticuz.executablePath();
  } catch (cause) {
    throw new Error(
      'No Chromium found for the browser tests. Set CHROME_PATH to a Chromium/Chrome binary, ' +
        'install Debian\'s "chromium" package (/usr/bin/chromium), or run `npm ci` so the ' +
        `@sparticuz/chromium devDependency is present. (${String(cause)})`,
    );
  }
}

/**
 * Chromium, found without downloading anything: CHROME_PATH, then Debian's /usr/bin/chromium,
 * then the binary the @sparticuz/chromium devDependency unpacks. Fails loudly, never skips; with
 * ABRUMET_REQUIRE_SYSTEM_CHROMIUM set (CI), the bundled one does not count.
 */
export async function findChromium(): Promise<string> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  if (process.env.ABRUMET_REQUIRE_SYSTEM_CHROMIUM) {
    throw new Error(
      `ABRUMET_REQUIRE_SYSTEM_CHROMIUM is set and ${SYSTEM_CHROMIUM} is missing: install Debian's "chromium" package.`,
    );
  }
  return bundledChromium();
}

/** Debian's Chromium, the README's preferred browser. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export async function launchBrowser(executablePath?: string): Promise<Browser> {
  return chromium.launch({
    executablePath: executablePath ?? (await findChromium()),
    headless: true,
    args: ARGS,
  });
}
