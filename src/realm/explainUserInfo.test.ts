import { describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../config/types.ts';
import type { SendResult } from '../shared/bearer/send.ts';
import { readToken } from '../shared/token/readToken.ts';
import { fakeJwt } from '../test/fakeJwt.ts';
import { explainUserInfo } from './explainUserInfo.ts';

const authority = 'http://127.0.0.1:8180/auth/realms/abrumet';
const SENT_AT = 1_700_000_000_000;
const environment = { authority, api: { requiredRole: 'therapist' } } as EnvironmentConfig;
const context = {
  environment,
  url: `${authority}/protocol/openid-connect/userinfo`,
  sentAtMs: SENT_AT,
  portalOrigin: 'http://127.0.0.1:5173',
};
const token = (claims: Record<string, unknown> = {}) =>
  readToken(fakeJwt({ iss: authority, sub: 'u1', typ: 'Bearer', exp: SENT_AT / 1000 + 60, ...claims }));

const response = (status: number, wwwAuthenticate?: string): SendResult => ({
  kind: 'response',
  status,
  statusText: '',
  headers: wwwAuthenticate ? [['www-authenticate', wwwAuthenticate]] : [['content-type', 'application/json']],
  body: new Blob([]),
  durationMs: 3,
});

describe('explainUserInfo', () => {
  it('returns the claims of a 200', () => {
    const outcome = explainUserInfo(
      response(200),
      '{"sub":"u1","preferred_username":"therapist"}',
      token(),
      context,
    );
    expect(outcome).toEqual({ ok: true, claims: { sub: 'u1', preferred_username: 'therapist' } });
  });

  it.each<[string, SendResult, ReturnType<typeof token>, string, RegExp]>([
    [
      'a session ended at the realm',
      response(
        401,
        'Bearer realm="abrumet", error="invalid_token", error_description="User session not found or doesn\'t have client attached on it"',
      ),
      token(),
      'invalid-token',
      /session behind this token has ended/,
    ],
    [
      'a token without openid',
      response(403, 'Bearer realm="abrumet", error="insufficient_scope"'),
      token(),
      'insufficient-scope',
      /openid scope/,
    ],
    [
      'no answer (CORS or down)',
      { kind: 'network-error', message: 'Failed to fetch', durationMs: 1 },
      token(),
      'no-response',
      /CORS/,
    ],
    [
      'an expired token (the request pane explainer)',
      response(401, 'Bearer realm="abrumet", error="invalid_token", error_description="Token expired"'),
      token({ exp: SENT_AT / 1000 - 42 }),
      'expired',
      /expired 42 s before/,
    ],
    ['a 200 that is not JSON', response(200), token(), 'http-status', /not a JSON object/],
  ])('explains %s', (_case, result, sent, kind, title) => {
    const outcome = explainUserInfo(
      result,
      result.kind === 'response' && result.status === 200 ? 'eyJ.x.y' : '',
      sent,
      context,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.verdict.kind).toBe(kind);
    expect(outcome.verdict.title).toMatch(title);
  });

  it('never puts the token itself in the curl it offers', () => {
    const sent = token();
    const outcome = explainUserInfo(
      { kind: 'network-error', message: 'x', durationMs: 1 },
      '',
      sent,
      context,
    );
    expect(!outcome.ok && outcome.verdict.curl).toContain('$TOKEN');
    expect(JSON.stringify(outcome)).not.toContain(sent);
  });
});
