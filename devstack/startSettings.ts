/** Which realm `npm start` runs the portal against. */
export type RealmChoice =
  | { kind: 'embedded'; port: number }
  /** A Keycloak started here, the realm imported with the stack's portal (npm run start:keycloak). */
  | { kind: 'new-keycloak'; port: number }
  /** The user's Keycloak at KEYCLOAK_URL; its admin, when given, lets the stack register the portal. */
  | {
      kind: 'running-keycloak';
      url: string;
      adminCredentials?: { username: string; password: string };
    };

export interface StartSettings {
  /** The command, for hints ("PORTAL_PORT=5273 npm start"). */
  command: string;
  portalPort: number;
  apiPort: number;
  realm: RealmChoice;
  /** ACCESS_TOKEN_TTL: how long the realm's access tokens live, in seconds. */
  accessTokenTtl?: number;
}

export type StartSettingsResult = { ok: true; settings: StartSettings } | { ok: false; problems: string[] };

/**
 * The admin of a Keycloak someone already runs: the variables the README's `docker run` starts it
 * with (Keycloak 26's bootstrap admin), so the same two lines serve both.
 */
const ADMIN_USERNAME = 'KC_BOOTSTRAP_ADMIN_USERNAME';
const ADMIN_PASSWORD = 'KC_BOOTSTRAP_ADMIN_PASSWORD';

/**
 * `npm start` / `npm run start:keycloak` (--keycloak) from the environment, every problem listed at
 * once: ports (PORTAL_PORT, IDP_PORT or KEYCLOAK_PORT, API_PORT), the realm (KEYCLOAK_URL for a
 * Keycloak that already runs) and ACCESS_TOKEN_TTL, which shortens the access tokens of whichever
 * realm it is: the embedded IdP's, the started Keycloak's realm (Access Token Lifespan), or, at
 * KEYCLOAK_URL, the portal client's Access Token Lifespan, which needs that Keycloak's admin.
 */
export function readStartSettings(env: NodeJS.ProcessEnv, argv: readonly string[]): StartSettingsResult {
  const withKeycloak = argv.includes('--keycloak');
  const command = withKeycloak ? 'npm run start:keycloak' : 'npm start';
  const problems: string[] = [];
  const port = (name: string, fallback: number) => {
    const text = env[name];
    const value = Number(text ?? fallback);
    if (Number.isInteger(value) && value >= 1 && value <= 65535) return value;
    problems.push(`${name}=${text} is not a port number (1–65535).`);
    return fallback;
  };

  const ttlText = env.ACCESS_TOKEN_TTL?.trim();
  let accessTokenTtl: number | undefined;
  if (ttlText) {
    const value = Number(ttlText);
    if (Number.isInteger(value) && value >= 1) accessTokenTtl = value;
    else
      problems.push(
        `ACCESS_TOKEN_TTL=${ttlText} is not a whole number of seconds: e.g. ACCESS_TOKEN_TTL=30 ${command}.`,
      );
  }

  const url = withKeycloak ? env.KEYCLOAK_URL?.trim().replace(/\/+$/, '') : undefined;
  let realm: RealmChoice;
  if (url) {
    const username = env[ADMIN_USERNAME];
    const password = env[ADMIN_PASSWORD];
    realm = {
      kind: 'running-keycloak',
      url,
      ...(username && password ? { adminCredentials: { username, password } } : {}),
    };
    if (accessTokenTtl !== undefined && !(username && password)) {
      problems.push(
        `ACCESS_TOKEN_TTL with KEYCLOAK_URL sets the access token lifespan of that Keycloak's abrumet-portal client, which takes its admin: set ${ADMIN_USERNAME} and ${ADMIN_PASSWORD} too (those the Keycloak was started with), or leave ACCESS_TOKEN_TTL out.`,
      );
    }
  } else {
    realm = withKeycloak
      ? { kind: 'new-keycloak', port: port('KEYCLOAK_PORT', 8180) }
      : { kind: 'embedded', port: port('IDP_PORT', 8180) };
  }
  const settings: StartSettings = {
    command,
    portalPort: port('PORTAL_PORT', 5173),
    apiPort: port('API_PORT', 8181),
    realm,
    ...(accessTokenTtl !== undefined ? { accessTokenTtl } : {}),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings };
}

/** The banner's line about the access tokens' life, when ACCESS_TOKEN_TTL changed it. */
export function tokenLifetimeLine({ accessTokenTtl, realm }: StartSettings): string | undefined {
  if (accessTokenTtl === undefined) return undefined;
  const where =
    realm.kind === 'running-keycloak'
      ? "the abrumet-portal client's Access Token Lifespan, put back when this stops"
      : realm.kind === 'new-keycloak'
        ? "the realm's Access Token Lifespan"
        : 'the embedded IdP';
  return `Tokens  access tokens live ${accessTokenTtl} s (ACCESS_TOKEN_TTL: ${where})`;
}
