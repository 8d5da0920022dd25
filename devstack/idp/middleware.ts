import type { KoaContextWithOIDC } from 'oidc-provider';

/**
 * A Koa middleware of the embedded IdP, run by `provider.use()` in front of oidc-provider's own
 * routes. `ctx.oidc` is only filled inside those routes, i.e. after `await next()`.
 */
export type IdpMiddleware = (ctx: KoaContextWithOIDC, next: () => Promise<unknown>) => Promise<void>;
