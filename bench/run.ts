import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchBrowser } from '../tests/support/browser.ts';
import { startStack } from '../tests/support/stack.ts';
import { buildBareApp } from './bareApp.ts';
import { INITIAL_JS_BUDGET, initialJsSize } from './initialJsSize.ts';
import { largeResponse } from './largeResponse.ts';
import { median } from './median.ts';
import { memoryAfterRequests } from './memoryAfterRequests.ts';
import { type FirstTokenTiming, timeToFirstToken } from './timeToFirstToken.ts';

/**
 * `npm run bench`: the figures the issues ask for, measured here and now. Times are medians of
 * RUNS cold runs (new browser context each) on this machine; the portal and the bare reference
 * app (bench/bare: only the mandated libraries) run interleaved in one process, so compare ratios.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
const line = (text: string) => process.stdout.write(`${text}\n`);

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'abrumet-bench-'));
const portalDist = join(scratch, 'portal');
const bareDist = join(scratch, 'bare');
try {
  // vitest is not involved here, but keep what ships: a production React build.
  process.env.NODE_ENV = 'production';
  await build({ root, logLevel: 'warn', build: { outDir: portalDist, emptyOutDir: true } });
  await buildBareApp(bareDist);
  const size = initialJsSize(portalDist);
  const bareSize = initialJsSize(bareDist);
  line(
    `Initial JavaScript      ${kb(size.gzipBytes)} gzip (budget ${kb(INITIAL_JS_BUDGET)}; the bare app: ${kb(bareSize.gzipBytes)})`,
  );

  const stack = await startStack({ root: portalDist, extraPortals: [{ root: bareDist }], idp: 'embedded' });
  const bareUrl = stack.extraPortalUrls[0] ?? '';
  const browser = await launchBrowser();
  try {
    // Warm-up: JIT, the IdP's key cache, the OS's file cache.
    await timeToFirstToken(browser, stack.portalUrl);
    await timeToFirstToken(browser, bareUrl);
    const portal: FirstTokenTiming[] = [];
    const bare: FirstTokenTiming[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      portal.push(await timeToFirstToken(browser, stack.portalUrl, { withSend: true }));
      bare.push(await timeToFirstToken(browser, bareUrl));
    }
    const row = (label: string, pick: (t: FirstTokenTiming) => number) => {
      const [p, b] = [median(portal.map(pick)), median(bare.map(pick))];
      line(`| ${label.padEnd(54)} | ${ms(p).padStart(8)} | ${ms(b).padStart(8)} | ${(p / b).toFixed(2)}× |`);
    };
    const header = (title: string) => {
      line('');
      line(`| ${title.padEnd(54)} | portal   | bare app | ratio |`);
      line(`| ${'-'.repeat(54)} | -------- | -------- | ----- |`);
    };
    header(`painted (Element Timing), median of ${RUNS}`);
    row('open → Sign in → login page → decoded token on screen', (t) => t.firstTokenMs);
    row('reload of a signed-in page → decoded token on screen', (t) => t.reloadMs);
    row('open → Sign in button on screen', (t) => t.loadMs);
    header("as Playwright's polling first finds it (for comparison)");
    row('open → Sign in → login page → decoded token', (t) => t.seen.firstTokenMs);
    row('reload of a signed-in page → decoded token', (t) => t.seen.reloadMs);
    row('open → Sign in button', (t) => t.seen.loadMs);
    line(
      `The portal's request pane (Send) is there ${ms(median(portal.map((t) => t.sendAfterTokenMs ?? 0)))} after its token was painted (median).`,
    );
    line('');

    const MB = Number(process.env.BENCH_MB ?? 10);
    // Warm-up, as above: the demo API builds each fixture size once, then answers it at once.
    await largeResponse(browser, stack.portalUrl, MB);
    const large = [];
    for (let i = 0; i < Math.min(RUNS, 3); i += 1)
      large.push(await largeResponse(browser, stack.portalUrl, MB));
    const first = median(large.map((r) => r.firstLinesMs));
    const longest = median(large.map((r) => r.longestTaskMs));
    const naive = median(large.map((r) => r.naiveBlockingMs));
    line(
      `${MB} MB JSON response      first lines after median ${ms(first)}; longest frame gap ${ms(longest)}`,
    );
    line(
      `  naive one-<pre> render  blocks the main thread ${ms(naive)} in one piece: ${(naive / Math.max(1, longest)).toFixed(0)}x the portal's longest frame gap`,
    );

    const memory = await memoryAfterRequests(browser, stack.portalUrl);
    const heap = Object.entries(memory.heapMbAfter)
      .map(([sent, mb]) => `${mb.toFixed(1)} MB after ${sent}`)
      .join(', ');
    line(`Memory, 1 MB responses  JS heap after GC: ${heap} requests`);
  } finally {
    await browser.close();
    await stack.close();
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
