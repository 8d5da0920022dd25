import { createApi } from '../../devstack/api/createApi.ts';
import { createIdp } from '../../devstack/idp/createIdp.ts';
import { type KeycloakAdmin, keycloakAdmin } from '../../devstack/keycloak/admin.ts';
import { PORTAL_CLIENT_ID } from '../../devstack/keycloak/realm.ts';
import { localConfig } from '../../devstack/localConfig.ts';
import { createPortal } from '../../devstack/portal.ts';
import { testDist } from './buildPortal.ts';
import { type IdpKind, runningKeycloak, testIdp } from './idpUnderTest.ts';

export interface Stack {
  /** Which IdP this run tests against: the embedded oidc-provider or a real Keycloak. */
  idp: IdpKind;
  portalUrl: string;
  /** The origins of `extraPortals`, in order. */
  extraPortalUrls: string[];
  issuer: string;
  apiUrl: string;
  /** The real Keycloak's admin API and console (keycloak runs only). */
  keycloak?: { admin: KeycloakAdmin; adminConsoleUrl: string; adminCredentials: Credentials };
  /** Ends every realm session of a user, as an admin does (Keycloak: Users → Sessions → Sign out). */
  endSessions(username: string): Promise<void>;
  close(): Promise<void>;
}

interface Credentials {
  username: string;
  password: string;
}

export interface StackOptions {
  accessTokenTtl?: number;
  /** Rewrites the served config.json (e.g. a misconfigured realm). */
  editConfig?: (config: Record<string, unknown>) => Record<string, unknown>;
  extraConnectOrigins?: string[];
  /** Callback paths the local client accepts besides /callback/local (e.g. a second environment). */
  extraRedirectPaths?: string[];
  /** The built portal to serve (default: the browser tests' build). */
  root?: string;
  /** Which IdP (default: the one this test run is for, see idpUnderTest.ts). */
  idp?: IdpKind;
  /** More built apps served on their own origins, registered like the portal (the bench's bare app). */
  extraPortals?: Array<{ root: string }>;
  /** The `aud` the demo API insists on (default: the one the realm puts in tokens, abrumet-api). */
  apiAudience?: string;
}

interface Realm {
  issuer: string;
  endSessions(username: string): Promise<void>;
  keycloak?: Stack['keycloak'];
  close(): Promise<void>;
}

interface Registration {
  /** Origins of the portals this stack serves (the portal, and e.g. the bench's bare app). */
  portalUrls: string[];
  /** Callback paths, registered for every portal origin. */
  redirectPaths: string[];
  accessTokenTtl: number | undefined;
}

const callbacksOf = (portalUrl: string, paths: string[]) => paths.map((path) => `${portalUrl}${path}`);

/** The embedded oidc-provider realm, started for this stack alone. */
async function embeddedRealm({ portalUrls, redirectPaths, accessTokenTtl }: Registration): Promise<Realm> {
  const idp = await createIdp({
    portalOrigins: portalUrls,
    redirectUris: portalUrls.flatMap((url) => callbacksOf(url, redirectPaths)),
    postLogoutRedirectUris: portalUrls.map((url) => `${url}/`),
    ...(accessTokenTtl ? { accessTokenTtl } : {}),
  });
  return { issuer: idp.issuer, endSessions: idp.endSessions, close: idp.close };
}

/**
 * The run's real Keycloak (started once by tests/support/keycloakServer.ts): this stack's portal
 * is added to the client's redirect URIs, Web origins and post-logout URIs, and removed on close,
 * as a realm admin would register another portal address.
 */
async function keycloakRealm({ portalUrls, redirectPaths, accessTokenTtl }: Registration): Promise<Realm> {
  const server = runningKeycloak();
  const admin = keycloakAdmin({ baseUrl: server.url, ...server.adminCredentials });
  const undo: Array<() => Promise<void>> = [];
  for (const portalUrl of portalUrls) {
    undo.push(
      await admin.registerPortal('abrumet', PORTAL_CLIENT_ID, {
        origin: portalUrl,
        redirectUris: callbacksOf(portalUrl, redirectPaths),
        ...(accessTokenTtl && undo.length === 0 ? { accessTokenTtl } : {}),
      }),
    );
  }
  return {
    issuer: `${server.url}/realms/abrumet`,
    keycloak: { admin, adminConsoleUrl: server.adminConsoleUrl, adminCredentials: server.adminCredentials },
    endSessions: (username) => admin.logoutUser('abrumet', username),
    close: async () => {
      for (const unregister of undo.reverse()) await unregister();
    },
  };
}

/** The realm (embedded or Keycloak), the demo API and the built portal on free ports of 127.0.0.1. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const idp = options.idp ?? testIdp();
  let urls = { issuer: '', apiUrl: '' };
  const serve = (root: string) =>
    createPortal({
      root,
      config: () => (options.editConfig ?? ((c) => c))(localConfig(urls)),
      extraConnectOrigins: options.extraConnectOrigins ?? [],
    });
  const portals = [await serve(options.root ?? testDist())];
  for (const extra of options.extraPortals ?? []) portals.push(await serve(extra.root));
  const closePortals = () => Promise.all(portals.map((portal) => portal.close()));
  const portalUrls = portals.map((portal) => portal.url);
  const registration = {
    portalUrls,
    redirectPaths: ['/callback/local', ...(options.extraRedirectPaths ?? [])],
    accessTokenTtl: options.accessTokenTtl,
  };
  const realm = await (idp === 'keycloak' ? keycloakRealm : embeddedRealm)(registration).catch(
    async (error: unknown) => {
      await closePortals();
      throw error;
    },
  );
  const api = await createApi({
    issuer: realm.issuer,
    allowedOrigins: portalUrls,
    ...(options.apiAudience ? { audience: options.apiAudience } : {}),
  });
  urls = { issuer: realm.issuer, apiUrl: api.url };
  return {
    idp,
    portalUrl: portalUrls[0] ?? '',
    extraPortalUrls: portalUrls.slice(1),
    issuer: realm.issuer,
    apiUrl: api.url,
    ...(realm.keycloak ? { keycloak: realm.keycloak } : {}),
    endSessions: realm.endSessions,
    close: async () => {
      await Promise.all([closePortals(), api.close(), realm.close()]);
    },
  };
}
