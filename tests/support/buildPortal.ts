import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ENV_KEY = 'ABRUMET_TEST_DIST';

/** The production build the browser tests serve, made once per test run by the globalSetup below. */
export function testDist(): string {
  const dir = process.env[ENV_KEY];
  if (!dir) throw new Error(`${ENV_KEY} is not set: browser tests run through the "browser" vitest project.`);
  return dir;
}

/**
 * Vitest globalSetup for the browser tests: build the real production bundle once, into a folder
 * of this run's own (so two runs on one machine do not rebuild each other's), removed afterwards.
 */
export default async function buildPortal(): Promise<() => void> {
  // Both browser projects list this setup; the first one builds, the other reuses it.
  if (process.env[ENV_KEY]) return () => {};
  const outDir = mkdtempSync(join(tmpdir(), 'abrumet-portal-'));
  // Vitest runs with NODE_ENV=test, which would give a development React build: measure what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: fileURLToPath(new URL('../..', import.meta.url)),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  // Workers are started after this and inherit the environment.
  process.env[ENV_KEY] = outDir;
  return () => rmSync(outDir, { recursive: true, force: true });
}
