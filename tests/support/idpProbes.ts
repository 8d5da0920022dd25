import { decodeJwt, decodeProtectedHeader } from 'jose';
import { authorize, loginPageMessage } from '../../devstack/testing/authorize.ts';
import { CookieJar } from '../../devstack/testing/cookieJar.ts';
import { followLogout } from '../../devstack/testing/followLogout.ts';
import { signIn, type TokenResponse } from '../../devstack/testing/signIn.ts';
import { testPortal } from '../../devstack/testing/testPortal.ts';
import { tokenRequest } from '../../devstack/testing/tokenRequest.ts';

/**
 * The probes that compare the embedded IdP with a real Keycloak: each sends what the portal sends
 * (or what goes wrong in the field) and keeps only what the portal relies on, normalised so that
 * the two can be compared with toEqual (issuer → <issuer>, ids and times dropped).
 */
export interface ProbeTarget {
  issuer: string;
  endSessions(username: string): Promise<void>;
}

const { origin: portal, otherOrigin, clientId, redirectUri, postLogoutRedirectUri } = testPortal;
const oidc = (target: ProbeTarget, path: string) => `${target.issuer}/protocol/openid-connect${path}`;
const client = (target: ProbeTarget) => ({ idp: target, clientId, redirectUri });
const therapist = { username: 'therapist', password: 'therapist' };

async function answer(response: Response) {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? '' : JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body };
}

const cors = (response: Response) => ({
  allowOrigin: response.headers.get('access-control-allow-origin'),
  exposesWwwAuthenticate: /www-authenticate/i.test(
    response.headers.get('access-control-expose-headers') ?? '',
  ),
});

export function signInAs(target: ProbeTarget, username = 'therapist'): Promise<TokenResponse> {
  return signIn({ ...client(target), username, password: username });
}

const refresh = (target: ProbeTarget, refreshToken: string, origin = portal) =>
  tokenRequest(
    target,
    { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId },
    { Origin: origin },
  );

const sorted = (record: object) => Object.keys(record).sort();
/** Keycloak lists granted scopes in no fixed order; the portal reads them as a set. */
const scopeSet = (scope: unknown) => (typeof scope === 'string' ? scope.split(' ').sort().join(' ') : scope);

export async function discovery(target: ProbeTarget) {
  const response = await fetch(`${target.issuer}/.well-known/openid-configuration`);
  const metadata = (await response.json()) as Record<string, unknown>;
  const keys = [
    'authorization_endpoint',
    'token_endpoint',
    'userinfo_endpoint',
    'end_session_endpoint',
    'jwks_uri',
    'introspection_endpoint',
    'revocation_endpoint',
    'device_authorization_endpoint',
  ];
  const includes = (key: string, value: string) => (metadata[key] as unknown[] | undefined)?.includes(value);
  return {
    issuer: metadata.issuer === target.issuer,
    endpoints: Object.fromEntries(
      keys.map((key) => [key, String(metadata[key]).replace(target.issuer, '<issuer>')]),
    ),
    pkceS256: includes('code_challenge_methods_supported', 'S256'),
    codeFlow: includes('response_types_supported', 'code'),
    refreshGrant: includes('grant_types_supported', 'refresh_token'),
    clientCredentialsGrant: includes('grant_types_supported', 'client_credentials'),
    deviceGrant: includes('grant_types_supported', 'urn:ietf:params:oauth:grant-type:device_code'),
    issInAuthorizationResponse: metadata.authorization_response_iss_parameter_supported,
  };
}

export function tokenResponse(tokens: TokenResponse) {
  const record = tokens as unknown as Record<string, unknown>;
  return {
    fields: sorted(tokens),
    token_type: tokens.token_type,
    expires_in: tokens.expires_in,
    refresh_expires_in: record.refresh_expires_in,
    scope: scopeSet(tokens.scope),
    sessionStateIsSid: record.session_state === decodeJwt(tokens.access_token).sid,
  };
}

export function accessToken(tokens: TokenResponse) {
  const payload = decodeJwt(tokens.access_token);
  const { alg, typ } = decodeProtectedHeader(tokens.access_token);
  return {
    header: { alg, typ },
    claims: sorted(payload),
    typ: payload.typ,
    azp: payload.azp,
    acr: payload.acr,
    aud: payload.aud,
    scope: scopeSet(payload.scope),
    realmRoles: (payload.realm_access as { roles: string[] }).roles.toSorted(),
    allowedOrigins: payload['allowed-origins'],
    lifetime: (payload.exp ?? 0) - (payload.iat ?? 0),
  };
}

export function idToken(tokens: TokenResponse) {
  const payload = decodeJwt(tokens.id_token ?? '');
  const { alg, typ } = decodeProtectedHeader(tokens.id_token ?? '');
  return {
    header: { alg, typ },
    claims: sorted(payload),
    typ: payload.typ,
    aud: payload.aud,
    azp: payload.azp,
  };
}

/** Keycloak's refresh tokens are JWTs (typ "Refresh"); oidc-provider's are opaque. */
export function refreshTokenShape(tokens: TokenResponse) {
  const token = tokens.refresh_token ?? '';
  if (token.split('.').length !== 3) return { format: 'opaque' };
  return { format: 'jwt', typ: decodeJwt(token).typ };
}

export async function wrongPassword(target: ProbeTarget) {
  const attempt = await authorize({ ...client(target), username: 'therapist', password: 'nope' }).then(
    () => 'signed in',
    (error: Error) => error.message,
  );
  return { refused: attempt.replace(/^Sign-in as therapist failed: /, '') };
}

export async function reusedRefreshToken(target: ProbeTarget) {
  const tokens = await signInAs(target);
  const first = await refresh(target, tokens.refresh_token ?? '');
  const reused = await refresh(target, tokens.refresh_token ?? '');
  const rotated = ((await first.json()) as TokenResponse).refresh_token ?? '';
  // Keycloak and the embedded IdP both end the whole grant on reuse: the rotated one dies too.
  const afterReuse = await refresh(target, rotated);
  return {
    first: first.status,
    reused: await answer(reused),
    rotatedAfterReuse: (await answer(afterReuse)).status,
  };
}

export async function endedSession(target: ProbeTarget) {
  const tokens = await signInAs(target, 'patient');
  await target.endSessions('patient');
  const refreshed = await refresh(target, tokens.refresh_token ?? '');
  const userinfo = await fetch(oidc(target, '/userinfo'), {
    headers: { Authorization: `Bearer ${tokens.access_token}`, Origin: portal },
  });
  return {
    refresh: await answer(refreshed),
    userinfo: { ...(await answer(userinfo)), challenge: userinfo.headers.get('www-authenticate') },
  };
}

/** For a target whose tokens (access and refresh) live `ttl` seconds, after they ran out. */
export async function expiredTokens(target: ProbeTarget, ttl: number) {
  const tokens = await signInAs(target);
  await new Promise((resolve) => setTimeout(resolve, (ttl + 1.5) * 1000));
  const refreshed = await refresh(target, tokens.refresh_token ?? '');
  const userinfo = await fetch(oidc(target, '/userinfo'), {
    headers: { Authorization: `Bearer ${tokens.access_token}` },
  });
  return {
    refresh: await answer(refreshed),
    userinfo: { status: userinfo.status, challenge: userinfo.headers.get('www-authenticate') },
  };
}

export async function codeExchangeErrors(target: ProbeTarget) {
  const exchange = (params: Record<string, string>) =>
    tokenRequest(
      target,
      { grant_type: 'authorization_code', redirect_uri: redirectUri, client_id: clientId, ...params },
      { Origin: portal },
    );
  const wrongVerifier = await authorize({ ...client(target), ...therapist });
  const noVerifier = await authorize({ ...client(target), ...therapist });
  return {
    unknownCode: await answer(await exchange({ code: 'not-a-code', code_verifier: 'v'.repeat(43) })),
    wrongVerifier: await answer(await exchange({ code: wrongVerifier.code, code_verifier: 'w'.repeat(43) })),
    noVerifier: await answer(await exchange({ code: noVerifier.code })),
  };
}

/** Authorization requests the realm refuses: without PKCE, an unknown client, a foreign callback. */
export async function authorizationErrors(target: ProbeTarget) {
  const ask = (params: Record<string, string>) =>
    fetch(
      `${oidc(target, '/auth')}?${new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: 'code', scope: 'openid', state: 's', ...params })}`,
      { redirect: 'manual' },
    );
  const noPkce = new URL((await ask({})).headers.get('location') ?? 'http://none/');
  const page = async (response: Response) => ({
    status: response.status,
    message: loginPageMessage(await response.text()) ?? 'no message',
  });
  return {
    noPkce: {
      error: noPkce.searchParams.get('error'),
      error_description: noPkce.searchParams.get('error_description'),
      iss: noPkce.searchParams.get('iss') === target.issuer,
    },
    unknownClient: await page(
      await ask({ client_id: 'nope', code_challenge: 'c'.repeat(43), code_challenge_method: 'S256' }),
    ),
    foreignCallback: await page(
      await ask({
        redirect_uri: 'http://127.0.0.1:9/cb',
        code_challenge: 'c'.repeat(43),
        code_challenge_method: 'S256',
      }),
    ),
  };
}

export async function unknownRealm(target: ProbeTarget) {
  const url = target.issuer.replace(
    /\/realms\/abrumet$/,
    '/realms/abrumett/.well-known/openid-configuration',
  );
  const response = await fetch(url, { headers: { Origin: portal } });
  return { ...(await answer(response)), ...cors(response) };
}

export async function userinfoRefusals(target: ProbeTarget) {
  const tokens = await signInAs(target);
  const ask = async (authorization?: string) => {
    const response = await fetch(oidc(target, '/userinfo'), {
      headers: { Origin: portal, ...(authorization ? { Authorization: authorization } : {}) },
    });
    return {
      ...(await answer(response)),
      challenge: response.headers.get('www-authenticate'),
      ...cors(response),
    };
  };
  return {
    noToken: await ask(),
    garbage: await ask('Bearer abc.def.ghi'),
    idToken: await ask(`Bearer ${tokens.id_token}`),
    valid: { status: (await ask(`Bearer ${tokens.access_token}`)).status },
  };
}

export async function corsHeaders(target: ProbeTarget) {
  const tokens = await signInAs(target);
  const success = await refresh(target, tokens.refresh_token ?? '');
  const error = await refresh(target, 'not-a-refresh-token');
  const foreign = await refresh(target, 'not-a-refresh-token', otherOrigin);
  const discoveryOther = await fetch(`${target.issuer}/.well-known/openid-configuration`, {
    headers: { Origin: otherOrigin },
  });
  const preflightOther = await fetch(oidc(target, '/token'), {
    method: 'OPTIONS',
    headers: { Origin: otherOrigin, 'Access-Control-Request-Method': 'POST' },
  });
  return {
    tokenSuccess: cors(success).allowOrigin,
    tokenError: { ...(await answer(error)), allowOrigin: cors(error).allowOrigin },
    tokenFromOtherOrigin: { ...(await answer(foreign)), allowOrigin: cors(foreign).allowOrigin },
    discoveryForOtherOrigin: cors(discoveryOther).allowOrigin,
    preflightForOtherOrigin: cors(preflightOther).allowOrigin,
    allowCredentials: success.headers.get('access-control-allow-credentials'),
  };
}

/** A sign-in that keeps the realm's browser session (its cookies) for what the probe does next. */
async function signInWithBrowserSession(target: ProbeTarget) {
  const jar = new CookieJar();
  const { code, codeVerifier } = await authorize({ ...client(target), ...therapist, jar });
  const response = await tokenRequest(target, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: clientId,
    code_verifier: codeVerifier,
  });
  return { jar, tokens: (await response.json()) as TokenResponse };
}

export async function rpLogout(target: ProbeTarget) {
  const { jar, tokens } = await signInWithBrowserSession(target);
  const logout = await followLogout(
    jar,
    `${oidc(target, '/logout')}?${new URLSearchParams({ id_token_hint: tokens.id_token ?? '', post_logout_redirect_uri: postLogoutRedirectUri })}`,
    postLogoutRedirectUri,
  );
  const again = await authorize({ ...client(target), ...therapist, jar });
  return {
    returned: logout.returned,
    pagesShown: logout.pagesShown,
    noReferrer: logout.referrerPolicies.every((policy) => policy === 'no-referrer'),
    nextSignInAsksForPassword: again.loginPageShown,
    refreshAfterLogout: (await answer(await refresh(target, tokens.refresh_token ?? ''))).status,
  };
}

/** RFC 7009 revocation of the refresh token: what is left of the realm's browser session after it. */
export async function revokedRefreshToken(target: ProbeTarget) {
  const { jar, tokens } = await signInWithBrowserSession(target);
  const revoked = await fetch(oidc(target, '/revoke'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: portal },
    body: new URLSearchParams({ token: tokens.refresh_token ?? '', client_id: clientId }),
  });
  const again = await authorize({ ...client(target), ...therapist, jar });
  return {
    revoked: revoked.status,
    refreshAfterwards: await answer(await refresh(target, tokens.refresh_token ?? '')),
    nextSignInAsksForPassword: again.loginPageShown,
  };
}

/**
 * Adding an identity in the portal: a user signed in, then another user with prompt=login in the
 * same browser (same realm cookies); what is left of the first user's tokens afterwards.
 */
export async function accountSwitch(target: ProbeTarget) {
  const jar = new CookieJar();
  const exchange = async ({ code, codeVerifier }: { code: string; codeVerifier: string }) => {
    const response = await tokenRequest(target, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: clientId,
      code_verifier: codeVerifier,
    });
    return (await response.json()) as TokenResponse;
  };
  const first = await exchange(await authorize({ ...client(target), ...therapist, jar }));
  const second = await exchange(
    await authorize({
      ...client(target),
      username: 'patient',
      password: 'patient',
      jar,
      params: { prompt: 'login' },
    }),
  );
  return {
    secondUser: decodeJwt(second.access_token).preferred_username,
    firstRefresh: await answer(await refresh(target, first.refresh_token ?? '')),
    secondRefresh: (await answer(await refresh(target, second.refresh_token ?? ''))).status,
  };
}
