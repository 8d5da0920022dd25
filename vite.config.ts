import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { optionalSuites } from './tests/support/optionalSuites.ts';

const browserTests = {
  environment: 'node' as const,
  include: ['tests/**/*.test.ts'],
  testTimeout: 90_000,
  hookTimeout: 120_000,
  // One Chromium at a time on a 2-core machine.
  fileParallelism: false,
};

const entry = resolve(import.meta.dirname, 'src/main.tsx');
/** Whether the entry imports this module, directly or through other static imports. */
function reachesEntry(
  id: string,
  ctx: { getModuleInfo(id: string): { importers: readonly string[] } | null },
) {
  const seen = new Set<string>();
  const queue = [id];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (next === entry) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(ctx.getModuleInfo(next)?.importers ?? []));
  }
  return false;
}

const optional = process.env.VITEST
  ? optionalSuites()
  : { keycloak: false, nginx: false, resourceServers: false };

// One build serves every environment: public/config.json is fetched at run time, never bundled.
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', strictPort: true },
  preview: { host: '127.0.0.1', strictPort: true },
  // One stylesheet, linked from index.html: lazily loaded views then insert no <link> of their own
  // (Vite's preload helper did, on the way to the first token), and nothing restyles when they land.
  build: {
    target: 'es2022',
    sourcemap: false,
    cssCodeSplit: false,
    // No modulepreload polyfill: every browser the portal supports preloads modules natively.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // What the first page runs, but the entry, in one chunk: left alone, the modules the shell shares
        // with the lazy views become a dozen small chunks, each a request and a few hundred bytes of
        // overhead on the way to the first token. The entry (main.tsx) stays apart: it awaits at top
        // level, and a module it imports dynamically while waiting (the identity popup's relay) must
        // not depend on the chunk that is waiting, or neither ever finishes.
        codeSplitting: {
          groups: [
            {
              debugName: 'shell',
              name: (id, ctx) => (id !== entry && reachesEntry(id, ctx) ? 'shell' : null),
            },
          ],
        },
      },
    },
  },
  test: {
    reporters: ['default', './tests/support/summaryReporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['./src/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'devstack',
          environment: 'node',
          include: ['devstack/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          ...browserTests,
          // Compares the embedded IdP with a real Keycloak: only in the Keycloak project.
          exclude: ['tests/idpFidelity.test.ts', ...(optional.nginx ? [] : ['tests/deploy.test.ts'])],
          globalSetup: ['./tests/support/buildPortal.ts'],
        },
      },
      ...(optional.keycloak
        ? [
            {
              test: {
                // The same browser tests, and the IdP fidelity probes, against a real Keycloak.
                name: 'browser-keycloak',
                ...browserTests,
                // The deployment does not depend on the IdP: it runs in the "browser" project only.
                exclude: ['tests/sizeBudget.test.ts', 'tests/deploy.test.ts'],
                env: { ABRUMET_TEST_IDP: 'keycloak' },
                globalSetup: ['./tests/support/buildPortal.ts', './tests/support/keycloakServer.ts'],
                // After the other projects: Keycloak and Chromium would fight for two cores.
                sequence: { groupOrder: 1 },
              },
            } satisfies TestProjectInlineConfiguration,
          ]
        : []),
    ],
  },
});
