import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { withLock } from './lock.ts';

/**
 * The Keycloak server distribution the project is tested against, from Maven Central
 * (`org.keycloak:keycloak-quarkus-dist`). Bump it here; the cache keeps one folder per version.
 */
export const KEYCLOAK_VERSION = '26.7.3';
const ARTIFACT = `org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:tar.gz`;
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

/** Runs `command args` and returns what it printed, or undefined when it could not run or failed. */
export type VersionProbe = (command: string, args: string[]) => string | undefined;

const runVersion: VersionProbe = (command, args) => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.error === undefined && result.status === 0 ? `${result.stderr}${result.stdout}` : undefined;
};

/** What is missing to run Keycloak here, as one line a person can act on; undefined when nothing is. */
export function keycloakPrerequisites(
  env: NodeJS.ProcessEnv = process.env,
  probe: VersionProbe = runVersion,
): string | undefined {
  const java = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const version = probe(java, ['-version']);
  if (version === undefined) {
    return `Java 17 or newer is missing (\`${java} -version\` failed): install a JDK, e.g. \`apt-get install openjdk-17-jre-headless\`, or set JAVA_HOME.`;
  }
  const major = Number(/version "(\d+)/.exec(version)?.[1] ?? 0);
  if (major < 17) {
    return `Java ${major} is too old for Keycloak ${KEYCLOAK_VERSION}: install Java 17 or newer, or point JAVA_HOME at one.`;
  }
  const home = env.KEYCLOAK_HOME;
  if (home) {
    return existsSync(join(home, 'bin', 'kc.sh'))
      ? undefined
      : `KEYCLOAK_HOME=${home} has no bin/kc.sh: point it at an unpacked Keycloak distribution, or unset it.`;
  }
  if (existsSync(join(cachedHome(env), 'bin', 'kc.sh'))) return undefined;
  if (probe('mvn', ['-v']) === undefined) {
    return 'Maven is missing (`mvn -v` failed), and it fetches Keycloak from Maven Central: install it, e.g. `apt-get install maven`, or set KEYCLOAK_HOME to an unpacked Keycloak.';
  }
  return undefined;
}

/** Where downloaded distributions live: outside the repo, shared by every clone on the machine. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'abrumet-portal');
}

function cachedHome(env: NodeJS.ProcessEnv): string {
  return join(cacheRoot(env), `keycloak-${KEYCLOAK_VERSION}`);
}

function run(command: string, args: string[], cwd?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += String(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-2000)}`)),
    );
  });
}

/**
 * The Keycloak home to run: KEYCLOAK_HOME when set, otherwise the pinned distribution, fetched
 * once through Maven (so only Maven Central is contacted) and unpacked into the cache. Concurrent
 * callers (two test runs, a test run and `npm run start:keycloak`) wait for one download.
 */
export async function keycloakHome(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = () => {},
): Promise<string> {
  const missing = keycloakPrerequisites(env);
  if (missing !== undefined) throw new Error(missing);
  if (env.KEYCLOAK_HOME) return env.KEYCLOAK_HOME;
  const home = cachedHome(env);
  if (existsSync(join(home, 'bin', 'kc.sh'))) return home;
  const root = cacheRoot(env);
  mkdirSync(root, { recursive: true });
  await withLock(join(root, 'keycloak.lock'), async () => {
    if (existsSync(join(home, 'bin', 'kc.sh'))) return;
    log(`Fetching Keycloak ${KEYCLOAK_VERSION} from Maven Central into ${root} (once)…`);
    const work = mkdtempSync(join(root, 'download-'));
    try {
      await run('mvn', [
        '-q',
        '-B',
        `${DEPENDENCY_PLUGIN}:copy`,
        `-Dartifact=${ARTIFACT}`,
        `-DoutputDirectory=${work}`,
      ]);
      const archive = readdirSync(work).find((name) => name.endsWith('.tar.gz'));
      if (archive === undefined) throw new Error(`Maven copied no ${ARTIFACT} into ${work}`);
      await run('tar', ['-xzf', archive], work);
      const unpacked = readdirSync(work).find((name) => name.startsWith('keycloak-'));
      if (unpacked === undefined || !existsSync(join(work, unpacked, 'bin', 'kc.sh'))) {
        throw new Error(`${archive} did not unpack to a keycloak-*/bin/kc.sh`);
      }
      // A rename is atomic: a half-unpacked folder is never taken for a distribution.
      renameSync(join(work, unpacked), home);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
  return home;
}
