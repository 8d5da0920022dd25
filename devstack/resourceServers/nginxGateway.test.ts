import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findNginx } from '../../tests/support/nginx.ts';
import { freePort } from '../freePort.ts';
import { type Listening, listen } from '../listen.ts';
import { testPortal } from '../testing/testPortal.ts';
import { createExpressApi } from './expressApi.ts';
import { createNginxGateway } from './nginxGateway.ts';
import type { ResourceServer } from './resourceServer.ts';

const { origin: portal, otherOrigin } = testPortal;
const required = process.env.ABRUMET_REQUIRE_NGINX === '1';

/** nginx's own error page (Debian's 1.22.1 prints its version: server_tokens is on by default). */
const nginxPage = (status: string, version: string) =>
  `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;

const closers: Array<() => Promise<void>> = [];
async function gateway(options: Parameters<typeof createNginxGateway>[0]): Promise<ResourceServer> {
  const started = await createNginxGateway(options);
  closers.push(started.close);
  return started;
}

/** An upstream that echoes what it got on /echo and answers nothing else before 10 s. */
let slow: Listening;
/** A port nothing listens on. */
let closedPort: number;
let version: string;

const preflight = (url: string, origin = portal) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization',
    },
  });
const getFromPortal = (url: string) =>
  fetch(url, { headers: { Origin: portal, Authorization: 'Bearer abc.def.ghi' } });

/** Runs a call to the Express API without its default error log (console.error) in the test output. */
async function quietly<T>(call: () => Promise<T>): Promise<T> {
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    return await call();
  } finally {
    // finalhandler logs in a setImmediate of its own, which the answer can outrun.
    await new Promise((resolve) => setImmediate(resolve));
    consoleError.mockRestore();
  }
}

async function answer(response: Response) {
  return {
    status: response.status,
    statusText: response.statusText,
    wwwAuthenticate: response.headers.get('www-authenticate'),
    contentType: response.headers.get('content-type'),
    allowOrigin: response.headers.get('access-control-allow-origin'),
    body: (await response.text()).slice(0, 300),
  };
}

describe.skipIf(!findNginx() && !required)('createNginxGateway (a real nginx in front of an API)', () => {
  beforeAll(async () => {
    const pending = new Set<NodeJS.Timeout>();
    const server = createServer((req, res) => {
      if (req.url === '/echo') {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ method: req.method, authorization: req.headers.authorization ?? null }));
        return;
      }
      const timer = setTimeout(() => res.end('too late'), 10_000);
      pending.add(timer);
      res.on('close', () => clearTimeout(timer));
    });
    slow = await listen(server, 0, 'slow upstream');
    closers.push(async () => {
      for (const timer of pending) clearTimeout(timer);
      await slow.close();
    });
    closedPort = await freePort();
    const banner = String(spawnSync(findNginx() ?? 'nginx', ['-v']).stderr);
    version = /nginx\/(\S+)/.exec(banner)?.[1] ?? '';
  });

  afterAll(async () => {
    await Promise.all(closers.map((close) => close()));
  });

  it('names itself with nginx’s version and passes the Authorization header to the upstream', async () => {
    const proxy = await gateway({ upstream: slow.url });
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(proxy.name).toBe(`nginx ${version} gateway`);
    const response = await getFromPortal(`${proxy.url}/echo`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ method: 'GET', authorization: 'Bearer abc.def.ghi' });
  });

  describe('without CORS of its own (nginx’s default)', () => {
    it('answers 502 Bad Gateway when nothing listens upstream, on the preflight too, without CORS headers', async () => {
      const proxy = await gateway({ upstream: `http://127.0.0.1:${closedPort}` });
      const expected = {
        status: 502,
        statusText: 'Bad Gateway',
        wwwAuthenticate: null,
        contentType: 'text/html',
        allowOrigin: null,
        body: nginxPage('502 Bad Gateway', version),
      };
      // The browser's preflight for a GET with Authorization gets nginx's page, not a 2xx with
      // Access-Control-Allow-Origin: it fails, the GET is never sent, fetch rejects (TypeError).
      expect(await answer(await preflight(`${proxy.url}/api/v1/me`))).toEqual(expected);
      // A request without preflight is sent, but its answer is hidden from the page all the same.
      expect(await answer(await getFromPortal(`${proxy.url}/api/v1/me`))).toEqual(expected);
    });

    it('answers 504 Gateway Time-out after readTimeoutSeconds when the upstream is silent', async () => {
      const proxy = await gateway({ upstream: slow.url, readTimeoutSeconds: 1 });
      const expected = {
        status: 504,
        statusText: 'Gateway Time-out',
        wwwAuthenticate: null,
        contentType: 'text/html',
        allowOrigin: null,
        body: nginxPage('504 Gateway Time-out', version),
      };
      const startedAt = Date.now();
      expect(await answer(await preflight(`${proxy.url}/api/v1/me`))).toEqual(expected);
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(900);
      expect(await answer(await getFromPortal(`${proxy.url}/api/v1/me`))).toEqual(expected);
    });

    it('passes the upstream’s own answers and CORS headers through', async () => {
      const api = await createExpressApi({
        issuer: 'http://127.0.0.1:1/auth/realms/abrumet',
        allowedOrigins: [portal],
      });
      closers.push(api.close);
      const proxy = await gateway({ upstream: api.url });
      const response = await quietly(() => fetch(`${proxy.url}/api/v1/me`, { headers: { Origin: portal } }));
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="api", DPoP algs=/);
      expect(response.headers.get('access-control-allow-origin')).toBe(portal);
      expect(response.headers.get('access-control-expose-headers')).toBe('WWW-Authenticate');
    });
  });

  describe('with corsOrigins (CORS added by the gateway, as ops teams configure it)', () => {
    it('answers the preflight itself, so a browser sends the GET and can read the 502', async () => {
      const proxy = await gateway({ upstream: `http://127.0.0.1:${closedPort}`, corsOrigins: [portal] });
      const allowed = await preflight(`${proxy.url}/api/v1/me`);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(portal);
      expect(allowed.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
      expect(allowed.headers.get('access-control-allow-methods')).toContain('GET');
      const refused = await preflight(`${proxy.url}/api/v1/me`, otherOrigin);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();

      const response = await getFromPortal(`${proxy.url}/api/v1/me`);
      expect(response.headers.get('access-control-expose-headers')).toBe('WWW-Authenticate');
      expect(await answer(response)).toEqual({
        status: 502,
        statusText: 'Bad Gateway',
        wwwAuthenticate: null,
        contentType: 'text/html',
        allowOrigin: portal,
        body: nginxPage('502 Bad Gateway', version),
      });
    });

    it('lets the portal read the 504 too', async () => {
      const proxy = await gateway({ upstream: slow.url, corsOrigins: [portal] });
      expect((await preflight(`${proxy.url}/api/v1/me`)).status).toBe(204);
      expect(await answer(await getFromPortal(`${proxy.url}/api/v1/me`))).toEqual({
        status: 504,
        statusText: 'Gateway Time-out',
        wwwAuthenticate: null,
        contentType: 'text/html',
        allowOrigin: portal,
        body: nginxPage('504 Gateway Time-out', version),
      });
    });

    it('replaces the upstream’s CORS headers instead of doubling them', async () => {
      const api = await createExpressApi({
        issuer: 'http://127.0.0.1:1/auth/realms/abrumet',
        allowedOrigins: [portal],
      });
      closers.push(api.close);
      const proxy = await gateway({ upstream: api.url, corsOrigins: [portal] });
      const response = await quietly(() => fetch(`${proxy.url}/api/v1/me`, { headers: { Origin: portal } }));
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="api"/);
      // fetch joins repeated headers with ", ": a single value means a single header.
      expect(response.headers.get('access-control-allow-origin')).toBe(portal);
      expect(response.headers.get('access-control-expose-headers')).toBe('WWW-Authenticate');
    });
  });
});
