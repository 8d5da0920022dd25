import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertPortFree, freePort } from '../freePort.ts';
import { type KeycloakAdmin, keycloakAdmin } from './admin.ts';
import { cacheRoot, keycloakHome } from './distribution.ts';
import { withLock } from './lock.ts';
import { abrumetRealm, type PortalRegistration } from './realm.ts';

export interface KeycloakOptions extends PortalRegistration {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The realm's access token lifespan in seconds (300, as the export says, by default). */
  accessTokenTtl?: number;
  /** Progress lines for a person waiting (fetching, starting). */
  log?: (line: string) => void;
  /** Keycloak's own output goes here when set (it is kept in memory for errors otherwise). */
  logFile?: string;
  env?: NodeJS.ProcessEnv;
}

export interface Keycloak {
  /** e.g. http://127.0.0.1:41234/auth */
  url: string;
  /** e.g. http://127.0.0.1:41234/auth/realms/abrumet */
  issuer: string;
  /** The admin console, signed in with `adminCredentials`. */
  adminConsoleUrl: string;
  adminCredentials: { username: string; password: string };
  admin: KeycloakAdmin;
  close(): Promise<void>;
}

/** The local server's bootstrap admin. A throw-away in-memory server on 127.0.0.1 only. */
const ADMIN = { username: 'admin', password: 'admin' };
const RELATIVE_PATH = '/auth';
const READY_TIMEOUT_MS = 5 * 60_000;

/**
 * Build-time options: start-dev re-augments the server (~25 s) whenever these change, so they are
 * the same on every start. dev-mem: a database in memory, fresh on every start, nothing on disk.
 */
const BUILD_OPTIONS = [`--http-relative-path=${RELATIVE_PATH}`, '--db=dev-mem'];

function stopGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts a real Keycloak (dev mode, in-memory database) on 127.0.0.1 with the `/auth` path of the
 * realm's documentation, imports the `abrumet` realm for the given portal, and waits until it
 * answers. `close()` stops it; so does the end of this process.
 */
export async function createKeycloak(options: KeycloakOptions): Promise<Keycloak> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const home = await keycloakHome(env, log);
  if (options.port) await assertPortFree(options.port, 'Keycloak');
  const port = options.port || (await freePort());
  const url = `http://127.0.0.1:${port}${RELATIVE_PATH}`;
  const tail: string[] = [];
  const file = options.logFile === undefined ? undefined : createWriteStream(options.logFile);
  let started = false;

  log(`Starting Keycloak on ${url} …`);
  // Two servers may share one home: the re-augmentation step writes into it, so one at a time.
  const lockName = createHash('sha256').update(home).digest('hex').slice(0, 12);
  mkdirSync(cacheRoot(env), { recursive: true });
  const child = await withLock(join(cacheRoot(env), `keycloak-start-${lockName}.lock`), async () => {
    const spawned = spawn(
      join(home, 'bin', 'kc.sh'),
      [
        'start-dev',
        ...BUILD_OPTIONS,
        '--http-host=127.0.0.1',
        `--http-port=${port}`,
        '--hostname-strict=false',
        '--log-console-color=false',
      ],
      {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...env,
          KC_BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
          KC_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
        },
      },
    );
    const onOutput = (chunk: Buffer) => {
      file?.write(chunk);
      for (const line of String(chunk).split('\n')) {
        if (line.trim() === '') continue;
        tail.push(line);
        if (tail.length > 80) tail.shift();
        if (/started in|Listening on/.test(line)) started = true;
      }
    };
    spawned.stdout?.on('data', onOutput);
    spawned.stderr?.on('data', onOutput);
    // Hold the lock until the server has passed its build step (or died).
    while (!started && spawned.exitCode === null && spawned.signalCode === null) await sleep(200);
    return spawned;
  });
  const killOnExit = () => stopGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const failure = (reason: string) =>
    new Error(`Keycloak did not start: ${reason}\n--- last lines of its log ---\n${tail.join('\n')}`);
  const close = async () => {
    process.off('exit', killOnExit);
    stopGroup(child, 'SIGTERM');
    const deadline = Date.now() + 20_000;
    while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) await sleep(100);
    stopGroup(child, 'SIGKILL');
    file?.end();
  };

  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw failure(`it exited (${child.exitCode ?? child.signalCode})`);
      }
      if (Date.now() > deadline) throw failure(`not ready after ${READY_TIMEOUT_MS / 1000} s`);
      const ready = await fetch(`${url}/realms/master`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) break;
      await sleep(250);
    }
    const admin = keycloakAdmin({ baseUrl: url, ...ADMIN });
    await admin.createRealm(abrumetRealm(options, options.accessTokenTtl));
    return {
      url,
      issuer: `${url}/realms/abrumet`,
      adminConsoleUrl: `${url}/admin/master/console/`,
      adminCredentials: { ...ADMIN },
      admin,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
