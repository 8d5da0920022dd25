import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer as createVite, type ViteDevServer } from 'vite';
import { parseConfig, securityHeaders } from './securityHeaders.ts';

export interface DevPortalOptions {
  port: number;
  /** Served as /config.json, computed on every request: edit public/config.json and reload. */
  config: () => string;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The sha256 sources of the inline scripts Vite puts into index.html (React Fast Refresh's preamble). */
async function inlineScriptHashes(vite: ViteDevServer): Promise<string[]> {
  const html = await vite.transformIndexHtml('/', readFileSync(`${ROOT}/index.html`, 'utf8'));
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body = '']) => `sha256-${createHash('sha256').update(body).digest('base64')}`,
  );
}

/**
 * `npm start`'s portal: the Vite dev server (hot reload), sending the production security headers
 * with only what the dev server itself needs on top (securityHeaders' `dev`: the Fast Refresh
 * preamble's hash, inline <style> for injected CSS, the HMR websocket), and config.json fresh on
 * every load.
 */
export async function createDevPortal({ port, config }: DevPortalOptions) {
  let scriptHashes: string[] = [];
  const origin = `http://127.0.0.1:${port}`;
  const vite = await createVite({
    root: ROOT,
    server: { port, host: '127.0.0.1', strictPort: true },
    clearScreen: false,
    plugins: [
      {
        name: 'devstack-portal',
        configureServer(server) {
          server.middlewares.use((req, res, next) => {
            const current = config();
            const headers = securityHeaders(parseConfig(current), {
              dev: { scriptHashes, hmrOrigin: origin.replace(/^http/, 'ws') },
            });
            for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
            if (req.url?.split('?')[0] === '/config.json') {
              res.setHeader('Content-Type', 'application/json');
              res.setHeader('Cache-Control', 'no-store');
              res.end(current);
              return;
            }
            next();
          });
        },
      },
    ],
  });
  scriptHashes = await inlineScriptHashes(vite);
  await vite.listen().catch((error: unknown) => {
    const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' || /in use/i.test(String(error));
    throw busy
      ? new Error(`Port ${port} (the portal) is busy: stop what uses it, or choose another port.`)
      : error;
  });
  return { url: origin, close: () => vite.close() };
}
