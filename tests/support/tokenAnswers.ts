import type { Page, Route } from 'playwright-core';

type Json = Record<string, unknown>;

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A JWT made here, not by the realm (its signature is a placeholder unless given): what a
 * malicious or broken gateway could hand the portal in place of the realm's access token.
 */
export function craftJwt(
  payload: Json,
  header: Json = { alg: 'RS256', typ: 'JWT', kid: 'crafted' },
  signature = 'c2lnbmF0dXJl',
) {
  return `${b64url(header)}.${b64url(payload)}.${signature}`;
}

const part = (token: string, index: number): Json =>
  JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8')) as Json;

/** The claims of a token (decoded, not verified). */
export const claimsOf = (token: string): Json => part(token, 1);

/** The JOSE header of a token (decoded, not verified). */
export const headerOf = (token: string): Json => part(token, 0);

export type TokenGrant = 'authorization_code' | 'refresh_token';

/**
 * Lets each token request reach the realm, then hands the page `edit`'s version of the answer:
 * the realm's body changed, or the route answered some other way (a fault). Returns the grants
 * seen, in order.
 */
export async function editTokenAnswers(
  page: Page,
  issuer: string,
  edit: (answer: {
    body: Json;
    grant: TokenGrant;
    route: Route;
    status: number;
  }) => Promise<Json | 'handled'> | Json | 'handled',
): Promise<TokenGrant[]> {
  const grants: TokenGrant[] = [];
  await page.route(`${issuer}/protocol/openid-connect/token`, async (route) => {
    const grant = new URLSearchParams(route.request().postData() ?? '').get('grant_type') as TokenGrant;
    grants.push(grant);
    const response = await route.fetch();
    const body = (await response.json()) as Json;
    const edited = await edit({ body, grant, route, status: response.status() });
    if (edited !== 'handled') await route.fulfill({ response, json: edited });
  });
  return grants;
}

/** The refresh token this tab stores (tests only: the portal never shows it unasked). */
export const storedSession = (page: Page) =>
  page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.local.user:'));
    return key
      ? (JSON.parse(sessionStorage.getItem(key) ?? '{}') as {
          access_token?: string;
          refresh_token?: string;
          scope?: string;
        })
      : null;
  });
