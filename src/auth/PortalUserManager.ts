import {
  ErrorTimeout,
  type SigninPopupArgs,
  type SigninRedirectArgs,
  type SigninSilentArgs,
  type User,
  UserManager,
  type UserManagerSettings,
} from 'oidc-client-ts';
import { PortalCheckError } from '../shared/portalCheck.ts';
import { refreshEnding } from '../shared/refreshEnding.ts';
import { readToken } from '../shared/token/readToken.ts';
import {
  type Identity,
  identityAfter,
  identityBefore,
  identityChanged,
  keepRefreshToken,
} from './refreshChecks.ts';
import { callbackIssuerCheck, discoveryIssuerCheck } from './signinChecks.ts';

/**
 * oidc-client-ts's UserManager with the checks it leaves to the application, each decided by a pure
 * function (signinChecks, refreshChecks) and wired here, at the one place every sign-in and refresh
 * passes through:
 * - sign-in: the realm's discovery must name the configured issuer, and the callback's `iss`
 *   (RFC 9207) the realm's, before the code is exchanged; in a pop-up too, where the tab signs in
 *   again as the same user or not at all;
 * - refresh: a time limit on every call (oidc-client-ts 3.5 lets a call's own missing
 *   `silentRequestTimeoutInSeconds` override the setting: `_useRefreshToken` spreads the call's
 *   `timeoutInSeconds: undefined` over the default), tokens for the same user or none, a dead
 *   refresh token never stored again, and a spent one not kept.
 */
type Metadata = Record<string, unknown>;

export interface PortalUserManagerOptions {
  /** The page's one discovery fetch per realm (discoveryCache), null when it gave no document. */
  discovery?: (authority: string) => Promise<Metadata | null>;
  /** Keeps the document a sign-in was started with, for its callback page (carriedDiscovery). */
  carryDiscovery?: (metadata: Metadata) => void;
}

export class PortalUserManager extends UserManager {
  /** While a refresh runs: whose tokens the answer must be for, and the refresh token it presents. */
  private refreshing: { identity: Identity; refreshToken: string | undefined } | null = null;
  /** Whether this realm was seen handing out a new refresh token on refresh (rotation). */
  private rotationSeen = false;
  /** While the tab signs in again in a pop-up: whose tokens the answer must be for, if anyone's. */
  private signingInAgain: { expected: Identity | null } | null = null;

  constructor(
    settings: UserManagerSettings,
    private readonly options: PortalUserManagerOptions = {},
  ) {
    super(settings);
    const { discovery } = options;
    if (!discovery) return;
    // oidc-client-ts reads discovery only through this method, and has no setting that takes a
    // document arriving later: the page's own fetch answers it, so the sign-in check, the panels and
    // the code exchange ask the realm once. Without a document, the library fetches and reports.
    const service = this.metadataService;
    const fetchItself = service.getMetadata.bind(service);
    service.getMetadata = async () =>
      (await withinSeconds(discovery(this.settings.authority), this.settings.requestTimeoutInSeconds)) ??
      fetchItself();
  }

  /** The realm's discovery document, once its issuer is the configured one. */
  private async checkDiscovery(): Promise<Record<string, unknown>> {
    const metadata = (await this.metadataService.getMetadata()) as Record<string, unknown>;
    const check = discoveryIssuerCheck(metadata.issuer, this.settings.authority);
    if (check) throw new PortalCheckError(check);
    return metadata;
  }

  override async signinRedirect(args?: SigninRedirectArgs): Promise<void> {
    const metadata = await this.checkDiscovery();
    this.options.carryDiscovery?.(metadata);
    return super.signinRedirect(args);
  }

  override async signinCallback(url = window.location.href): Promise<User | undefined> {
    await this.checkCallback(url);
    return super.signinCallback(url);
  }

  /**
   * Signs this tab in again in a pop-up: the page stays, and with it what it holds in memory only
   * (identities, earlier tokens). prompt=login, so the realm asks for the password instead of
   * handing back whoever signed in last in this browser; the answer must be for `current`'s user
   * (when there is one), or nothing of it is stored. It comes back to the pop-up callback page.
   */
  async signinPopupAs(current: User | null, args: SigninPopupArgs = {}): Promise<User> {
    await this.checkDiscovery();
    const expected = current ? identityBefore(current) : null;
    const hint = current
      ? (readToken(current.access_token).username ?? current.profile.preferred_username)
      : undefined;
    this.signingInAgain = { expected };
    try {
      return await super.signinPopup({
        prompt: 'login',
        popupAbortOnClose: true,
        ...(hint ? { login_hint: hint } : {}),
        ...args,
      });
    } finally {
      this.signingInAgain = null;
    }
  }

  /** The pop-up's answer, before its code is exchanged: checked like a redirect's (signinCallback). */
  protected override async _signinEnd(url: string, verifySub?: string): Promise<User> {
    if (this.signingInAgain) await this.checkCallback(url);
    return super._signinEnd(url, verifySub);
  }

  /** RFC 9207: the answer's `iss` must be the realm's, or its code is never exchanged. */
  private async checkCallback(url: string): Promise<void> {
    const params = URL.parse(url)?.searchParams;
    const state = params?.get('state');
    // An answer without a code has nothing to exchange, and one this tab did not ask for is stale:
    // the library reports either.
    if (!params?.has('code') || !state || (await this.settings.stateStore.get(state)) === null) return;
    const metadata = await this.checkDiscovery();
    const check = callbackIssuerCheck(
      url,
      metadata.issuer as string,
      metadata.authorization_response_iss_parameter_supported === true,
    );
    if (check) {
      // Consumed like any answer, so a reload cannot replay it; its code is never exchanged.
      await this.settings.stateStore.remove(state);
      throw new PortalCheckError(check);
    }
  }

  override async signinSilent(args: SigninSilentArgs = {}): Promise<User | null> {
    const before = await this.getUser();
    this.refreshing = before
      ? { identity: identityBefore(before), refreshToken: before.refresh_token }
      : null;
    try {
      return await super.signinSilent({
        ...args,
        silentRequestTimeoutInSeconds:
          args.silentRequestTimeoutInSeconds ?? this.settings.silentRequestTimeoutInSeconds,
      });
    } catch (error) {
      const ending = refreshEnding(error);
      // Another user's tokens: sign out here rather than mix identities (memory and storage).
      if (ending === 'identity') await this.removeUser();
      // A dead refresh token: off storage, so nothing sends it again (a reload is signed out); the
      // page keeps what it shows until then, the access token working at APIs until its exp.
      else if (ending === 'terminal') await super.storeUser(null);
      throw error;
    } finally {
      this.refreshing = null;
    }
  }

  /** Every refresh stores its user here first: the last gate before the tab takes the answer. */
  override async storeUser(user: User | null): Promise<void> {
    const expected = this.signingInAgain?.expected;
    if (user && expected) {
      // Signing in again is for this tab's user: another user's tokens are not this tab's session.
      const changed = identityChanged(expected, identityAfter(user));
      if (changed) throw new PortalCheckError({ kind: 'signed-in-as-another', ...changed });
    }
    const refreshing = this.refreshing;
    if (user && refreshing) {
      const changed = identityChanged(refreshing.identity, identityAfter(user));
      if (changed) throw new PortalCheckError({ kind: 'identity-changed', ...changed });
      const { keep, rotated } = keepRefreshToken(
        refreshing.refreshToken,
        user.refresh_token,
        this.rotationSeen,
      );
      this.rotationSeen ||= rotated;
      if (!keep) delete user.refresh_token;
    }
    return super.storeUser(user);
  }
}

/** The realm's time limit on the shared discovery fetch too, failing as the library's own would. */
function withinSeconds<T>(pending: Promise<T>, seconds: number | undefined): Promise<T> {
  if (seconds === undefined) return pending;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ErrorTimeout('Network timed out')), seconds * 1000);
  });
  return Promise.race([pending, late]).finally(() => clearTimeout(timer));
}
