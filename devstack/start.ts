import { join } from 'node:path';
import { createServer as createVite } from 'vite';
import { createApi } from './api/createApi.ts';
import { users } from './idp/users.ts';
import { cacheRoot } from './keycloak/distribution.ts';
import { createKeycloak, type KeycloakOptions } from './keycloak/keycloak.ts';
import { localConfig } from './localConfig.ts';

/**
 * `npm start`: the local IdP, the demo API and the portal (Vite dev server), wired to each other.
 * `npm run start:keycloak` (--keycloak): the same with a real Keycloak as the local realm.
 * Ports: PORTAL_PORT (5173), IDP_PORT (8180) or KEYCLOAK_PORT (8180), API_PORT (8181). Everything
 * on 127.0.0.1: the browser keeps sign-in state per origin, so mixing localhost and 127.0.0.1
 * breaks the callback.
 */
const withKeycloak = process.argv.includes('--keycloak');
const command = withKeycloak ? 'npm run start:keycloak' : 'npm start';
const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name}=${process.env[name]} is not a port number`);
  }
  return value;
};

interface Realm {
  issuer: string;
  /** Extra lines for the banner (the admin console, Keycloak's log). */
  notes?: string[];
  close(): Promise<void>;
}

/**
 * The local realm: the embedded IdP, a Keycloak started here (--keycloak), or one the user already
 * runs (--keycloak with KEYCLOAK_URL=http://127.0.0.1:8080/auth, the abrumet realm imported).
 */
async function startRealm(registration: KeycloakOptions, port: number): Promise<Realm> {
  const existing = process.env.KEYCLOAK_URL?.replace(/\/+$/, '');
  if (withKeycloak && existing) {
    const issuer = `${existing}/realms/abrumet`;
    const found = await fetch(`${issuer}/.well-known/openid-configuration`).then(
      (response) => response.ok,
      () => false,
    );
    if (!found) {
      throw new Error(
        `No realm "abrumet" answers at ${issuer}. Import devstack/keycloak/abrumet-realm.json into that Keycloak (README: "A Keycloak you already run"), or unset KEYCLOAK_URL to start one here.`,
      );
    }
    return { issuer, notes: [`Admin   ${existing}/admin/master/console/#/abrumet`], close: async () => {} };
  }
  if (withKeycloak) {
    const logFile = join(cacheRoot(), `keycloak-${port}.log`);
    const keycloak = await createKeycloak({
      ...registration,
      port,
      logFile,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const { username, password } = keycloak.adminCredentials;
    return {
      issuer: keycloak.issuer,
      notes: [
        `Admin   ${keycloak.adminConsoleUrl}#/abrumet  (local admin: ${username} / ${password})`,
        `Log     ${logFile}`,
      ],
      close: keycloak.close,
    };
  }
  // Imported here: oidc-provider warns about Node 20 as soon as it loads.
  const { createIdp } = await import('./idp/createIdp.ts');
  return createIdp({
    port,
    portalOrigins: [...registration.portalOrigins],
    redirectUris: [...registration.redirectUris],
    postLogoutRedirectUris: [...registration.postLogoutRedirectUris],
    ...(registration.accessTokenTtl ? { accessTokenTtl: registration.accessTokenTtl } : {}),
  });
}

async function main() {
  const ports = {
    portal: port('PORTAL_PORT', 5173),
    idp: withKeycloak ? port('KEYCLOAK_PORT', 8180) : port('IDP_PORT', 8180),
    api: port('API_PORT', 8181),
  };
  const origin = `http://127.0.0.1:${ports.portal}`;
  const stopping: Array<() => Promise<void>> = [];
  const stop = async () => {
    await Promise.allSettled(stopping.map((close) => close()));
  };
  const hint = (envName: string, busyPort: number, error: unknown) =>
    error instanceof Error && /busy/.test(error.message)
      ? new Error(`${error.message} For example: ${envName}=${busyPort + 100} ${command}`)
      : error;

  try {
    const accessTokenTtl = process.env.ACCESS_TOKEN_TTL ? Number(process.env.ACCESS_TOKEN_TTL) : undefined;
    const registration = {
      portalOrigins: [origin],
      redirectUris: [`${origin}/callback/local`],
      postLogoutRedirectUris: [`${origin}/`],
      ...(accessTokenTtl ? { accessTokenTtl } : {}),
    };
    const idp = await startRealm(registration, ports.idp).catch((error: unknown) =>
      Promise.reject(hint(withKeycloak ? 'KEYCLOAK_PORT' : 'IDP_PORT', ports.idp, error)),
    );
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
            `Port ${ports.portal} (the portal) is busy: stop what uses it, or choose another port. For example: PORTAL_PORT=${ports.portal + 100} ${command}`,
          )
        : error;
    });

    const lines = [
      '',
      `  Abrumet API debug portal, with its local stack${withKeycloak ? ' and a real Keycloak' : ''}`,
      '',
      `  Open    ${origin}/`,
      `  Realm   ${idp.issuer}`,
      `  API     ${api.url}/api/v1/me`,
      ...(idp.notes ?? []).map((note) => `  ${note}`),
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
    process.stdout.write(`\nStopping the portal, the API and ${withKeycloak ? 'Keycloak' : 'the IdP'}…\n`);
    await stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

await main();
