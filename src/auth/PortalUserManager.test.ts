import {
  ErrorTimeout,
  User,
  UserManager,
  type UserManagerSettings,
  WebStorageStateStore,
} from 'oidc-client-ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PortalCheckError } from '../shared/portalCheck.ts';
import { fakeJwt } from '../test/fakeJwt.ts';
import { PortalUserManager } from './PortalUserManager.ts';

/*
 * The real oidc-client-ts under the portal's manager, with the network faked: oidc-client-ts calls
 * the global fetch and takes no fetch of its own, so it is stubbed here (and only here).
 */

const AUTHORITY = 'https://auth.abrumet.example/realms/abrumet';
const TOKEN_ENDPOINT = `${AUTHORITY}/protocol/openid-connect/token`;
const REDIRECT = 'https://portal.example/callback/production';

const metadata = (issuer = AUTHORITY) => ({
  issuer,
  authorization_endpoint: `${AUTHORITY}/protocol/openid-connect/auth`,
  token_endpoint: TOKEN_ENDPOINT,
  authorization_response_iss_parameter_supported: true,
});

const settings = (overrides: Partial<UserManagerSettings> = {}): UserManagerSettings => ({
  authority: AUTHORITY,
  client_id: 'abrumet-portal',
  redirect_uri: REDIRECT,
  metadata: metadata(),
  userStore: new WebStorageStateStore({ store: sessionStorage, prefix: 'test.' }),
  stateStore: new WebStorageStateStore({ store: sessionStorage, prefix: 'test.' }),
  automaticSilentRenew: false,
  loadUserInfo: false,
  silentRequestTimeoutInSeconds: 5,
  requestTimeoutInSeconds: 5,
  ...overrides,
});

const now = () => Math.floor(Date.now() / 1000);
const accessFor = (sub: string, username: string) =>
  fakeJwt({ sub, preferred_username: username, iat: now(), exp: now() + 300, jti: crypto.randomUUID() });
const therapist = () =>
  new User({
    access_token: accessFor('sub-t', 'therapist'),
    refresh_token: 'rt-1',
    token_type: 'Bearer',
    scope: 'openid profile email',
    profile: { sub: 'sub-t', iss: AUTHORITY, aud: 'abrumet-portal', exp: now() + 300, iat: now() },
    expires_at: now() + 300,
  });

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

let calls: string[];
const answerWith = (answer: (url: string, init?: RequestInit) => Promise<Response>) => {
  const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(String(input));
    return answer(String(input), init);
  });
  vi.stubGlobal('fetch', fetch);
};
/** A fetch that never answers, as a hanging endpoint, but stops when its signal aborts. */
const hanging = (_: string, init?: RequestInit) =>
  new Promise<Response>((_, reject) =>
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
  );

beforeEach(() => {
  calls = [];
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('PortalUserManager, sign-in', () => {
  it('case 10: refuses to send anyone to sign in at a realm whose discovery names another issuer', async () => {
    const manager = new PortalUserManager(
      settings({ metadata: metadata('https://acc.example/realms/abrumet') }),
    );
    await expect(manager.signinRedirect()).rejects.toMatchObject({
      check: { kind: 'discovery-issuer', advertised: 'https://acc.example/realms/abrumet' },
    });
  });

  it('case 6: refuses a callback whose iss names another realm before any token request, and consumes it', async () => {
    answerWith(async () => json({}));
    const manager = new PortalUserManager(settings());
    await manager.settings.stateStore.set(
      'st-1',
      JSON.stringify({ id: 'st-1', created: now(), request_type: 'si:r' }),
    );
    const callback = `${REDIRECT}?code=c1&state=st-1&iss=${encodeURIComponent('https://acc.example/realms/abrumet')}`;
    await expect(manager.signinCallback(callback)).rejects.toBeInstanceOf(PortalCheckError);
    expect(calls).toEqual([]);
    expect(await manager.settings.stateStore.get('st-1')).toBeNull();
  });

  it('case 27: the code exchange stops at requestTimeoutInSeconds', async () => {
    vi.useFakeTimers();
    answerWith(hanging);
    const manager = new PortalUserManager(settings());
    const state = {
      id: 'st-2',
      created: now(),
      request_type: 'si:r',
      code_verifier: 'v'.repeat(43),
      authority: AUTHORITY,
      client_id: 'abrumet-portal',
      redirect_uri: REDIRECT,
      scope: 'openid',
    };
    await manager.settings.stateStore.set('st-2', JSON.stringify(state));
    const exchange = manager.signinCallback(
      `${REDIRECT}?code=c2&state=st-2&iss=${encodeURIComponent(AUTHORITY)}`,
    );
    const outcome = expect(exchange).rejects.toBeInstanceOf(ErrorTimeout);
    // PKCE hashing runs off the fake clock: wait until the exchange has left, then let time pass.
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(5_000);
    await outcome;
    expect(calls).toEqual([TOKEN_ENDPOINT]);
  });
});

describe('PortalUserManager, signing in again in a pop-up', () => {
  const POPUP = `${REDIRECT}/identity`;
  /** oidc-client-ts's pop-up, faked: the realm answers at once, as `answer` says for the request. */
  const inPopup = (manager: PortalUserManager, answer: (request: URL) => string) => {
    const opened: URL[] = [];
    const navigator = {
      prepare: async () => ({
        navigate: async ({ url }: { url: string }) => {
          const request = new URL(url);
          opened.push(request);
          return { url: answer(request) };
        },
        close: () => {},
      }),
      callback: async () => {},
    };
    Object.assign(manager, { _popupNavigator: navigator });
    return opened;
  };
  const answered = (request: URL, iss = AUTHORITY) =>
    `${POPUP}?code=c1&state=${request.searchParams.get('state')}&iss=${encodeURIComponent(iss)}`;
  const tokensOf = (sub: string, username: string) => async () =>
    json({
      access_token: accessFor(sub, username),
      refresh_token: 'rt-new',
      token_type: 'Bearer',
      expires_in: 300,
    });
  const manager = () => new PortalUserManager(settings({ scope: 'profile', popup_redirect_uri: POPUP }));

  it('asks the realm for the password of the same user, comes back to the pop-up page, and stores the new session', async () => {
    answerWith(tokensOf('sub-t', 'therapist'));
    const portal = manager();
    const opened = inPopup(portal, (request) => answered(request));
    const user = await portal.signinPopupAs(therapist());
    expect(Object.fromEntries(opened[0]?.searchParams ?? [])).toMatchObject({
      prompt: 'login',
      login_hint: 'therapist',
      redirect_uri: POPUP,
    });
    expect(user.refresh_token).toBe('rt-new');
    expect((await portal.getUser())?.refresh_token).toBe('rt-new');
  });

  it('keeps nothing of another user’s sign-in: this tab stays its user’s', async () => {
    answerWith(tokensOf('sub-p', 'patient'));
    const portal = manager();
    await portal.storeUser(therapist());
    const loaded = vi.fn();
    portal.events.addUserLoaded(loaded);
    inPopup(portal, (request) => answered(request));
    await expect(portal.signinPopupAs(therapist())).rejects.toMatchObject({
      check: { kind: 'signed-in-as-another', before: 'therapist', after: 'patient' },
    });
    expect((await portal.getUser())?.refresh_token).toBe('rt-1');
    expect(loaded).not.toHaveBeenCalled();
  });

  it('takes anyone when the tab holds no user (signed out by a refresh for someone else)', async () => {
    answerWith(tokensOf('sub-p', 'patient'));
    const portal = manager();
    const opened = inPopup(portal, (request) => answered(request));
    expect((await portal.signinPopupAs(null)).refresh_token).toBe('rt-new');
    expect(opened[0]?.searchParams.has('login_hint')).toBe(false);
  });

  it('case 6 in the pop-up: refuses an answer whose iss names another realm before any token request', async () => {
    answerWith(tokensOf('sub-t', 'therapist'));
    const portal = manager();
    inPopup(portal, (request) => answered(request, 'https://acc.example/realms/abrumet'));
    await expect(portal.signinPopupAs(therapist())).rejects.toBeInstanceOf(PortalCheckError);
    expect(calls).toEqual([]);
  });
});

describe('PortalUserManager, refresh', () => {
  const signedIn = async (manager: UserManager) => {
    await manager.storeUser(therapist());
    return manager;
  };

  it('case 27: oidc-client-ts 3.5 alone lets a refresh wait forever; the portal stops it at the setting', async () => {
    vi.useFakeTimers();
    answerWith(hanging);
    // The library: the call's own missing silentRequestTimeoutInSeconds overrides the setting.
    const plain = await signedIn(new UserManager(settings()));
    let settled = false;
    void plain.signinSilent().then(
      () => (settled = true),
      () => (settled = true),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled).toBe(false);

    const portal = await signedIn(new PortalUserManager(settings()));
    const refresh = expect(portal.signinSilent()).rejects.toBeInstanceOf(ErrorTimeout);
    await vi.advanceTimersByTimeAsync(5_000);
    await refresh;
    // A timeout is not the end of the session: the tokens stay.
    expect((await portal.getUser())?.refresh_token).toBe('rt-1');
  });

  it('case 22: a refused refresh token leaves storage (never sent again), without unloading the page', async () => {
    answerWith(async () => json({ error: 'invalid_grant', error_description: 'Token is not active' }, 400));
    const manager = await signedIn(new PortalUserManager(settings()));
    const unloaded = vi.fn();
    manager.events.addUserUnloaded(unloaded);
    await expect(manager.signinSilent()).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await manager.getUser()).toBeNull();
    expect(unloaded).not.toHaveBeenCalled();
  });

  it("case 30: refuses a refresh answer with another user's access token, and signs out", async () => {
    answerWith(async () =>
      json({
        access_token: accessFor('sub-p', 'patient'),
        refresh_token: 'rt-p',
        token_type: 'Bearer',
        expires_in: 300,
      }),
    );
    const manager = await signedIn(new PortalUserManager(settings()));
    const loaded = vi.fn();
    const unloaded = vi.fn();
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(unloaded);
    await expect(manager.signinSilent()).rejects.toMatchObject({
      check: { kind: 'identity-changed', before: 'therapist', after: 'patient' },
    });
    expect(await manager.getUser()).toBeNull();
    expect(loaded).not.toHaveBeenCalled();
    expect(unloaded).toHaveBeenCalledTimes(1);
  });

  it('takes a refresh answer for the same user', async () => {
    answerWith(async () =>
      json({
        access_token: accessFor('sub-t', 'therapist'),
        refresh_token: 'rt-2',
        token_type: 'Bearer',
        expires_in: 300,
      }),
    );
    const manager = await signedIn(new PortalUserManager(settings()));
    expect((await manager.signinSilent())?.refresh_token).toBe('rt-2');
  });

  it('case 31: keeps the refresh token an answer left out, until the realm was seen rotating them', async () => {
    let answer: Record<string, unknown> = {};
    answerWith(async () =>
      json({
        access_token: accessFor('sub-t', 'therapist'),
        token_type: 'Bearer',
        expires_in: 300,
        ...answer,
      }),
    );
    const manager = await signedIn(new PortalUserManager(settings()));
    expect((await manager.signinSilent())?.refresh_token).toBe('rt-1');
    answer = { refresh_token: 'rt-2' };
    expect((await manager.signinSilent())?.refresh_token).toBe('rt-2');
    answer = {};
    expect((await manager.signinSilent())?.refresh_token).toBeUndefined();
    expect((await manager.getUser())?.refresh_token).toBeUndefined();
  });
});

describe("PortalUserManager, the page's discovery", () => {
  const DISCOVERY_URL = `${AUTHORITY}/.well-known/openid-configuration`;
  // No `metadata` setting: the document comes from the page, or from the library's own fetch.
  const unseeded = () => settings({ metadata: undefined });

  it("answers the library from the page's document: the realm is not asked again", async () => {
    answerWith(async () => json(metadata()));
    const discovery = vi.fn(async () => metadata());
    const manager = new PortalUserManager(unseeded(), { discovery });
    expect(await manager.metadataService.getTokenEndpoint()).toBe(TOKEN_ENDPOINT);
    expect(discovery).toHaveBeenCalledWith(AUTHORITY);
    expect(calls).toEqual([]);
  });

  it('lets the library fetch it when the page has none (its own errors then say why)', async () => {
    answerWith(async () => json(metadata()));
    const manager = new PortalUserManager(unseeded(), { discovery: async () => null });
    expect(await manager.metadataService.getTokenEndpoint()).toBe(TOKEN_ENDPOINT);
    expect(calls).toEqual([DISCOVERY_URL]);
  });

  it("stops waiting for the page's fetch at requestTimeoutInSeconds, as for its own", async () => {
    vi.useFakeTimers();
    const manager = new PortalUserManager(unseeded(), { discovery: () => new Promise(() => {}) });
    const outcome = expect(manager.metadataService.getMetadata()).rejects.toBeInstanceOf(ErrorTimeout);
    await vi.advanceTimersByTimeAsync(5_000);
    await outcome;
  });

  it("carries nothing when the page's document names another issuer, and sends no one to sign in", async () => {
    const carryDiscovery = vi.fn();
    const manager = new PortalUserManager(unseeded(), {
      discovery: async () => metadata('https://acc.example/realms/abrumet'),
      carryDiscovery,
    });
    await expect(manager.signinRedirect()).rejects.toMatchObject({ check: { kind: 'discovery-issuer' } });
    expect(carryDiscovery).not.toHaveBeenCalled();
  });
});
