import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../../../test/fakeJwt.ts';
import type { TokenReading } from '../../token/readToken.ts';
import { readToken } from '../../token/readToken.ts';
import type { SendResult } from '../send.ts';
import { explainResponse } from './explainResponse.ts';
import type { ExplainContext, Probe } from './verdict.ts';

/** What the request pane's token picker offers; the explainer hears only of the probes. */
type TokenChoice = 'current' | 'expired' | 'pasted' | Probe;

const ISSUER = 'http://127.0.0.1:8180/auth/realms/abrumet';
const SENT_AT = 1_700_000_000_000;
const exp = (secondsFromSend: number) => SENT_AT / 1000 + secondsFromSend;

const token = (claims: Record<string, unknown> = {}) =>
  readToken(
    fakeJwt({
      iss: ISSUER,
      sub: 'u1',
      preferred_username: 'therapist',
      typ: 'Bearer',
      aud: ['abrumet-api', 'account'],
      exp: exp(120),
      scope: 'openid profile',
      realm_access: { roles: ['therapist', 'offline_access'] },
      resource_access: { account: { roles: ['view-profile'] } },
      ...claims,
    }),
  );
const patient = token({
  preferred_username: 'patient',
  realm_access: { roles: ['patient', 'offline_access'] },
});

const context = (choice: TokenChoice = 'current'): ExplainContext => ({
  sentAtMs: SENT_AT,
  probe: choice === 'none' || choice === 'tampered' || choice === 'id' ? choice : undefined,
  expected: { issuer: ISSUER, audience: 'abrumet-api', requiredRole: 'therapist' },
  portalOrigin: 'http://127.0.0.1:5173',
  curl: "curl --include 'http://127.0.0.1:8181/api/v1/patients'",
});

const response = (
  status: number,
  wwwAuthenticate?: string,
  statusText = '',
  headers: Array<[string, string]> = [['content-type', 'application/json']],
): SendResult => ({
  kind: 'response',
  status,
  statusText,
  headers: wwwAuthenticate === undefined ? headers : [['www-authenticate', wwwAuthenticate]],
  body: new Blob([]),
  durationMs: 5,
});
/** The body text the pane peeks at, by the Blob it came in (the explainer is given both). */
const bodyTexts = new WeakMap<Blob, string>();
const bodyOf = (result: SendResult) => (result.kind === 'response' ? (bodyTexts.get(result.body) ?? '') : '');
const html = (
  status: number,
  statusText: string,
  text: string,
  headers: Array<[string, string]> = [['content-type', 'text/html; charset=utf-8']],
): SendResult => {
  const body = new Blob([text]);
  bodyTexts.set(body, text);
  return {
    kind: 'response',
    status,
    statusText,
    headers,
    body,
    durationMs: 5,
  };
};
const invalid = (description: string) =>
  response(401, `Bearer realm="abrumet", error="invalid_token", error_description="${description}"`);

describe('explainResponse', () => {
  it.each<[string, SendResult, TokenReading | undefined, TokenChoice, string, RegExp]>([
    [
      'a 200 with a good token',
      response(200, undefined, 'OK'),
      token(),
      'current',
      'ok',
      /200 OK: the API accepted/,
    ],
    ['a 200 without a token', response(200), undefined, 'none', 'ok', /without a token/],
    ['a 200 for a tampered token', response(200), token(), 'tampered', 'accepted-bad-token', /tampered/],
    ['a 200 for an ID token', response(200), token({ typ: 'ID' }), 'id', 'accepted-bad-token', /ID token/],
    [
      'a 200 for a long-expired token',
      response(200),
      token({ exp: exp(-600) }),
      'expired',
      'accepted-bad-token',
      /expired/,
    ],
    [
      'a 200 for a previous token still valid',
      response(200),
      token({ exp: exp(30) }),
      'expired',
      'ok',
      /accepted/,
    ],
    ['no token', response(401, 'Bearer realm="abrumet"'), undefined, 'none', 'no-token', /No token was sent/],
    [
      'an expired token (the API says so)',
      invalid('Token expired'),
      token({ exp: exp(-42) }),
      'expired',
      'expired',
      /The token expired 42 s before the request/,
    ],
    [
      'a tampered token',
      invalid('signature verification failed'),
      token(),
      'tampered',
      'signature',
      /Signature rejected/,
    ],
    [
      'a foreign token',
      invalid('no applicable key found in the JSON Web Key Set'),
      token({ iss: 'https://other.example/realms/x' }),
      'pasted',
      'signature',
      /Signature rejected/,
    ],
    [
      'an ID token',
      invalid('unexpected typ "ID"'),
      token({ typ: 'ID' }),
      'id',
      'wrong-token-type',
      /an ID token was sent/,
    ],
    [
      'a refresh token pasted',
      invalid('bad token'),
      token({ typ: 'Refresh' }),
      'pasted',
      'wrong-token-type',
      /Wrong token type/,
    ],
    [
      'a patient on a therapist resource',
      response(403, 'Bearer realm="abrumet", error="insufficient_scope", scope="therapist"'),
      patient,
      'current',
      'missing-role',
      /lacks the realm role “therapist”/,
    ],
    [
      'a scope the token lacks',
      response(403, 'Bearer error="insufficient_scope", scope="patients:write"'),
      token(),
      'current',
      'insufficient-scope',
      /Scope insufficient/,
    ],
    [
      'a 403 with the role present',
      response(403, 'Bearer realm="abrumet"'),
      token(),
      'current',
      'forbidden',
      /refused for this user/,
    ],
    [
      'the wrong audience',
      invalid('audience mismatch'),
      token({ aud: 'account' }),
      'current',
      'audience',
      /^Likely cause: audience mismatch/,
    ],
    [
      'the wrong issuer',
      invalid("Unexpected 'iss' value"),
      token({ iss: 'https://x' }),
      'current',
      'issuer',
      /^Issuer mismatch/,
    ],
    [
      'a 400 invalid_request',
      response(400, 'Bearer error="invalid_request"'),
      token(),
      'current',
      'invalid-request',
      /malformed/,
    ],
    [
      'a bare invalid_token',
      response(401, 'Bearer error="invalid_token"'),
      token(),
      'current',
      'invalid-token',
      /refused the token/,
    ],
    ['an opaque token', invalid('bad'), readToken('opaque-ref'), 'pasted', 'invalid-token', /cannot use/],
    [
      'a 401 without error code',
      response(401, 'Bearer realm="abrumet"'),
      token(),
      'current',
      'unauthorized',
      /without a reason/,
    ],
    [
      'a 404',
      response(404, undefined, 'Not Found'),
      token(),
      'current',
      'http-status',
      /404 Not Found: not found/,
    ],
    ['a 500', response(500), token(), 'current', 'http-status', /the api failed/],
    ['a 400 about the body', response(400), token(), 'current', 'http-status', /bad request/],
  ])('explains %s', (_name, result, sent, choice, kind, title) => {
    const verdict = explainResponse(result, sent, context(choice));
    expect(verdict.kind).toBe(kind);
    expect(verdict.title).toMatch(title);
    expect(verdict.next.length).toBeGreaterThan(10);
    expect(verdict.note).toBeUndefined();
  });

  it('case 36: reports the expiry even when the API does not say why (challenge header not exposed)', () => {
    const verdict = explainResponse(response(401), token({ exp: exp(-7) }), context('expired'));
    expect(verdict).toMatchObject({
      kind: 'expired',
      title: 'Likely cause: the token expired 7 s before the request',
    });
    expect(verdict.detail).toMatch(/^The API refused the token \(401\) without saying why\./);
    expect(verdict.note).toMatch(/either the API did not send one .* or it does not expose it to browsers/);
  });

  it.each<[string, TokenReading, TokenChoice, string]>([
    ['a tampered token', token(), 'tampered', 'signature'],
    ['an ID token', token({ typ: 'ID' }), 'id', 'wrong-token-type'],
    ['a foreign issuer', token({ iss: 'https://elsewhere' }), 'pasted', 'issuer'],
    ['a wrong audience', token({ aud: 'account' }), 'current', 'audience'],
    ['a token that looks fine', token(), 'current', 'unauthorized'],
  ])('reasons from the token alone for %s when the header is hidden', (_name, sent, choice, kind) => {
    const verdict = explainResponse(response(401), sent, context(choice));
    expect(verdict.kind).toBe(kind);
    expect(verdict.note).toMatch(/This verdict rests on the token alone/);
  });

  it('reasons a hidden-header 403 from the roles', () => {
    expect(explainResponse(response(403), patient, context()).kind).toBe('missing-role');
  });

  it.each<[TokenChoice, string]>([
    ['tampered', 'signature'],
    ['id', 'wrong-token-type'],
  ])('names a %s token for what was done to it, even when the API also finds it expired', (choice, kind) => {
    const sent = token({ exp: exp(-5), typ: choice === 'id' ? 'ID' : 'Bearer' });
    const verdict = explainResponse(invalid('Token expired'), sent, context(choice));
    expect(verdict.kind).toBe(kind);
    expect(verdict.detail).toContain('The API says: “Token expired”.');
  });

  it('says when the API claims expiry but the token still had time by the server clock', () => {
    const verdict = explainResponse(invalid('Token expired'), token({ exp: exp(30) }), context());
    expect(verdict.kind).toBe('expired');
    expect(verdict.detail).toMatch(/it had not expired yet when it was sent/);
  });

  it('never reports an SSO page as the API accepting the token', () => {
    const page = html(200, 'OK', '<title>Sign in – Abrumet SSO</title><input type="password">');
    const verdict = explainResponse(page, token(), context(), bodyOf(page));
    expect(verdict).toMatchObject({
      kind: 'gateway',
      title: '200 OK from a single sign-on page, not from the API',
    });
  });

  it('blames a gateway, not the API, for a 502', () => {
    const page = html(502, 'Bad Gateway', '<title>502 Bad Gateway</title><center>nginx</center>');
    const verdict = explainResponse(page, token(), context(), bodyOf(page));
    expect(verdict.title).toBe('502 Bad Gateway from a gateway or proxy (nginx), not from the API');
    expect(verdict.detail).not.toMatch(/the API got the request/);
  });

  it('blames the expiry, not the signature, for Keycloak\'s generic "Token verification failed"', () => {
    const body = '{"error":"invalid_token","error_description":"Token verification failed"}';
    const verdict = explainResponse(response(401), token({ exp: exp(-30) }), context(), body);
    expect(verdict.title).toBe('Likely cause: the token expired 30 s before the request');
    expect(verdict.detail).toContain(
      '“Token verification failed”, Keycloak (its own endpoints, e.g. UserInfo)’s text for any failed check',
    );
  });

  it('reads the RFC 6750 error from a JSON body when there is no WWW-Authenticate', () => {
    const body = '{"error":"invalid_token","error_description":"Token verification failed"}';
    const verdict = explainResponse(response(401), token(), context(), body);
    expect(verdict.kind).toBe('invalid-token');
    expect(verdict.detail).toContain('The API says: “Token verification failed”.');
    expect(verdict.note).toMatch(/The error code comes from the response body/);
  });

  it('says config.json and the API disagree when the token already has the configured audience', () => {
    const verdict = explainResponse(
      invalid('An error occurred while attempting to decode the Jwt: The aud claim is not valid'),
      token({ aud: 'abrumet-api' }),
      context(),
    );
    expect(verdict.kind).toBe('audience-config');
    expect(verdict.title).toBe('config.json and the API disagree on the audience');
    expect(verdict.next).not.toMatch(/Audience mapper that adds/);
  });

  it('reads a client role of the required name as a missing realm role, like the token view', () => {
    const sent = token({
      realm_access: { roles: ['patient'] },
      resource_access: { 'abrumet-portal': { roles: ['therapist'] } },
    });
    const verdict = explainResponse(
      response(403, 'Bearer realm="abrumet", error="insufficient_scope"'),
      sent,
      context(),
    );
    expect(verdict.kind).toBe('missing-role');
    expect(verdict.detail).toContain('client role of abrumet-portal, which is not the realm role');
  });

  it('case 38: never shows a failed fetch as a 401, and says the request may have reached the server', () => {
    const verdict = explainResponse(
      { kind: 'network-error', message: 'Failed to fetch', durationMs: 3 },
      token(),
      context(),
    );
    expect(verdict).toMatchObject({
      kind: 'no-response',
      title:
        'No response: the API is down, or CORS blocked it (the request may still have reached the server)',
      curl: context().curl,
    });
    expect(verdict.title).not.toMatch(/401/);
    expect(verdict.detail).toMatch(/Access-Control-Allow-Headers/);
    expect(verdict.detail).toContain('http://127.0.0.1:5173');
  });

  it.each<[SendResult, string, RegExp]>([
    [{ kind: 'timeout', timeoutMs: 30_000, durationMs: 30_000 }, 'timeout', /No answer within 30 s/],
    [{ kind: 'cancelled', durationMs: 3 }, 'cancelled', /Cancelled/],
    [{ kind: 'redirect', durationMs: 3 }, 'redirect', /^Redirected, most likely to a sign-in page/],
  ])('explains a %o', (result, kind, title) => {
    const verdict = explainResponse(result, token(), context());
    expect(verdict.kind).toBe(kind);
    expect(verdict.title).toMatch(title);
  });

  it.each<[string, SendResult, TokenReading, RegExp]>([
    [
      'expired',
      invalid('Token expired'),
      token({ exp: exp(-42) }),
      /^The token expired 42 s before the request$/,
    ],
    ['invalid', response(401, 'Bearer error="invalid_token"'), token(), /^The API refused the token$/],
  ])(
    'case 35: parses a 401 invalid_token for an %s token and offers a refresh, nothing automatic',
    (_, result, sent, title) => {
      const verdict = explainResponse(result, sent, context());
      expect(verdict.title).toMatch(title);
      expect(verdict.next).toMatch(/^Refresh the token and send again/);
    },
  );

  it('case 37: classifies 403 insufficient_scope showing the scope asked for, and 400 invalid_request (RFC 6750 §3.1)', () => {
    const scope = explainResponse(
      response(403, 'Bearer error="insufficient_scope", scope="patients:write"'),
      token(),
      context(),
    );
    expect(scope).toMatchObject({ kind: 'insufficient-scope', title: 'Scope insufficient' });
    expect(scope.detail).toContain('the scope “patients:write”; the token has the scope “openid profile”');
    const request = explainResponse(response(400, 'Bearer error="invalid_request"'), token(), context());
    expect(request).toMatchObject({ kind: 'invalid-request', title: 'The API found the request malformed' });
  });

  it.each([['POST'], ['PUT'], ['PATCH'], ['DELETE']])(
    'case 39: warns that a %s whose answer CORS hid may have changed data',
    (method) => {
      const verdict = explainResponse(
        { kind: 'network-error', message: 'Failed to fetch', durationMs: 3 },
        token(),
        { ...context(), method },
      );
      expect(verdict.kind).toBe('no-response');
      expect(verdict.detail).toMatch(
        new RegExp(
          `^This was a ${method}: if it reached the API, the API may have done it \\(changed data\\)`,
        ),
      );
    },
  );

  it('case 39: a GET whose answer CORS hid gets no such warning', () => {
    const verdict = explainResponse(
      { kind: 'network-error', message: 'Failed to fetch', durationMs: 3 },
      token(),
      { ...context(), method: 'GET' },
    );
    expect(verdict.detail).not.toContain('changed data');
  });

  it('case 40: reports a redirect as not followed, the token not sent on', () => {
    const verdict = explainResponse({ kind: 'redirect', durationMs: 3 }, token(), context());
    expect(verdict.kind).toBe('redirect');
    expect(verdict.detail).toContain('the portal does not follow it, so the token went nowhere else');
    expect(verdict.next).toContain('--skip-jwt-bearer-tokens');
    expect(verdict.curl).toContain('--include');
  });

  it('case 18: names a large token when a request got no answer, or a 431', () => {
    const large = token({ groups: Array.from({ length: 600 }, (_, i) => `/group-${i}`) });
    expect(large.raw.length).toBeGreaterThan(8 * 1024);
    const none = explainResponse(
      { kind: 'network-error', message: 'Failed to fetch', durationMs: 3 },
      large,
      context(),
    );
    expect(none.note).toMatch(
      /^This token is large: its Authorization header is \d+\.\d KB: a server may have refused the header \(431\)/,
    );
    const refused = explainResponse(
      response(431, undefined, 'Request Header Fields Too Large'),
      large,
      context(),
    );
    expect(refused.title).toBe('431 Request Header Fields Too Large: request header fields too large');
    expect(refused.note).toContain('This token is large');
    // A token of a usual size says nothing of it.
    expect(
      explainResponse({ kind: 'network-error', message: 'x', durationMs: 3 }, token(), context()).note,
    ).toBeUndefined();
  });

  describe('against real resource servers (issue 20)', () => {
    const challenge = (description: string) =>
      `Bearer realm="api", error="invalid_token", error_description="${description}"`;
    const expressPage = (wwwAuthenticate: string) =>
      html(
        401,
        'Unauthorized',
        '<!DOCTYPE html><html><head><title>Error</title></head><body><pre>UnauthorizedError: x</pre></body></html>',
        [
          ['content-type', 'text/html; charset=utf-8'],
          ['www-authenticate', wwwAuthenticate],
        ],
      );

    it('reads the challenge of a refusal in an HTML body, not "a web page"', () => {
      const page = expressPage(challenge("'exp' claim timestamp check failed"));
      const verdict = explainResponse(page, token({ exp: exp(-9) }), context(), bodyOf(page));
      expect(verdict).toMatchObject({ kind: 'expired', title: 'The token expired 9 s before the request' });
    });

    it('reads a bare "Bearer" challenge with an HTML body as "no token"', () => {
      const page = expressPage('Bearer realm="api"');
      const verdict = explainResponse(page, undefined, context('none'), bodyOf(page));
      expect(verdict.kind).toBe('no-token');
    });

    it("reads Spring Security's empty-body challenge", () => {
      const empty = response(
        401,
        challenge(
          'An error occurred while attempting to decode the Jwt: Jwt expired at 2023-11-14T22:13:00Z',
        ),
      );
      expect(explainResponse(empty, token({ exp: exp(-30) }), context()).kind).toBe('expired');
    });

    it('never reads "Invalid Token" as a wrong token type', () => {
      const verdict = explainResponse(response(401, challenge('Invalid Token')), token(), context());
      expect(verdict.kind).not.toBe('wrong-token-type');
      expect(verdict.detail).toContain('“Invalid Token”');
    });

    it('relates a role check answered 401 to the missing role, and does not advise a refresh', () => {
      const verdict = explainResponse(
        response(401, challenge("Unexpected 'realm_access' value")),
        patient,
        context(),
      );
      expect(verdict.kind).toBe('missing-role');
      expect(verdict.title).toBe('Likely cause: the token lacks the realm role “therapist”');
      expect(verdict.detail).toContain('That is the likely cause');
      expect(verdict.next).toContain('Refreshing the token will not help');
    });

    it('names the missing role when the API gives no reason at all', () => {
      const verdict = explainResponse(response(401, 'Bearer error="invalid_token"'), patient, context());
      expect(verdict.detail).toMatch(
        /^The API refused the token \(401, error “invalid_token”\) without saying why\./,
      );
      expect(verdict.kind).toBe('missing-role');
    });

    it('quotes an unknown description and reasons from the token', () => {
      const verdict = explainResponse(
        response(401, challenge('computer says no')),
        token({ exp: exp(-3) }),
        context(),
      );
      expect(verdict.detail).toContain('says “computer says no”, which the portal does not interpret');
      expect(verdict.kind).toBe('expired');
    });

    it('still blames an SSO login page, challenge or not', () => {
      const page = html(401, 'Unauthorized', '<title>Sign in</title><form><input type="password"></form>', [
        ['content-type', 'text/html'],
        ['www-authenticate', 'Bearer'],
      ]);
      expect(explainResponse(page, token(), context(), bodyOf(page)).kind).toBe('gateway');
    });

    it('explains a 200 inside the API clock leeway as the leeway, and past it as a defect', () => {
      const ok = response(200, undefined, 'OK');
      const leeway = { ...context(), leewaySeconds: 5 };
      expect(explainResponse(ok, token({ exp: exp(-3) }), leeway)).toMatchObject({
        kind: 'ok',
        title: "200 OK: accepted inside the API's clock leeway",
      });
      expect(explainResponse(ok, token({ exp: exp(-9) }), leeway).kind).toBe('accepted-bad-token');
    });

    it('says a blocked request was stopped by the portal’s own CSP, with the key to add', () => {
      const verdict = explainResponse(
        { kind: 'blocked-by-csp', origin: 'http://127.0.0.1:9999', durationMs: 1 },
        token(),
        context(),
      );
      expect(verdict.title).toBe(
        "Blocked by the portal's own Content-Security-Policy: http://127.0.0.1:9999 is not in its connect-src",
      );
      expect(verdict.next).toContain('api.confirmOrigins');
      expect(verdict.next).toContain('reload');
      expect(`${verdict.title} ${verdict.detail}`).not.toMatch(/down|CORS/);
    });

    const goBody = (status: number, message: string): SendResult => {
      const text = JSON.stringify({ message });
      const body = new Blob([text]);
      bodyTexts.set(body, text);
      return {
        kind: 'response',
        status,
        statusText: '',
        headers: [['content-type', 'application/json']],
        body,
        durationMs: 1,
      };
    };

    it('reads a 400 for a missing token as "no token" (auth0/go-jwt-middleware)', () => {
      const answer = goBody(400, 'JWT is missing.');
      const verdict = explainResponse(answer, undefined, context('none'), bodyOf(answer));
      expect(verdict.kind).toBe('no-token');
      expect(verdict.detail).toContain('The API says: “JWT is missing.”');
    });

    it('says a 401 without any challenge gives no reason, and names an SSO gateway as a possible cause', () => {
      const answer = goBody(401, 'JWT is invalid.');
      const verdict = explainResponse(answer, token(), context(), bodyOf(answer));
      expect(verdict.title).toBe('401, without a reason the page can read');
      expect(verdict.detail).toContain('The API says: “JWT is invalid.”');
      expect(verdict.detail).toContain('SSO gateway');
      expect(verdict.detail).not.toContain('did not receive the token');
    });

    it('says a DPoP-bound token is expected (RFC 9449)', () => {
      const verdict = explainResponse(
        response(401, 'DPoP algs="ES256 PS256", error="invalid_token"'),
        token(),
        context(),
      );
      expect(verdict.kind).toBe('dpop-required');
      expect(verdict.detail).toContain('ES256 PS256');
    });
  });
});
