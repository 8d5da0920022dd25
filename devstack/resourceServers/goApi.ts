import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { cacheRoot, type VersionProbe } from '../keycloak/distribution.ts';
import { withLock } from '../keycloak/lock.ts';
import {
  DEFAULT_AUDIENCE,
  DEFAULT_REQUIRED_ROLE,
  type ResourceServer,
  type ResourceServerOptions,
} from './resourceServer.ts';

/** The Go sources of the API: go.mod, go.sum, main.go. */
const SOURCE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'go');
/** The oldest Go the sources build with (go.mod's `go` line), as [major, minor]. */
const MIN_GO: readonly [number, number] = [1, 24];
export const GO_API_NAME = 'Go auth0/go-jwt-middleware v2.3.1 resource server';

const runVersion: VersionProbe = (command, args) => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.error === undefined && result.status === 0 ? `${result.stderr}${result.stdout}` : undefined;
};

/** The `go` to run: $GOROOT/bin/go when GOROOT is set, otherwise the one on PATH. */
export function goCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.GOROOT ? join(env.GOROOT, 'bin', 'go') : 'go';
}

/** What is missing to build the Go API here, as one line a person can act on; undefined when nothing is. */
export function goPrerequisites(
  env: NodeJS.ProcessEnv = process.env,
  probe: VersionProbe = runVersion,
  minimum: readonly [number, number] = MIN_GO,
): string | undefined {
  const go = goCommand(env);
  const version = probe(go, ['version']);
  const wanted = `Go ${minimum.join('.')}`;
  if (version === undefined) {
    return `Go is missing (\`${go} version\` failed): install ${wanted} or newer from https://go.dev/dl/ (or \`apt-get install golang-go\` if your distribution's is recent enough), or put it on PATH.`;
  }
  const match = /go(\d+)\.(\d+)/.exec(version);
  const [major, minor] = [Number(match?.[1] ?? 0), Number(match?.[2] ?? 0)];
  if (major < minimum[0] || (major === minimum[0] && minor < minimum[1])) {
    return `${version.trim()} is too old: install ${wanted} or newer from https://go.dev/dl/.`;
  }
  return undefined;
}

/** Runs a command to completion; fails with the tail of what it printed. */
export function runTool(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = `${output}${chunk}`.slice(-4000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-2000)}`)),
    );
  });
}

/** The hash of every file of the Go sources: a change of any rebuilds the binary. */
function sourceHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(SOURCE_DIR).sort()) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(join(SOURCE_DIR, name)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The API's binary, built once per content of go/ into the cache (outside the repo; `go build`
 * with go.sum complete writes nothing beside the sources). GOMODCACHE, GOCACHE, GOPROXY and
 * GOFLAGS of the environment are respected, so CI can cache them.
 */
export async function goApiBinary(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = () => {},
): Promise<string> {
  const missing = goPrerequisites(env);
  if (missing !== undefined) throw new Error(missing);
  const root = cacheRoot(env);
  const folder = join(root, `go-api-${sourceHash()}`);
  const binary = join(folder, 'api');
  if (existsSync(binary)) return binary;
  mkdirSync(root, { recursive: true });
  await withLock(join(root, 'go-api.lock'), async () => {
    if (existsSync(binary)) return;
    log(`Building the Go API into ${folder} (once per change of its sources)…`);
    const work = `${folder}.tmp-${process.pid}`;
    rmSync(work, { recursive: true, force: true });
    try {
      await runTool(goCommand(env), ['build', '-trimpath', '-o', join(work, 'api'), '.'], {
        cwd: SOURCE_DIR,
        // No toolchain switch behind one's back: the installed Go builds, or the prerequisite says why not.
        env: { ...env, GOTOOLCHAIN: env.GOTOOLCHAIN ?? 'local' },
      });
      // A rename is atomic: a half-written binary is never taken for a build.
      rmSync(folder, { recursive: true, force: true });
      renameSync(work, folder);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
  return binary;
}

function stop(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

export interface StartedProcess {
  /** The last lines it printed, for error messages. */
  tail(): string;
  close(): Promise<void>;
}

/**
 * Starts `command`, waits until `ready` says so (it is called with each line printed, then polled)
 * and returns how to stop it. Fails with the process's last lines when it exits or is not ready in
 * time. The process is also killed when this one exits.
 */
export async function startProcess(
  name: string,
  command: string,
  args: string[],
  ready: (line: string | undefined) => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<StartedProcess> {
  const lines: string[] = [];
  let readyLine = false;
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const onOutput = (chunk: Buffer) => {
    for (const line of String(chunk).split('\n')) {
      if (line.trim() === '') continue;
      lines.push(line);
      if (lines.length > 60) lines.shift();
      if (!readyLine && ready(line) === true) readyLine = true;
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  let spawnError: Error | undefined;
  child.on('error', (error) => {
    spawnError = error;
  });
  const killOnExit = () => stop(child, 'SIGKILL');
  process.once('exit', killOnExit);
  const tail = () => lines.join('\n');
  const close = async () => {
    process.off('exit', killOnExit);
    stop(child, 'SIGTERM');
    const deadline = Date.now() + 5000;
    while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) await sleep(50);
    stop(child, 'SIGKILL');
    while (child.exitCode === null && child.signalCode === null) await sleep(20);
  };
  const failure = (reason: string) =>
    new Error(`${name} did not start: ${reason}\n--- its last lines ---\n${tail()}`);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (spawnError !== undefined) throw failure(spawnError.message);
      if (child.exitCode !== null || child.signalCode !== null) {
        throw failure(`it exited (${child.exitCode ?? child.signalCode})`);
      }
      if (readyLine || (await ready(undefined))) break;
      if (Date.now() > deadline) throw failure(`not ready after ${timeoutMs / 1000} s`);
      await sleep(50);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { tail, close };
}

/**
 * Starts the Go resource server (auth0/go-jwt-middleware v2, default error handler; rs/cors) on
 * 127.0.0.1, building it first when its sources changed.
 */
export async function createGoApi(
  options: ResourceServerOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ResourceServer> {
  const binary = await goApiBinary(env);
  const args = [
    `-addr=127.0.0.1:${options.port ?? 0}`,
    `-issuer=${options.issuer}`,
    `-audience=${options.audience ?? DEFAULT_AUDIENCE}`,
    `-role=${options.requiredRole ?? DEFAULT_REQUIRED_ROLE}`,
    `-origins=${options.allowedOrigins.join(',')}`,
    ...(options.clockLeewaySeconds === undefined ? [] : [`-leeway=${options.clockLeewaySeconds}`]),
  ];
  // It binds the port itself (0: a free one, no race) and prints where it listens.
  let url: string | undefined;
  const started = await startProcess(GO_API_NAME, binary, args, (line) => {
    const match = line === undefined ? null : /^listening on (http:\/\/\S+)$/.exec(line);
    if (match?.[1] !== undefined) url = match[1];
    return url !== undefined;
  });
  if (url === undefined) throw new Error(`${GO_API_NAME} printed no address`);
  return { name: GO_API_NAME, url, close: started.close };
}
