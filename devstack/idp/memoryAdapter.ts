import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

// Token kinds that revokeByGrantId must remove (the same set as oidc-provider's own memory adapter).
const grantable = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'PreAuthorizedCode',
]);

const sweepEvery = 500;

/**
 * Expired refresh tokens are kept this long (oidc-provider still sees them as expired), so that a
 * refresh with one is refused as expired ("Token is not active"), as Keycloak says, not as unknown.
 */
const expiredRefreshTokenGraceMs = 10 * 60_000;

/**
 * An in-memory oidc-provider adapter scoped to one IdP instance. oidc-provider's built-in one works
 * too but prints a "development-only adapter" warning on every start; the devstack IS development
 * only, and keeping storage per instance keeps parallel test servers apart.
 */
export interface MemoryAdapter {
  (model: string): Adapter;
  /** Ends every IdP session of an account, as an admin's "Sign out" of a user does in Keycloak. */
  endSessionsOf(accountId: string): number;
  /** Ends one IdP session, by its uid (the `sid` of its tokens). */
  endSession(uid: string): void;
  /**
   * Whether a refresh token went with its grant (oidc-provider revokes the grants of a session it
   * logs out, e.g. when another user signs in with prompt=login), until it would have expired.
   */
  revokedWithGrant(refreshToken: string): boolean;
}

export function memoryAdapter(): MemoryAdapter {
  const entries = new Map<string, Entry>();
  const grantMembers = new Map<string, Set<string>>();
  const sessionIdByUid = new Map<string, string>();
  const idByUserCode = new Map<string, string>();
  // Refresh token id → when it would have expired, for those revoked with their grant.
  const revokedRefreshTokens = new Map<string, number>();
  let writes = 0;

  const read = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  const sweep = () => {
    const now = Date.now();
    for (const [key, entry] of entries) {
      if (entry.expiresAt <= now) entries.delete(key);
    }
    for (const [grantId, members] of grantMembers) {
      for (const key of members) if (!entries.has(key)) members.delete(key);
      if (members.size === 0) grantMembers.delete(grantId);
    }
    for (const [id, expiresAt] of revokedRefreshTokens) if (expiresAt <= now) revokedRefreshTokens.delete(id);
  };

  const revokedWithGrant = (refreshToken: string) =>
    (revokedRefreshTokens.get(refreshToken) ?? 0) > Date.now();

  const endSessionsOf = (accountId: string): number => {
    let ended = 0;
    for (const [key, entry] of entries) {
      if (key.startsWith('Session:') && entry.payload.accountId === accountId) {
        entries.delete(key);
        if (typeof entry.payload.uid === 'string') sessionIdByUid.delete(entry.payload.uid);
        ended += 1;
      }
    }
    return ended;
  };

  const endSession = (uid: string): void => {
    const id = sessionIdByUid.get(uid);
    if (id !== undefined) entries.delete(`Session:${id}`);
    sessionIdByUid.delete(uid);
  };

  const adapterFor = (model: string): Adapter => {
    const keyFor = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyFor(id);
        const grace = model === 'RefreshToken' ? expiredRefreshTokenGraceMs : 0;
        const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 + grace : Infinity;
        entries.set(key, { payload, expiresAt });
        if (model === 'Session' && typeof payload.uid === 'string') sessionIdByUid.set(payload.uid, id);
        if (typeof payload.userCode === 'string') idByUserCode.set(payload.userCode, id);
        if (grantable.has(model) && typeof payload.grantId === 'string') {
          const members = grantMembers.get(payload.grantId) ?? new Set<string>();
          members.add(key);
          grantMembers.set(payload.grantId, members);
        }
        writes += 1;
        if (writes % sweepEvery === 0) sweep();
      },
      async find(id) {
        return read(keyFor(id));
      },
      async findByUid(uid) {
        const id = sessionIdByUid.get(uid);
        return id === undefined ? undefined : read(keyFor(id));
      },
      async findByUserCode(userCode) {
        const id = idByUserCode.get(userCode);
        return id === undefined ? undefined : read(keyFor(id));
      },
      async consume(id) {
        const payload = read(keyFor(id));
        if (payload !== undefined) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        entries.delete(keyFor(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of grantMembers.get(grantId) ?? []) {
          const entry = entries.get(key);
          if (entry !== undefined && key.startsWith('RefreshToken:')) {
            revokedRefreshTokens.set(key.slice('RefreshToken:'.length), entry.expiresAt);
          }
          entries.delete(key);
        }
        grantMembers.delete(grantId);
      },
    };
  };
  return Object.assign(adapterFor, { endSessionsOf, endSession, revokedWithGrant });
}
