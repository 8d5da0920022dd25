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

/**
 * Chromium, found without downloading anything: CHROME_PATH, then Debian's /usr/bin/chromium,
 * then the binary the @sparticuz/chromium devDependency unpacks. Fails loudly, never skips.
 */
export async function findChromium(): Promise<string> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
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

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await findChromium(), headless: true, args: ARGS });
}
