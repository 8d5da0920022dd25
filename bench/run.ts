import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchBrowser } from '../tests/support/browser.ts';
import { startStack } from '../tests/support/stack.ts';
import { INITIAL_JS_BUDGET, initialJsSize } from './initialJsSize.ts';
import { largeResponse } from './largeResponse.ts';
import { median } from './median.ts';
import { timeToFirstToken } from './timeToFirstToken.ts';

/**
 * `npm run bench`: the figures the issues ask for, measured here and now. Times are medians of
 * RUNS cold runs (new browser context each) on this machine; compare them as ratios, not absolutes.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const line = (text: string) => process.stdout.write(`${text}\n`);

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'abrumet-bench-'));
try {
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const size = initialJsSize(outDir);
  line(
    `Initial JavaScript      ${kb(size.gzipBytes)} gzip (budget ${kb(INITIAL_JS_BUDGET)}, ${size.files.length} files)`,
  );

  const stack = await startStack({ root: outDir });
  const browser = await launchBrowser();
  try {
    await timeToFirstToken(browser, stack.portalUrl); // warm-up: JIT, IdP key cache
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await timeToFirstToken(browser, stack.portalUrl));
    line(`Portal load to Sign in  median ${ms(median(runs.map((r) => r.loadMs)))} of ${RUNS} cold runs`);
    line(
      `Time to first token     median ${ms(median(runs.map((r) => r.firstTokenMs)))} of ${RUNS} cold runs (load, login page, callback, decode)`,
    );
    const MB = Number(process.env.BENCH_MB ?? 10);
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
  } finally {
    await browser.close();
    await stack.close();
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
