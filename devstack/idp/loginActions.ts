import {
  errors,
  type Interaction,
  type InteractionResults,
  type KoaContextWithOIDC,
  type Provider,
} from 'oidc-provider';
import { idpPages } from './idpPages.ts';
import type { IdpMiddleware } from './middleware.ts';
import { readForm } from './readForm.ts';
import { users } from './users.ts';

/** The strings of a list oidc-provider describes only as `unknown` (prompt details). */
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

export interface LoginActionsOptions {
  provider: Provider;
  /** The login page path relative to the realm, as ctx.path shows it (e.g. /login-actions). */
  path: string;
  /** The same path as the browser sees it (with the realm prefix), for the form action. */
  publicPath: string;
}

function showError(ctx: KoaContextWithOIDC, status: number, message: string) {
  ctx.status = status;
  ctx.type = 'html';
  ctx.body = idpPages.error(message);
}

// The standard oidc-provider consent step, done without asking: this is a first-party client.
// Normally unreachable because loadExistingGrant already grants everything requested.
async function grantEverything(provider: Provider, interaction: Interaction): Promise<string> {
  const { prompt, session, params } = interaction;
  const accountId = session?.accountId;
  if (accountId === undefined || typeof params.client_id !== 'string') {
    throw new Error('consent interaction without a signed-in account');
  }
  const existing =
    interaction.grantId === undefined ? undefined : await provider.Grant.find(interaction.grantId);
  const grant = existing ?? new provider.Grant({ accountId, clientId: params.client_id });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = prompt.details;
  const scope = strings(missingOIDCScope);
  if (scope.length > 0) grant.addOIDCScope(scope.join(' '));
  const claims = strings(missingOIDCClaims);
  if (claims.length > 0) grant.addOIDCClaims(claims);
  const resources =
    typeof missingResourceScopes === 'object' && missingResourceScopes !== null ? missingResourceScopes : {};
  for (const [indicator, scopes] of Object.entries(resources)) {
    grant.addResourceScope(indicator, strings(scopes).join(' '));
  }
  const grantId = await grant.save();
  return grantId;
}

/**
 * The realm's own login page (GET renders, POST checks the password), at
 * `/login-actions/<interaction uid>` like Keycloak's. A wrong password re-renders the form with
 * Keycloak's message and HTTP 200, as Keycloak does.
 */
export function loginActions({ provider, path, publicPath }: LoginActionsOptions): IdpMiddleware {
  const pattern = new RegExp(`^${path}/([A-Za-z0-9_-]+)$`);
  return async (ctx, next) => {
    const uid = pattern.exec(ctx.path)?.[1];
    if (uid === undefined || (ctx.method !== 'GET' && ctx.method !== 'POST')) {
      await next();
      return;
    }
    ctx.set('Cache-Control', 'no-store');
    let interaction: Interaction;
    try {
      interaction = await provider.interactionDetails(ctx.req, ctx.res);
    } catch (error) {
      if (!(error instanceof errors.SessionNotFound)) throw error;
      showError(ctx, 400, 'Your login attempt timed out. Login will start from the beginning.');
      return;
    }
    if (interaction.uid !== uid) {
      showError(ctx, 400, 'This sign-in page belongs to another login attempt. Start signing in again.');
      return;
    }

    const finish = async (result: InteractionResults, merge: boolean) => {
      const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, {
        mergeWithLastSubmission: merge,
      });
      ctx.status = 303;
      ctx.redirect(returnTo);
    };

    if (interaction.prompt.name === 'consent') {
      const grantId = await grantEverything(provider, interaction);
      await finish({ consent: { grantId } }, true);
      return;
    }
    if (interaction.prompt.name !== 'login') {
      showError(ctx, 400, `Unsupported sign-in step "${interaction.prompt.name}". Start signing in again.`);
      return;
    }

    const action = `${publicPath}/${uid}`;
    const loginHint = typeof interaction.params.login_hint === 'string' ? interaction.params.login_hint : '';
    if (ctx.method === 'GET') {
      ctx.status = 200;
      ctx.type = 'html';
      ctx.body = idpPages.login({ action, username: loginHint, testUsers: users });
      return;
    }

    const form = await readForm(ctx.req);
    const username = form.get('username') ?? '';
    const password = form.get('password') ?? '';
    const user = users.find((candidate) => candidate.username === username.trim().toLowerCase());
    if (user === undefined || user.password !== password) {
      ctx.status = 200;
      ctx.type = 'html';
      ctx.body = idpPages.login({
        action,
        username,
        error: 'Invalid username or password.',
        testUsers: users,
      });
      return;
    }
    await finish({ login: { accountId: user.sub } }, false);
  };
}
