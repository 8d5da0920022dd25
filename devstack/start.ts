import { users } from './idp/users.ts';
import { readLocalConfigFile } from './localConfig.ts';
import { embeddedRealm, newKeycloakRealm, runningKeycloakRealm } from './realms.ts';
import { createStack } from './stack.ts';
import { type RealmChoice, readStartSettings, tokenLifetimeLine } from './startSettings.ts';

/**
 * `npm start`: the portal (Vite dev server, hot reload) with the local stack: the embedded IdP and
 * the demo API. `npm run start:keycloak` (--keycloak): the same with a real Keycloak as the Local
 * realm, started here, or the one at KEYCLOAK_URL. Ports: PORTAL_PORT (5173), IDP_PORT or
 * KEYCLOAK_PORT (8180), API_PORT (8181). Everything on 127.0.0.1: the browser keeps sign-in state
 * per origin, so mixing localhost and 127.0.0.1 breaks the callback.
 */
const started = readStartSettings(process.env, process.argv);
if (!started.ok) {
  process.stderr.write(`\n${started.problems.join('\n')}\n\n`);
  process.exit(1);
}
const settings = started.settings;
const { command } = settings;
const withKeycloak = settings.realm.kind !== 'embedded';
const PORT_VARIABLES: Record<string, string> = {
  'the portal': 'PORTAL_PORT',
  'the IdP': 'IDP_PORT',
  Keycloak: 'KEYCLOAK_PORT',
  'the API': 'API_PORT',
};

const realmOf = (choice: RealmChoice) =>
  choice.kind === 'running-keycloak'
    ? runningKeycloakRealm(choice)
    : choice.kind === 'new-keycloak'
      ? newKeycloakRealm(choice.port)
      : embeddedRealm(choice.port);

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
  const { accessTokenTtl } = settings;
  const stack = await createStack({
    realm: realmOf(settings.realm),
    portals: [{ kind: 'dev', port: settings.portalPort }],
    apiPort: settings.apiPort,
    ...(accessTokenTtl !== undefined ? { accessTokenTtl } : {}),
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
    ...[tokenLifetimeLine(settings)].filter((line) => line !== undefined).map((line) => `  ${line}`),
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
