import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertPortFree, freePort } from '../freePort.ts';
import type { ResourceServer } from './resourceServer.ts';

export interface NginxGatewayOptions {
  /** What nginx proxies every request to, e.g. http://127.0.0.1:8080 (no path: the request's is kept). */
  upstream: string;
  /** 0 or absent: a free port. Always 127.0.0.1. */
  port?: number;
  /** proxy_read_timeout: how long nginx waits for the upstream's answer before its 504 (default 1). */
  readTimeoutSeconds?: number;
  /**
   * Absent (the default): nginx adds no CORS header, so its own 502 and 504 pages carry none and a
   * browser hides them from the page. Given: nginx answers preflights itself and adds
   * Access-Control-Allow-Origin (for these origins only) and Access-Control-Expose-Headers to every
   * answer, its error pages included (`always`), replacing the upstream's own CORS headers.
   */
  corsOrigins?: string[];
  /** The nginx binary (default: NGINX_PATH, else Debian's /usr/sbin/nginx). */
  binary?: string;
}

/** The same lookup as tests/support/nginx.ts's findNginx (devstack does not import from tests). */
function nginxBinary(): string | undefined {
  const candidate = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
  if (!existsSync(candidate)) return undefined;
  return spawnSync(candidate, ['-v']).status === 0 ? candidate : undefined;
}

/** An nginx string literal; the values written here never hold a quote, a backslash or a `$`. */
function quoted(value: string): string {
  if (/["\\$]/.test(value)) throw new Error(`Not allowed in the nginx gateway's configuration: ${value}`);
  return `"${value}"`;
}

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS';
const ALLOW_HEADERS = 'Authorization, Content-Type';
const EXPOSE_HEADERS = 'WWW-Authenticate';

function corsConfig(origins: string[]): { http: string; location: string } {
  const allowed = origins.map((origin) => `    ${quoted(origin)} $http_origin;`).join('\n');
  return {
    // An origin off the list maps to "", and add_header sends no header with an empty value.
    http: `  map $http_origin $cors_origin {\n    default "";\n${allowed}\n  }\n`,
    location: `      # The gateway is the one source of CORS headers: the upstream's are dropped.
      proxy_hide_header Access-Control-Allow-Origin;
      proxy_hide_header Access-Control-Allow-Credentials;
      proxy_hide_header Access-Control-Expose-Headers;
      proxy_hide_header Access-Control-Allow-Methods;
      proxy_hide_header Access-Control-Allow-Headers;
      proxy_hide_header Access-Control-Max-Age;
      if ($request_method = OPTIONS) {
        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Access-Control-Allow-Methods ${quoted(ALLOW_METHODS)} always;
        add_header Access-Control-Allow-Headers ${quoted(ALLOW_HEADERS)} always;
        add_header Access-Control-Max-Age 600 always;
        add_header Vary Origin always;
        return 204;
      }
      add_header Access-Control-Allow-Origin $cors_origin always;
      add_header Access-Control-Expose-Headers ${quoted(EXPOSE_HEADERS)} always;
      add_header Vary Origin always;
`,
  };
}

/**
 * A real nginx reverse proxy in front of an API, in a temporary prefix of its own (nothing of the
 * system's nginx is used or touched), answering with nginx's own pages when the upstream fails:
 * 502 Bad Gateway when nothing listens there (or the connection breaks), 504 Gateway Time-out when
 * the upstream does not answer within readTimeoutSeconds. The Authorization header goes through.
 */
export async function createNginxGateway(options: NginxGatewayOptions): Promise<ResourceServer> {
  const { upstream, readTimeoutSeconds = 1, corsOrigins } = options;
  const binary = options.binary ?? nginxBinary();
  if (binary === undefined) {
    throw new Error('nginx was not found: install it (apt-get install nginx) or set NGINX_PATH.');
  }
  const upstreamUrl = new URL(upstream);
  if (options.port) await assertPortFree(options.port, 'the nginx gateway');
  const port = options.port || (await freePort());
  const prefix = mkdtempSync(join(tmpdir(), 'abrumet-gateway-'));
  mkdirSync(join(prefix, 'conf'));
  mkdirSync(join(prefix, 'logs'));
  mkdirSync(join(prefix, 'tmp'));
  const temp = (name: string) => join(prefix, 'tmp', name);
  const cors = corsOrigins === undefined ? undefined : corsConfig(corsOrigins);
  const config = `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
${cors?.http ?? ''}  server {
    listen 127.0.0.1:${port};
    location / {
${cors?.location ?? ''}      proxy_pass ${upstreamUrl.origin};
      proxy_set_header Authorization $http_authorization;
      proxy_connect_timeout 1s;
      proxy_read_timeout ${readTimeoutSeconds}s;
    }
  }
}
`;
  writeFileSync(join(prefix, 'conf', 'nginx.conf'), config);
  const child: ChildProcess = spawn(
    binary,
    ['-e', 'stderr', '-p', prefix, '-c', join(prefix, 'conf', 'nginx.conf')],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    errors = (errors + String(chunk)).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    child.kill('SIGQUIT');
    for (let i = 0; i < 50 && child.exitCode === null && child.signalCode === null; i += 1) await sleep(100);
    child.kill('SIGKILL');
    rmSync(prefix, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`nginx exited (${child.exitCode}): ${errors.slice(-1000)}`);
    }
    // A TCP connection, not a request: the upstream may be down or slow, and must not be called.
    if (await accepts(port)) {
      return { name: `nginx ${nginxVersion(binary)} gateway`, url, close };
    }
    await sleep(100);
  }
  await close();
  throw new Error(`nginx did not answer on ${url}: ${errors.slice(-1000)}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function nginxVersion(binary: string): string {
  const banner = String(spawnSync(binary, ['-v']).stderr);
  return /nginx\/(\S+)/.exec(banner)?.[1] ?? '';
}
