import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertPortFree, freePort } from '../freePort.ts';
import { cacheRoot, type VersionProbe } from '../keycloak/distribution.ts';
import { withLock } from '../keycloak/lock.ts';
import { runTool } from './goApi.ts';
import {
  DEFAULT_AUDIENCE,
  DEFAULT_REQUIRED_ROLE,
  type ResourceServer,
  type ResourceServerOptions,
} from './resourceServer.ts';

export const SPRING_BOOT_VERSION = '4.0.7';
const NAME = `Spring Boot ${SPRING_BOOT_VERSION} (spring-boot-starter-oauth2-resource-server)`;
/** The Maven project (devstack/resourceServers/spring): its content hash names the cached jar. */
const PROJECT = join(import.meta.dirname, 'spring');
const READY_TIMEOUT_MS = 90_000;

const runVersion: VersionProbe = (command, args) => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.error === undefined && result.status === 0 ? `${result.stderr}${result.stdout}` : undefined;
};

const javaBin = (env: NodeJS.ProcessEnv, tool: string) =>
  env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', tool) : tool;

/** The project's files (no build output), sorted, relative to the project. */
function projectFiles(dir = PROJECT): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'target' ? [] : projectFiles(path);
      return entry.isFile() ? [relative(PROJECT, path)] : [];
    })
    .sort();
}

function projectHash(): string {
  const hash = createHash('sha256');
  for (const file of projectFiles()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(PROJECT, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function cachedJar(env: NodeJS.ProcessEnv): string {
  return join(cacheRoot(env), `spring-api-${projectHash()}`, 'app.jar');
}

/** What is missing to build and run the Spring API here, as one line; undefined when nothing is. */
export function springPrerequisites(
  env: NodeJS.ProcessEnv = process.env,
  probe: VersionProbe = runVersion,
): string | undefined {
  const java = javaBin(env, 'java');
  const version = probe(java, ['-version']);
  if (version === undefined) {
    return `Java 17 or newer is missing (\`${java} -version\` failed): install a JDK, e.g. \`apt-get install openjdk-17-jdk-headless\`, or set JAVA_HOME.`;
  }
  const major = Number(/version "(\d+)/.exec(version)?.[1] ?? 0);
  if (major < 17) {
    return `Java ${major} is too old for Spring Boot ${SPRING_BOOT_VERSION}: install Java 17 or newer, or point JAVA_HOME at one.`;
  }
  if (existsSync(cachedJar(env))) return undefined;
  const maven = probe('mvn', ['-v']);
  if (maven === undefined) {
    return 'Maven is missing (`mvn -v` failed), and it builds the Spring API: install it, e.g. `apt-get install maven`.';
  }
  const mavenJava = Number(/Java version: (\d+)/.exec(maven)?.[1] ?? major);
  if (mavenJava < 17) {
    return `Maven runs on Java ${mavenJava}, too old to build Spring Boot ${SPRING_BOOT_VERSION}: point JAVA_HOME at Java 17 or newer.`;
  }
  const javac = javaBin(env, 'javac');
  if (probe(javac, ['-version']) === undefined) {
    return `A Java compiler is missing (\`${javac} -version\` failed), and Maven needs one to build the Spring API: install a JDK, not only a JRE, e.g. \`apt-get install openjdk-17-jdk-headless\`.`;
  }
  return undefined;
}

/**
 * The Spring API's jar, built once per content of the Maven project into the cache (outside the
 * repo: Maven builds a copy, so no target/ appears here). MAVEN_OPTS (e.g. -Dmaven.repo.local) is
 * Maven's own. Concurrent callers wait for one build.
 */
export async function springApiJar(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = () => {},
): Promise<string> {
  const missing = springPrerequisites(env);
  if (missing !== undefined) throw new Error(missing);
  const jar = cachedJar(env);
  if (existsSync(jar)) return jar;
  const root = cacheRoot(env);
  mkdirSync(root, { recursive: true });
  await withLock(join(root, 'spring-api.lock'), async () => {
    if (existsSync(jar)) return;
    log(`Building the Spring API (Spring Boot ${SPRING_BOOT_VERSION}) into ${root} (once)…`);
    const work = mkdtempSync(join(root, 'spring-build-'));
    try {
      cpSync(PROJECT, work, { recursive: true, filter: (source) => relative(PROJECT, source) !== 'target' });
      await runTool('mvn', ['-q', '-B', '-f', join(work, 'pom.xml'), 'package', '-DskipTests'], { env });
      const built = join(work, 'target', 'app.jar');
      if (!existsSync(built)) throw new Error(`Maven built no ${built}`);
      mkdirSync(join(jar, '..'), { recursive: true });
      // A rename is atomic: a half-written jar is never taken for a build.
      renameSync(built, jar);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
  return jar;
}

function stop(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    child.kill(signal);
  } catch {
    // Already gone.
  }
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * Starts the Spring Boot resource server (devstack/resourceServers/spring) on 127.0.0.1, trusting
 * `issuer`, and waits until it answers. `close()` stops it; so does the end of this process.
 */
export async function createSpringApi(
  options: ResourceServerOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ResourceServer> {
  const jar = await springApiJar(env);
  if (options.port) await assertPortFree(options.port, 'Spring API');
  const port = options.port || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const args = [
    // Faster start for a short-lived test server; no effect on what it answers.
    '-XX:TieredStopAtLevel=1',
    '-jar',
    jar,
    '--server.address=127.0.0.1',
    `--server.port=${port}`,
    `--spring.security.oauth2.resourceserver.jwt.issuer-uri=${options.issuer}`,
    `--spring.security.oauth2.resourceserver.jwt.audiences=${options.audience ?? DEFAULT_AUDIENCE}`,
    `--abrumet.required-role=${options.requiredRole ?? DEFAULT_REQUIRED_ROLE}`,
    `--abrumet.allowed-origins=${options.allowedOrigins.join(',')}`,
    ...(options.clockLeewaySeconds === undefined
      ? []
      : [`--abrumet.clock-leeway-seconds=${options.clockLeewaySeconds}`]),
  ];
  const child = spawn(javaBin(env, 'java'), args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const onOutput = (chunk: Buffer) => {
    for (const line of String(chunk).split('\n')) {
      if (line.trim() === '') continue;
      tail.push(line);
      if (tail.length > 60) tail.shift();
    }
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  let spawnError: Error | undefined;
  child.on('error', (error) => {
    spawnError = error;
  });
  const killOnExit = () => stop(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const close = async () => {
    process.off('exit', killOnExit);
    stop(child, 'SIGTERM');
    const deadline = Date.now() + 15_000;
    while (!exited(child) && Date.now() < deadline) await sleep(100);
    stop(child, 'SIGKILL');
    while (!exited(child) && spawnError === undefined) await sleep(50);
  };
  const failure = (reason: string) =>
    new Error(`The Spring API did not start: ${reason}\n--- last lines of its log ---\n${tail.join('\n')}`);

  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (spawnError !== undefined) throw failure(spawnError.message);
      if (exited(child)) throw failure(`it exited (${child.exitCode ?? child.signalCode})`);
      if (Date.now() > deadline) throw failure(`not ready after ${READY_TIMEOUT_MS / 1000} s`);
      const status = await fetch(`${url}/api/v1/me`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 401) break;
      if (status !== 0) throw failure(`GET /api/v1/me without a token answered ${status}, not 401`);
      await sleep(200);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { name: NAME, url, close };
}
