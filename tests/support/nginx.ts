import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { nginxHeaders } from '../../deploy/nginxHeaders.ts';

const LOCATIONS = fileURLToPath(new URL('../../deploy/nginx/abrumet-portal.conf', import.meta.url));

/** The nginx binary the deployment test uses: NGINX_PATH, else Debian's /usr/sbin/nginx. */
export function findNginx(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidate = env.NGINX_PATH ?? '/usr/sbin/nginx';
  if (!existsSync(candidate)) return undefined;
  return spawnSync(candidate, ['-v']).status === 0 ? candidate : undefined;
}

export interface Nginx {
  url: string;
  close(): Promise<void>;
}

/**
 * A real nginx serving a copy of the production build the way README's Deployment says, with the
 * shipped deploy/nginx/abrumet-portal.conf and the headers generated from `configJson`, on
 * 127.0.0.1:port, in a prefix of its own (nothing of the system's nginx is used or touched).
 */
export async function startNginx(
  binary: string,
  { dist, port, configJson }: { dist: string; port: number; configJson: string },
): Promise<Nginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'abrumet-nginx-'));
  const root = join(prefix, 'html');
  cpSync(dist, root, { recursive: true });
  writeFileSync(join(root, 'config.json'), configJson);
  mkdirSync(join(prefix, 'conf', 'abrumet-portal'), { recursive: true });
  mkdirSync(join(prefix, 'logs'));
  cpSync(LOCATIONS, join(prefix, 'conf', 'abrumet-portal', 'abrumet-portal.conf'));
  writeFileSync(join(prefix, 'conf', 'abrumet-portal', 'headers.conf'), nginxHeaders(configJson));
  writeFileSync(
    join(prefix, 'conf', 'nginx.conf'),
    // Started as root, nginx's workers would switch to an unprivileged user who cannot read a
    // private temporary folder; this throw-away server keeps the caller's user.
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
pid ${join(prefix, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 64; }
http {
  types {
    text/html html; text/javascript js; text/css css; application/json json;
    image/svg+xml svg; image/x-icon ico; image/png png;
  }
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${join(prefix, 'tmp')};
  server {
    listen 127.0.0.1:${port};
    root ${root};
    include abrumet-portal/abrumet-portal.conf;
  }
}
`,
  );
  const child: ChildProcess = spawn(
    binary,
    ['-e', 'stderr', '-p', prefix, '-c', join(prefix, 'conf', 'nginx.conf')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    errors += String(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill('SIGQUIT');
    for (let i = 0; i < 50 && child.exitCode === null && child.signalCode === null; i += 1) await sleep(100);
    child.kill('SIGKILL');
    rmSync(prefix, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`nginx exited (${child.exitCode}): ${errors.slice(-1000)}`);
    }
    const up = await fetch(`${url}/index.html`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { url, close: stop };
    await sleep(100);
  }
  await stop();
  throw new Error(`nginx did not answer on ${url}: ${errors.slice(-1000)}`);
}
