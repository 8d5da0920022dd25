import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Where the browser tests' production build goes (not dist/, which belongs to `npm run build`). */
export const TEST_DIST = fileURLToPath(new URL('../../node_modules/.tmp/portal-dist', import.meta.url));

/** Vitest globalSetup for the browser tests: build the real production bundle once. */
export default async function buildPortal(): Promise<void> {
  await build({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    logLevel: 'warn',
    build: { outDir: TEST_DIST, emptyOutDir: true },
  });
}
