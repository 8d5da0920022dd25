import { createServer as createVite } from 'vite';
import { createApi } from './api.ts';
import { createIdp } from './idp.ts';
import { localConfig } from './localConfig.ts';
import { users } from './users.ts';

/**
 * `npm start`: the local IdP, the demo API and the portal (Vite dev server), wired to each other.
 * Ports: PORTAL_PORT (5173), IDP_PORT (8180), API_PORT (8181). Everything on 127.0.0.1: the
 * browser keeps sign-in state per origin, so mixing localhost and 127.0.0.1 breaks the callback.
 */
const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name}=${process.env[name]} is not a port number`);
  }
  return value;
};

async function main() {
  const ports = {
    portal: port('PORTAL_PORT', 5173),
    idp: port('IDP_PORT', 8180),
    api: port('API_PORT', 8181),
  };
  const origin = `http://127.0.0.1:${ports.portal}`;
  const stopping: Array<() => Promise<void>> = [];
  const stop = async () => {
    await Promise.allSettled(stopping.map((close) => close()));
  };
  const hint = (envName: string, busyPort: number, error: unknown) =>
    error instanceof Error && /busy/.test(error.message)
      ? new Error(`${error.message} For example: ${envName}=${busyPort + 100} npm start`)
      : error;

  try {
    const accessTokenTtl = process.env.ACCESS_TOKEN_TTL ? Number(process.env.ACCESS_TOKEN_TTL) : undefined;
    const idp = await createIdp({
      port: ports.idp,
      portalOrigins: [origin],
      redirectUris: [`${origin}/callback/local`],
      postLogoutRedirectUris: [`${origin}/`],
      ...(accessTokenTtl ? { accessTokenTtl } : {}),
    }).catch((error: unknown) => Promise.reject(hint('IDP_PORT', ports.idp, error)));
    stopping.push(idp.close);
    const api = await createApi({ port: ports.api, issuer: idp.issuer, allowedOrigins: [origin] }).catch(
      (error: unknown) => Promise.reject(hint('API_PORT', ports.api, error)),
    );
    stopping.push(api.close);
    const config = JSON.stringify(localConfig({ issuer: idp.issuer, apiUrl: api.url }));
    const vite = await createVite({
      server: { port: ports.portal, host: '127.0.0.1', strictPort: true },
      clearScreen: false,
      plugins: [
        {
          name: 'devstack-config',
          configureServer(server) {
            server.middlewares.use('/config.json', (_req, res) => {
              res.setHeader('Content-Type', 'application/json');
              res.setHeader('Cache-Control', 'no-store');
              res.end(config);
            });
          },
        },
      ],
    });
    stopping.push(() => vite.close());
    await vite.listen().catch((error: unknown) => {
      const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' || /in use/i.test(String(error));
      throw busy
        ? new Error(
            `Port ${ports.portal} (the portal) is busy: stop what uses it, or choose another port. For example: PORTAL_PORT=${ports.portal + 100} npm start`,
          )
        : error;
    });

    const lines = [
      '',
      '  Abrumet API debug portal, with its local stack',
      '',
      `  Open    ${origin}/`,
      `  Realm   ${idp.issuer}`,
      `  API     ${api.url}/api/v1/me`,
      '',
      '  Test users (username / password):',
      ...users.map((u) => `    ${u.username} / ${u.password}   realm role ${u.realmRole}`),
      '',
      '  Ctrl-C stops everything.',
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (error) {
    process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n\n`);
    await stop();
    process.exit(1);
  }

  const shutdown = async () => {
    process.stdout.write('\nStopping the portal, the API and the IdP…\n');
    await stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

await main();
