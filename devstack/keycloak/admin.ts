import { type Registered, withoutPortal, withPortal } from './portalRegistration.ts';

type Json = Record<string, unknown>;

export interface KeycloakAdminOptions {
  /** e.g. http://127.0.0.1:8080/auth */
  baseUrl: string;
  username: string;
  password: string;
}

/** A Keycloak user event, as GET /admin/realms/{realm}/events returns it. */
export interface KeycloakEvent {
  time: number;
  type: string;
  clientId?: string;
  userId?: string;
  error?: string;
  details?: Record<string, string>;
}

export interface PortalAddress {
  origin: string;
  redirectUris: string[];
  accessTokenTtl?: number;
  /** The client session idle timeout, which bounds the refresh token's life (seconds). */
  refreshTokenTtl?: number;
}

/** A client representation, with the fields the devstack edits typed. */
export interface KeycloakClient extends Json {
  id: string;
  clientId: string;
  redirectUris: string[];
  webOrigins: string[];
  attributes: Record<string, string>;
}

/**
 * The few calls of Keycloak's admin REST API the devstack and the tests use, as the local `admin`
 * of the master realm (admin-cli, password grant: fine on a throw-away local server only).
 */
export function keycloakAdmin({ baseUrl, username, password }: KeycloakAdminOptions) {
  let token: { value: string; until: number } | undefined;

  async function accessToken(): Promise<string> {
    if (token !== undefined && Date.now() < token.until) return token.value;
    const response = await fetch(`${baseUrl}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username, password }),
    });
    const body = (await response.json()) as { access_token?: string; expires_in?: number };
    if (!response.ok || body.access_token === undefined) {
      throw new Error(`Keycloak admin sign-in failed (${response.status}): ${JSON.stringify(body)}`);
    }
    token = { value: body.access_token, until: Date.now() + ((body.expires_in ?? 60) - 10) * 1000 };
    return token.value;
  }

  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${baseUrl}/admin${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await accessToken()}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      throw new Error(
        `Keycloak admin ${method} ${path} answered ${response.status}: ${await response.text()}`,
      );
    }
    return response;
  }
  const json = async <T>(path: string): Promise<T> => (await (await call('GET', path)).json()) as T;

  const admin = {
    baseUrl,
    async createRealm(realm: Json): Promise<void> {
      await call('POST', '/realms', realm);
    },
    async deleteRealm(realm: string): Promise<void> {
      await call('DELETE', `/realms/${realm}`);
    },
    async client(realm: string, clientId: string): Promise<KeycloakClient> {
      const [client] = await json<KeycloakClient[]>(
        `/realms/${realm}/clients?clientId=${encodeURIComponent(clientId)}`,
      );
      if (client === undefined) throw new Error(`No client ${clientId} in realm ${realm}`);
      return client;
    },
    /** Read-modify-write of one client; `edit` returns the new representation. */
    async updateClient(
      realm: string,
      clientId: string,
      edit: (client: KeycloakClient) => KeycloakClient,
    ): Promise<void> {
      const client = await admin.client(realm, clientId);
      await call('PUT', `/realms/${realm}/clients/${client.id}`, edit(client));
    },
    /** A confidential client's secret (Keycloak generated it when the realm was imported). */
    async clientSecret(realm: string, clientId: string): Promise<string> {
      const client = await admin.client(realm, clientId);
      const { value } = await json<{ value: string }>(`/realms/${realm}/clients/${client.id}/client-secret`);
      return value;
    },
    async userId(realm: string, username: string): Promise<string> {
      const [user] = await json<Array<{ id: string }>>(
        `/realms/${realm}/users?exact=true&username=${encodeURIComponent(username)}`,
      );
      if (user === undefined) throw new Error(`No user ${username} in realm ${realm}`);
      return user.id;
    },
    /** Ends every session of a user, as Users → Sessions → Sign out does in the admin console. */
    async logoutUser(realm: string, username: string): Promise<void> {
      await call('POST', `/realms/${realm}/users/${await admin.userId(realm, username)}/logout`);
    },
    /**
     * Registers one more portal address with a client (redirect URIs, Web origins, post-logout
     * URI), optionally with its own access and refresh token lifetimes (withPortal); the returned
     * function undoes exactly that, and what the client had before stays (withoutPortal).
     */
    async registerPortal(
      realm: string,
      clientId: string,
      address: PortalAddress,
    ): Promise<() => Promise<void>> {
      let registered: Registered | undefined;
      await admin.updateClient(realm, clientId, (client) => {
        const next = withPortal(client, address);
        registered = next.registered;
        return next.client;
      });
      return () =>
        admin.updateClient(realm, clientId, (client) =>
          registered ? withoutPortal(client, registered) : client,
        );
    },
    async userSessions(realm: string, username: string): Promise<Array<{ id: string; start: number }>> {
      return json(`/realms/${realm}/users/${await admin.userId(realm, username)}/sessions`);
    },
    /** The realm's saved user events, newest first, optionally of some types only. */
    async events(realm: string, types: string[] = []): Promise<KeycloakEvent[]> {
      const query = new URLSearchParams(types.map((type) => ['type', type]));
      return json(`/realms/${realm}/events?${query}`);
    },
  };
  return admin;
}

export type KeycloakAdmin = ReturnType<typeof keycloakAdmin>;
