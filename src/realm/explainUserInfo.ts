import type { EnvironmentConfig } from '../config/types.ts';
import type { SendResult } from '../shared/bearer/send.ts';
import { toCurl } from '../shared/bearer/toCurl.ts';
import { explainResponse } from '../shared/bearer/verdict/explainResponse.ts';
import type { Verdict } from '../shared/bearer/verdict/verdict.ts';
import { bearerError } from '../shared/bearer/verdict/wwwAuthenticate.ts';
import { expectationsOf } from '../shared/token/judgeToken.ts';
import type { TokenReading } from '../shared/token/readToken.ts';

export type UserInfoOutcome =
  | { ok: true; claims: Record<string, unknown> }
  | { ok: false; verdict: Verdict; body: string };

export interface UserInfoContext {
  environment: EnvironmentConfig;
  url: string;
  /** When the call left, in server time as far as the portal knows. */
  sentAtMs: number;
  portalOrigin: string;
}

/**
 * What the realm's UserInfo endpoint said about the access token. The shared bearer explainer
 * reads the answers it shares with any bearer API; the realm-only cases come first: a session
 * ended at the realm (Keycloak refuses the still-unexpired JWT), a token without the `openid`
 * scope (OIDC Core §5.3.1: 403 insufficient_scope), and no answer at all (the client's Web origins).
 */
export function explainUserInfo(
  result: SendResult,
  body: string,
  token: TokenReading,
  context: UserInfoContext,
): UserInfoOutcome {
  const fail = (verdict: Verdict): UserInfoOutcome => ({ ok: false, verdict, body });
  const curl = toCurl({
    method: 'GET',
    url: context.url,
    headers: [['Authorization', `Bearer ${token.raw}`]],
  });

  if (result.kind === 'network-error') {
    return fail({
      kind: 'no-response',
      title: 'No response from UserInfo: the realm is unreachable, or CORS blocked it',
      detail: `The browser got no readable answer from ${context.url} (“${result.message}”). Keycloak only answers browsers from origins in the client's Web origins: ${context.portalOrigin} must be listed there.`,
      next: 'Retry with curl (set TOKEN first): if curl gets an answer, ask the realm admin to add this origin to Web origins.',
      tone: 'bad',
      curl,
    });
  }
  if (result.kind === 'response' && result.status >= 200 && result.status < 300) {
    try {
      const claims: unknown = JSON.parse(body);
      if (typeof claims === 'object' && claims !== null && !Array.isArray(claims)) {
        return { ok: true, claims: claims as Record<string, unknown> };
      }
    } catch {
      // Falls through: a signed or encrypted UserInfo (application/jwt) is not JSON.
    }
    return fail({
      kind: 'http-status',
      title: `${result.status}, but not a JSON object`,
      detail:
        'UserInfo answered in another format, e.g. a signed or encrypted JWT (the client asks for signed UserInfo).',
      next: 'Read the body below; ask the realm admin whether the client sets a UserInfo signature algorithm.',
      tone: 'warn',
    });
  }
  if (result.kind === 'response') {
    // Keycloak's UserInfo puts the error in the JSON body too; CORS often hides WWW-Authenticate.
    const { error, description } = bearerError(result.headers, body);
    if (result.status === 401 && /session/i.test(description)) {
      return fail({
        kind: 'invalid-token',
        title: 'The realm session behind this token has ended',
        detail: `The realm says “${description}”: the user signed out (maybe in another tab or app), an admin ended the session, or it timed out. The token has not expired, but the realm no longer honours it; APIs that only check the signature still would.`,
        next: 'Sign in again.',
        tone: 'bad',
      });
    }
    if (result.status === 403 && (error === 'insufficient_scope' || error === undefined)) {
      return fail({
        kind: 'insufficient-scope',
        title: 'UserInfo needs the openid scope',
        detail: `The realm refused with 403${error ? ' insufficient_scope' : ''}${description ? ` (“${description}”)` : ''}: UserInfo only answers access tokens issued with the openid scope.`,
        next: 'Add openid to the scope in config.json and sign in again.',
        tone: 'bad',
      });
    }
  }
  return fail(
    explainResponse(
      result,
      token,
      {
        sentAtMs: context.sentAtMs,
        // UserInfo is the realm's, not the API's: no audience of the API to expect here.
        expected: { ...expectationsOf(context.environment), audience: undefined },
        portalOrigin: context.portalOrigin,
        curl,
      },
      body,
    ),
  );
}
