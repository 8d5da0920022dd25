import { join } from 'node:path';
import { PORTAL_CLIENT_ID, SERVICE_CLIENT_ID } from './clients.ts';
import { keycloakAdmin } from './keycloak/admin.ts';
import { cacheRoot } from './keycloak/distribution.ts';
import { createKeycloak } from './keycloak/keycloak.ts';

/** Where the local stack's portals live, for the realm to register them (the client's URIs). */
export interface Registration {
  /** Origins of the portals (the portal, and e.g. the bench's bare app). */
  portalUrls: string[];
  /** Callback paths, registered for every portal origin. */
  redirectPaths: string[];
  accessTokenTtl?: number | undefined;
  /** How long a refresh token lives unused (Keycloak: the client session idle timeout), seconds. */
  refreshTokenTtl?: number | undefined;
}

export interface KeycloakAccess {
  admin: ReturnType<typeof keycloakAdmin>;
  adminConsoleUrl: string;
  adminCredentials: { username: string; password: string };
}

/** The realm `abrumet` of the local stack, whichever server holds it. */
export interface Realm {
  issuer: string;
  /** Ends every realm session of a user, as an admin does (Keycloak: Users → Sessions → Sign out). */
  endSessions(username: string): Promise<void>;
  /** Lines for npm start's banner (the admin console, Keycloak's log). */
  notes: string[];
  /** The real Keycloak's admin API and console, when the realm is one. */
  keycloak?: KeycloakAccess;
  /** The confidential client of the client credentials flow and its secret, when known. */
  serviceClient?: { clientId: string; secret: string };
  close(): Promise<void>;
}

export type RealmFactory = (registration: Registration) => Promise<Realm>;

const callbacksOf = (portalUrl: string, paths: string[]) => paths.map((path) => `${portalUrl}${path}`);
const registrationOf = ({ portalUrls, redirectPaths, accessTokenTtl }: Registration) => ({
  portalOrigins: portalUrls,
  redirectUris: portalUrls.flatMap((url) => callbacksOf(url, redirectPaths)),
  postLogoutRedirectUris: portalUrls.map((url) => `${url}/`),
  ...(accessTokenTtl ? { accessTokenTtl } : {}),
});

/** The embedded oidc-provider realm (npm start, the "browser" tests). */
export const embeddedRealm =
  (port = 0): RealmFactory =>
  async (registration) => {
    // Imported here: oidc-provider warns about Node 20 as soon as it loads.
    const { createIdp } = await import('./idp/createIdp.ts');
    const { refreshTokenTtl } = registration;
    const idp = await createIdp({
      port,
      ...registrationOf(registration),
      ...(refreshTokenTtl ? { refreshTokenTtl } : {}),
    });
    return {
      issuer: idp.issuer,
      endSessions: idp.endSessions,
      notes: [],
      serviceClient: idp.serviceClient,
      close: idp.close,
    };
  };

/** A real Keycloak started for this stack, the realm imported for its portals (npm run start:keycloak). */
export const newKeycloakRealm =
  (port = 0): RealmFactory =>
  async (registration) => {
    const logFile = join(cacheRoot(), `keycloak-${port || 'any'}.log`);
    const keycloak = await createKeycloak({
      ...registrationOf(registration),
      port,
      logFile,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const { username, password } = keycloak.adminCredentials;
    return {
      issuer: keycloak.issuer,
      endSessions: (username) => keycloak.admin.logoutUser('abrumet', username),
      notes: [
        `Admin   ${keycloak.adminConsoleUrl}#/abrumet  (local admin: ${username} / ${password})`,
        `Log     ${logFile}`,
      ],
      keycloak: keycloak,
      serviceClient: {
        clientId: SERVICE_CLIENT_ID,
        secret: await keycloak.admin.clientSecret('abrumet', SERVICE_CLIENT_ID),
      },
      close: keycloak.close,
    };
  };

/**
 * A Keycloak that already runs with the realm imported (the browser-keycloak tests' one, or the
 * user's: KEYCLOAK_URL). With admin credentials, each portal is registered with the client and
 * removed on close, as a realm admin would register another portal address.
 */
export const runningKeycloakRealm =
  (server: {
    url: string;
    adminConsoleUrl?: string;
    adminCredentials?: { username: string; password: string };
  }): RealmFactory =>
  async ({ portalUrls, redirectPaths, accessTokenTtl, refreshTokenTtl }) => {
    const issuer = `${server.url}/realms/abrumet`;
    const adminConsoleUrl = server.adminConsoleUrl ?? `${server.url}/admin/master/console/`;
    const found = await fetch(`${issuer}/.well-known/openid-configuration`).then(
      (response) => response.ok,
      () => false,
    );
    if (!found) {
      throw new Error(
        `No realm "abrumet" answers at ${issuer}. Import devstack/keycloak/abrumet-realm.json into that Keycloak (README: "A Keycloak you already run").`,
      );
    }
    const notes = [`Admin   ${adminConsoleUrl}#/abrumet`];
    const credentials = server.adminCredentials;
    if (credentials === undefined) {
      return {
        issuer,
        notes,
        endSessions: async () => {
          throw new Error('Ending sessions needs the Keycloak admin credentials');
        },
        close: async () => {},
      };
    }
    const admin = keycloakAdmin({ baseUrl: server.url, ...credentials });
    const undo: Array<() => Promise<void>> = [];
    for (const portalUrl of portalUrls) {
      undo.push(
        await admin.registerPortal('abrumet', PORTAL_CLIENT_ID, {
          origin: portalUrl,
          redirectUris: callbacksOf(portalUrl, redirectPaths),
          ...(accessTokenTtl && undo.length === 0 ? { accessTokenTtl } : {}),
          ...(refreshTokenTtl && undo.length === 0 ? { refreshTokenTtl } : {}),
        }),
      );
    }
    return {
      issuer,
      notes,
      keycloak: { admin, adminConsoleUrl, adminCredentials: credentials },
      serviceClient: {
        clientId: SERVICE_CLIENT_ID,
        secret: await admin.clientSecret('abrumet', SERVICE_CLIENT_ID),
      },
      endSessions: (username) => admin.logoutUser('abrumet', username),
      close: async () => {
        for (const unregister of undo.reverse()) await unregister();
      },
    };
  };
