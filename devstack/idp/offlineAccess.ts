import type { IdpMiddleware } from './middleware.ts';

/**
 * Keycloak grants `offline_access` to a user holding that realm role without a consent prompt; its
 * refresh token is an offline one, which outlives the browser session (another user signing in,
 * a logout) until it is revoked. oidc-provider honours the scope only with `prompt=consent` (OpenID
 * Connect Core §11): this adds it to such authorization requests, and the login actions grant the
 * consent without asking, as for any request of this first-party client.
 */
export function offlineAccessLikeKeycloak(authorizationPath: string): IdpMiddleware {
  return async (ctx, next) => {
    if (ctx.path === authorizationPath && ctx.method === 'GET') {
      const scope = String(ctx.query.scope ?? '').split(' ');
      const prompt = String(ctx.query.prompt ?? '')
        .split(' ')
        .filter(Boolean);
      if (scope.includes('offline_access') && !prompt.includes('consent')) {
        // oidc-provider finds its mount path as req.originalUrl minus req.url: keep them in step.
        const req = ctx.req as typeof ctx.req & { originalUrl?: string };
        const before = req.url ?? '';
        const mount = req.originalUrl?.endsWith(before) ? req.originalUrl.slice(0, -before.length) : '';
        ctx.query = { ...ctx.query, prompt: [...prompt, 'consent'].join(' ') };
        if (req.originalUrl !== undefined) req.originalUrl = `${mount}${req.url ?? ''}`;
      }
    }
    await next();
  };
}
