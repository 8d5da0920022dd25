import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { listen } from '../listen.ts';
import { parseConfig, securityHeaders } from './securityHeaders.ts';

export interface PortalOptions {
  /** The built portal (vite build output). */
  root: string;
  port?: number;
  /** Served as /config.json; read on every request so it can name servers started later. */
  config: () => string;
  /** Origins the page may fetch besides those in the config (CSP connect-src). */
  extraConnectOrigins?: string[];
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves the production build the way a static host should (README: Deployment): SPA fallback for
 * the callback paths, a strict CSP without inline script, and no referrer.
 */
export async function createStaticPortal({
  root,
  port = 0,
  config,
  extraConnectOrigins = [],
}: PortalOptions) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://portal').pathname);
    const current = config();
    for (const [name, value] of Object.entries(
      securityHeaders(parseConfig(current), { extraConnectOrigins }),
    )) {
      res.setHeader(name, value);
    }
    if (path === '/config.json') {
      res.writeHead(200, { 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-store' });
      res.end(current);
      return;
    }
    const file = normalize(join(base, path));
    const isFile = file.startsWith(base) && existsSync(file) && statSync(file).isFile();
    // Unknown paths without an extension are app routes (e.g. /callback/local): serve the app.
    const target = isFile ? file : extname(path) === '' ? join(base, 'index.html') : null;
    if (!target) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const immutable = target.startsWith(join(base, 'assets'));
    res.writeHead(200, {
      'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(target).pipe(res);
  });
  return listen(server, port, 'portal');
}
