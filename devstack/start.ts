import { users } from './idp/users.ts';
import { readLocalConfigFile } from './localConfig.ts';
import { embeddedRealm, newKeycloakRealm, runningKeycloakRealm } from './realms.ts';
import { createStack } from './stack.ts';

/**
 * `npm start`: the portal (Vite dev server, hot reload) with the local stack: the embedded IdP and
 * the demo API. `npm run start:keycloak` (--keycloak): the same with a real Keycloak as the Local
 * realm, started here, or the one at KEYCLOAK_URL. Ports: PORTAL_PORT (5173), IDP_PORT or
 * KEYCLOAK_PORT (8180), API_PORT (8181). Everything on 127.0.0.1: the browser keeps sign-in state
 * per origin, so mixing localhost and 127.0.0.1 breaks the callback.
 */
const withKeycloak = process.argv.includes('--keycloak');
const command = withKeycloak ? 'npm run start:keycloak' : 'npm start';
const PORT_VARIABLES: Record<string, string> = {
  'the portal': 'PORTAL_PORT',
  'the IdP': 'IDP_PORT',
  Keycloak: 'KEYCLOAK_PORT',
  'the API': 'API_PORT',
};

const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name}=${process.env[name]} is not a port number`);
  }
  return value;
};

/** "Port 5173 (the portal) is busy…" gets the variable that moves it, with a free-looking example. */
function withPortHint(error: unknown): unknown {
  const match = error instanceof Error ? /^Port (\d+) \(([^)]+)\) is busy/.exec(error.message) : null;
  const variable = match ? PORT_VARIABLES[match[2] ?? ''] : undefined;
  return match && variable
    ? new Error(`${(error as Error).message} For example: ${variable}=${Number(match[1]) + 100} ${command}`)
    : error;
}

/** config.json's Local environment is served pointing at this stack, whatever the file says: say so. */
function localOverrideNote(issuer: string, apiUrl: string): string[] {
  const local = readLocalConfigFile();
  const notes: string[] = [];
  if (local?.authority !== undefined && local.authority !== issuer) {
    notes.push(`  Note    public/config.json's Local authority (${local.authority}) is served as ${issuer}.`);
  }
  if (local?.apiBaseUrl !== undefined && local.apiBaseUrl !== apiUrl) {
    notes.push(
      `  Note    public/config.json's Local api.baseUrl (${local.apiBaseUrl}) is served as ${apiUrl}.`,
    );
  }
  return notes;
}

async function main() {
  const portalPort = port('PORTAL_PORT', 5173);
  const existingKeycloak = withKeycloak ? process.env.KEYCLOAK_URL?.replace(/\/+$/, '') : undefined;
  const realm = existingKeycloak
    ? runningKeycloakRealm({ url: existingKeycloak })
    : withKeycloak
      ? newKeycloakRealm(port('KEYCLOAK_PORT', 8180))
      : embeddedRealm(port('IDP_PORT', 8180));
  const accessTokenTtl = process.env.ACCESS_TOKEN_TTL ? Number(process.env.ACCESS_TOKEN_TTL) : undefined;
  const stack = await createStack({
    realm,
    portals: [{ kind: 'dev', port: portalPort }],
    apiPort: port('API_PORT', 8181),
    ...(accessTokenTtl ? { accessTokenTtl } : {}),
  }).catch((error: unknown) => {
    const shown = withPortHint(error);
    process.stderr.write(`\n${shown instanceof Error ? shown.message : String(shown)}\n\n`);
    process.exit(1);
  });

  const lines = [
    '',
    `  Abrumet API debug portal, with its local stack${withKeycloak ? ' and a real Keycloak' : ''}`,
    '',
    `  Open    ${stack.portalUrl}/`,
    `  Realm   ${stack.issuer}`,
    `  API     ${stack.apiUrl}/api/v1/me`,
    ...stack.notes.map((note) => `  ${note}`),
    ...(stack.serviceClient
      ? [`  Service ${stack.serviceClient.clientId} / ${stack.serviceClient.secret}  (client credentials)`]
      : []),
    `  CLI     abrumet-cli  (device authorization, a public client)`,
    ...localOverrideNote(stack.issuer, stack.apiUrl),
    '',
    '  Test users (username / password):',
    ...users.map((u) => `    ${u.username} / ${u.password}   realm role ${u.realmRole}`),
    '',
    '  Ctrl-C stops everything.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  const shutdown = async () => {
    process.stdout.write(`\nStopping the portal, the API and ${withKeycloak ? 'Keycloak' : 'the IdP'}…\n`);
    await stack.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

await main();
