import { readFileSync } from 'node:fs';
import { createApi } from './api/createApi.ts';
import { CONFIG_PATH, localConfig } from './localConfig.ts';
import { createDevPortal } from './portal/devPortal.ts';
import { createStaticPortal } from './portal/staticPortal.ts';
import type { KeycloakAccess, RealmFactory } from './realms.ts';

type Json = Record<string, unknown>;

/** A portal of the stack: the production build served statically, or the Vite dev server. */
export type PortalSpec =
  | { kind: 'static'; root: string; port?: number }
  | { kind: 'dev'; port: number }
  /** Served by something else (a real nginx in tests/deploy.test.ts), which reads configText(). */
  | { kind: 'external'; url: string };

export interface StackOptions {
  /** Which realm: embeddedRealm(), newKeycloakRealm(), runningKeycloakRealm(...) (devstack/realms.ts). */
  realm: RealmFactory;
  /** The portal first; more apps (the bench's bare app) each on their own origin. */
  portals: PortalSpec[];
  apiPort?: number;
  accessTokenTtl?: number;
  /** How long a refresh token lives unused, in seconds (tests of an idle-expired session). */
  refreshTokenTtl?: number;
  /** Callback paths besides /callback/local (e.g. a second environment on the same realm). */
  extraRedirectPaths?: string[];
  /** Rewrites the served config.json (e.g. a misconfigured realm). */
  editConfig?: (config: Json) => Json;
  /** Origins the page may fetch besides those in the config (CSP connect-src). */
  extraConnectOrigins?: string[];
  /** The `aud` the demo API insists on (default: abrumet-api, what the realm puts in tokens). */
  apiAudience?: string;
}

export interface Stack {
  portalUrl: string;
  /** The origins of the other portals, in order. */
  extraPortalUrls: string[];
  issuer: string;
  apiUrl: string;
  /** Banner lines about the realm (npm start). */
  notes: string[];
  keycloak?: KeycloakAccess;
  /** The confidential client of the client credentials flow and its secret, when known. */
  serviceClient?: { clientId: string; secret: string };
  /** Ends every realm session of a user, as an admin does. */
  endSessions(username: string): Promise<void>;
  /** The config.json the portals serve right now. */
  configText(): string;
  close(): Promise<void>;
}

/**
 * The local stack, assembled one way for `npm start`, the tests and the bench: the portals (each
 * with the production security headers and config.json fresh on every request), the realm with
 * every portal registered, and the demo API trusting that realm. Everything on 127.0.0.1.
 */
export async function createStack(options: StackOptions): Promise<Stack> {
  let urls = { issuer: '', apiUrl: '' };
  // Read on every request: edit public/config.json and reload. A file the stack cannot rewrite
  // (bad JSON, no environments) is served as it is, so the portal lists its problems.
  const config = (): string => {
    try {
      return JSON.stringify((options.editConfig ?? ((c) => c))(localConfig(urls)));
    } catch {
      return readFileSync(CONFIG_PATH, 'utf8');
    }
  };
  const extraConnectOrigins = options.extraConnectOrigins ?? [];
  const closing: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    await Promise.allSettled(closing.reverse().map((close) => close()));
  };
  try {
    const portalUrls: string[] = [];
    for (const spec of options.portals) {
      if (spec.kind === 'external') {
        portalUrls.push(spec.url);
        continue;
      }
      const portal =
        spec.kind === 'dev'
          ? await createDevPortal({ port: spec.port, config })
          : await createStaticPortal({ root: spec.root, port: spec.port ?? 0, config, extraConnectOrigins });
      closing.push(portal.close);
      portalUrls.push(portal.url);
    }
    const realm = await options.realm({
      portalUrls,
      // Each environment's callback, and its popup callback for extra identities (`<callback>/identity`).
      redirectPaths: ['/callback/local', ...(options.extraRedirectPaths ?? [])].flatMap((path) => [
        path,
        `${path}/identity`,
      ]),
      accessTokenTtl: options.accessTokenTtl,
      refreshTokenTtl: options.refreshTokenTtl,
    });
    closing.push(realm.close);
    const api = await createApi({
      port: options.apiPort ?? 0,
      issuer: realm.issuer,
      allowedOrigins: portalUrls,
      ...(options.apiAudience ? { audience: options.apiAudience } : {}),
    });
    closing.push(api.close);
    urls = { issuer: realm.issuer, apiUrl: api.url };
    return {
      portalUrl: portalUrls[0] ?? '',
      extraPortalUrls: portalUrls.slice(1),
      issuer: realm.issuer,
      apiUrl: api.url,
      notes: realm.notes,
      ...(realm.keycloak ? { keycloak: realm.keycloak } : {}),
      ...(realm.serviceClient ? { serviceClient: realm.serviceClient } : {}),
      endSessions: realm.endSessions,
      configText: config,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
