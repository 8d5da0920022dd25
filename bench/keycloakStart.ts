import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeycloak } from '../devstack/keycloak/keycloak.ts';

/**
 * `npm run bench:keycloak`: how long a cold Keycloak takes until the abrumet realm answers, once
 * with the distribution fetched through Maven into an empty cache (and an empty Maven repository),
 * then from that cache. Downloads ~180 MB each run, so it is not part of `npm run bench`.
 */
const line = (text: string) => process.stdout.write(`${text}\n`);
const scratch = mkdtempSync(join(tmpdir(), 'abrumet-kc-bench-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  XDG_CACHE_HOME: join(scratch, 'cache'),
  MAVEN_OPTS: `${process.env.MAVEN_OPTS ?? ''} -Dmaven.repo.local=${join(scratch, 'm2')}`.trim(),
};
delete env.KEYCLOAK_HOME;
const noPortal = { portalOrigins: [], redirectUris: [], postLogoutRedirectUris: [], env };

async function coldStart(): Promise<number> {
  const started = performance.now();
  const keycloak = await createKeycloak(noPortal);
  const ready = performance.now() - started;
  await keycloak.close();
  return ready;
}

try {
  const withDownload = await coldStart();
  line(`Keycloak cold start, download included  ${(withDownload / 1000).toFixed(1)} s`);
  const fromCache = [];
  for (let run = 0; run < Number(process.env.BENCH_RUNS ?? 3); run += 1) fromCache.push(await coldStart());
  fromCache.sort((a, b) => a - b);
  const median = fromCache[Math.floor(fromCache.length / 2)] ?? 0;
  line(
    `Keycloak cold start, from the cache      median ${(median / 1000).toFixed(1)} s of ${fromCache.length}`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
