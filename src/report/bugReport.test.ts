import { describe, expect, it } from 'vitest';
import { toCurl } from '../shared/bearer/toCurl.ts';
import { readToken } from '../shared/token/readToken.ts';
import { fakeJwt } from '../test/fakeJwt.ts';
import { BODY_LIMIT, bugReport, type ReportInput, scrubTokens } from './bugReport.ts';
import { fingerprintOf } from './fingerprint.ts';

const randomPart = (length: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(length)), (b) =>
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.charAt(b % 64),
  ).join('');

function inputFor(raw: string, overrides: Partial<ReportInput> = {}): ReportInput {
  const request = {
    method: 'GET',
    // A careless caller put the token in the URL too.
    url: `http://127.0.0.1:8181/api/v1/patients?access_token=${raw}`,
    headers: [
      ['Accept', 'application/json'],
      ['Authorization', `Bearer ${raw}`],
    ] as Array<[string, string]>,
  };
  return {
    environment: { label: 'Local', authority: 'http://idp/auth/realms/abrumet', apiBaseUrl: 'http://api' },
    sentAtMs: Date.UTC(2030, 0, 2, 3, 4, 5),
    skewMs: 2500,
    skewMeasured: true,
    tokenLabel: 'Current access token',
    request,
    result: {
      kind: 'response',
      status: 403,
      statusText: 'Forbidden',
      headers: [['www-authenticate', `Bearer error="insufficient_scope", token="${raw}"`]],
      body: new Blob([`{"echo":"${raw}"}`]),
      durationMs: 12,
    },
    // An API that echoes the token back in its body.
    bodyText: `{"echo":"${raw}"}`,
    token: readToken(raw),
    fingerprint: 'sha256:abcdef012345',
    verdict: { kind: 'forbidden', tone: 'bad', title: 'Refused', quote: raw, next: 'Use a therapist.' },
    curl: toCurl(request),
    ...overrides,
  };
}

describe('bugReport', () => {
  it.each(Array.from({ length: 20 }, (_, i) => i))(
    'never carries the token or any of its parts (%i)',
    (i) => {
      const raw = fakeJwt(
        { sub: `user-${i}`, preferred_username: 'patient', exp: 2_000_000_000, nonce: randomPart(8) },
        { alg: 'RS256', kid: randomPart(6) },
        randomPart(86),
      );
      const report = bugReport(inputFor(raw));
      expect(report).not.toContain(raw);
      for (const part of raw.split('.')) expect(report).not.toContain(part);
      expect(report).toContain('sha256:abcdef012345');
    },
  );

  it('hides an opaque token the same way', () => {
    const raw = randomPart(40);
    const report = bugReport(inputFor(raw));
    expect(report).not.toContain(raw);
    expect(report).toContain("The token's claims cannot be read");
  });

  it('keeps what a ticket needs: environment, time, skew, status, claims, verdict, curl with $TOKEN', () => {
    const raw = fakeJwt({ preferred_username: 'patient', realm_access: { roles: ['patient'] } });
    const report = bugReport(inputFor(raw));
    expect(report).toContain('**Environment:** Local');
    expect(report).toContain('2030-01-02T03:04:05.000Z');
    expect(report).toContain('+2.5 s');
    expect(report).toContain('403 Forbidden');
    expect(report).toContain('"preferred_username": "patient"');
    expect(report).toContain('Next: Use a therapist.');
    expect(report).toContain('Bearer $TOKEN');
    expect(report).toContain('Authorization: Bearer <token sha256:abcdef012345>');
  });

  it('keeps only the first KB of the body', () => {
    const raw = fakeJwt({ sub: 'x' });
    const body = `${'a'.repeat(BODY_LIMIT)}TAIL`;
    const report = bugReport(inputFor(raw, { bodyText: body }));
    expect(report).toContain('a'.repeat(BODY_LIMIT));
    expect(report).not.toContain('TAIL');
  });

  it('says when no token was sent and when the skew is unknown', () => {
    const raw = fakeJwt({ sub: 'x' });
    const report = bugReport(
      inputFor(raw, { token: undefined, fingerprint: undefined, skewMeasured: false }),
    );
    expect(report).toContain('No token was sent.');
    expect(report).toContain('not measured');
  });
});

describe('scrubTokens', () => {
  it('removes anything shaped like a JWT, even a token it was not told about', () => {
    const other = fakeJwt({ sub: 'someone else' });
    expect(scrubTokens(`see ${other} here`, [])).toBe('see <JWT-shaped value removed> here');
  });
});

describe('fingerprintOf', () => {
  it('names equal tokens alike and different ones apart, without the token', async () => {
    const a = await fingerprintOf('token-a');
    expect(a).toMatch(/^sha256:[0-9a-f]{12}$/);
    expect(await fingerprintOf('token-a')).toBe(a);
    expect(await fingerprintOf('token-b')).not.toBe(a);
  });
});
