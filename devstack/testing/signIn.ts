import { authorize } from './authorize.ts';
import { tokenRequest } from './tokenRequest.ts';

/** The token endpoint's success response (RFC 6749 §5.1, plus OpenID Connect's id_token). */
export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
}

export interface SignInOptions {
  /** Anything with the realm's issuer, e.g. what createIdp returns. */
  idp: { issuer: string };
  clientId: string;
  redirectUri: string;
  username: string;
  password: string;
  scope?: string;
}

function isTokenResponse(value: unknown): value is TokenResponse {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.access_token === 'string' && typeof record.token_type === 'string';
}

/**
 * Signs a devstack user in through the real login page (authorization code + PKCE, done with fetch)
 * and exchanges the code for tokens. Throws with the IdP's message when anything fails.
 */
export async function signIn({
  idp,
  clientId,
  redirectUri,
  username,
  password,
  scope,
}: SignInOptions): Promise<TokenResponse> {
  const { code, codeVerifier } = await authorize({ idp, clientId, redirectUri, username, password, scope });
  const response = await tokenRequest(idp, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: clientId,
    code_verifier: codeVerifier,
  });
  const body: unknown = await response.json();
  if (!response.ok || !isTokenResponse(body)) {
    throw new Error(`Token exchange failed (${response.status}): ${JSON.stringify(body)}`);
  }
  return body;
}
