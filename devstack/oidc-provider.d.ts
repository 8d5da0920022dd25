// oidc-provider ships no type declarations. These cover only the parts the devstack uses, read from
// node_modules/oidc-provider/lib (v9); widen them here when the devstack needs more.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** The Koa context oidc-provider hands to middleware and helpers (Koa has no types installed). */
  export interface KoaContext {
    req: IncomingMessage;
    res: ServerResponse;
    method: string;
    path: string;
    status: number;
    body: unknown;
    type: string;
    get(field: string): string;
    set(field: string, value: string): void;
    remove(field: string): void;
    vary(field: string): void;
    redirect(url: string): void;
    response: { headers: Record<string, unknown> };
    /** Koa's per-request scratch space, shared by middleware. */
    state: Record<string, unknown>;
    /** Only set inside oidc-provider's own routes. */
    oidc: OIDCContext;
  }

  export type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

  export interface Client {
    clientId: string;
    grantTypeAllowed(type: string): boolean;
  }

  export interface ResourceServer {
    scope: string;
  }

  export interface OIDCContext {
    client?: Client;
    session: { accountId?: string; grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
    entities: {
      AuthorizationCode?: { authTime?: number };
      RefreshToken?: { authTime?: number; sessionUid?: string };
    };
    requestParamOIDCScopes: Set<string>;
    /** The request's parameters, once oidc-provider has parsed them. */
    params?: Record<string, unknown>;
    requestParamClaims: Set<string>;
    resourceServers: Record<string, ResourceServer>;
    provider: Provider;
  }

  export interface Grant {
    accountId?: string;
    clientId?: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(indicator: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface SessionModel {
    findByUid(uid: string): Promise<{ uid: string; accountId?: string } | undefined>;
  }

  export interface GrantModel {
    new (init: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export interface Interaction {
    uid: string;
    returnTo: string;
    grantId?: string;
    params: Record<string, unknown>;
    session?: { accountId?: string; uid?: string };
    prompt: {
      name: string;
      reasons: string[];
      details: {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
    };
  }

  export interface InteractionResults {
    login?: { accountId: string };
    consent?: { grantId?: string };
  }

  /** The AccessToken model instance handed to extraTokenClaims and the JWT customizer. */
  export interface AccessToken {
    kind: string;
    accountId?: string;
    clientId: string;
    sid?: string;
    sessionUid?: string;
    scope?: string;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  export interface AdapterPayload {
    [key: string]: unknown;
    grantId?: string;
    uid?: string;
    userCode?: string;
    consumed?: number;
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  type Ttl = number | ((ctx: KoaContext, token: { resourceServer?: { accessTokenTTL?: number } }) => number);
  type Policy = (ctx: KoaContext, client: Client, token: { clientId: string }) => Promise<boolean>;

  export interface Configuration {
    adapter?: (model: string) => Adapter;
    clients?: Record<string, unknown>[];
    jwks?: { keys: Record<string, unknown>[] };
    cookies?: { keys?: string[] };
    claims?: Record<string, string[] | null>;
    scopes?: string[];
    clientBasedCORS?: (ctx: KoaContext, origin: string, client: Client) => boolean;
    findAccount?: (ctx: KoaContext, sub: string) => Promise<Account | undefined>;
    loadExistingGrant?: (ctx: KoaContext) => Promise<Grant | undefined>;
    extraTokenClaims?: (ctx: KoaContext, token: AccessToken) => Promise<Record<string, unknown> | undefined>;
    formats?: {
      customizers?: {
        jwt?: (
          ctx: KoaContext,
          token: AccessToken,
          jwt: { header?: Record<string, unknown>; payload: Record<string, unknown> },
        ) => Promise<void>;
      };
    };
    issueRefreshToken?: (ctx: KoaContext, client: Client) => Promise<boolean>;
    rotateRefreshToken?: boolean;
    pkce?: { required?: () => boolean };
    interactions?: { url?: (ctx: KoaContext, interaction: Interaction) => Promise<string> };
    renderError?: (ctx: KoaContext, out: Record<string, unknown>, error: Error) => Promise<void>;
    routes?: Record<string, string>;
    ttl?: Record<string, Ttl>;
    features?: {
      devInteractions?: { enabled: boolean };
      introspection?: { enabled: boolean; allowedPolicy?: Policy };
      revocation?: { enabled: boolean; allowedPolicy?: Policy };
      userinfo?: { enabled: boolean };
      rpInitiatedLogout?: {
        enabled: boolean;
        logoutSource?: (ctx: KoaContext, form: string) => Promise<void>;
        postLogoutSuccessSource?: (ctx: KoaContext) => Promise<void>;
      };
      resourceIndicators?: {
        enabled: boolean;
        defaultResource?: (ctx: KoaContext, client: Client, oneOf?: string[]) => Promise<string | string[]>;
        useGrantedResource?: () => Promise<boolean>;
        getResourceServerInfo?: (
          ctx: KoaContext,
          resourceIndicator: string,
          client: Client,
        ) => Promise<{
          scope: string;
          audience?: string;
          accessTokenTTL?: number;
          accessTokenFormat?: 'opaque' | 'jwt';
          jwt?: { sign?: { alg: string } };
        }>;
      };
    };
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    issuer: string;
    proxy: boolean;
    Grant: GrantModel;
    Session: SessionModel;
    RefreshToken: {
      find(
        value: string,
        options?: { ignoreExpiration?: boolean; ignoreSessionBinding?: boolean },
      ): Promise<{ isExpired: boolean; sessionUid?: string } | undefined>;
    };
    use(middleware: Middleware): this;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    on(event: 'server_error', listener: (ctx: KoaContext, error: Error) => void): this;
    on(event: 'grant.error', listener: (ctx: KoaContext, error: OIDCProviderError) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
  }

  class OIDCProviderError extends Error {
    error: string;
    error_description?: string;
    /** The internal reason (e.g. "refresh token already used"); never sent to the client. */
    error_detail?: string;
    constructor(description?: string);
  }

  export const errors: {
    OIDCProviderError: typeof OIDCProviderError;
    InvalidTarget: typeof OIDCProviderError;
    SessionNotFound: typeof OIDCProviderError;
    InvalidGrant: typeof OIDCProviderError;
  };

  export default Provider;
}
