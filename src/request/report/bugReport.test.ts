import { describe, expect, it } from 'vitest';
import { toCurl } from '../../shared/bearer/toCurl.ts';
import { readToken } from '../../shared/token/readToken.ts';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { BODY_LIMIT, bugReport, type ReportInput, scrubTokens } from './bugReport.ts';
import { fingerprintOf } from './fingerprint.ts';
import { EXPECTED_HINT } from './reportStory.ts';

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

describe('bugReport: Steps, Expected, Actual', () => {
  const sentAt = Date.UTC(2030, 0, 2, 3, 4, 5);
  // The server's clock is 2.5 s ahead of this machine (inputFor's skew): …07.5 at the server.
  const serverAtSend = (sentAt + 2500) / 1000;
  const patient = {
    sub: 'f1c2',
    preferred_username: 'patient',
    name: 'Pat Patient',
    given_name: 'Pat',
    family_name: 'Patient',
    email: 'patient@abrumet.local',
    realm_access: { roles: ['patient', 'offline_access'] },
  };
  const section = (report: string, heading: string) => {
    const start = report.indexOf(`### ${heading}\n`);
    return report.slice(start, report.indexOf('\n\n', start));
  };

  it('writes the steps from what the portal knows: environment, whose token, method and path, time left', () => {
    const raw = fakeJwt({ ...patient, exp: Math.ceil(serverAtSend) + 298 });
    const report = bugReport(inputFor(raw));
    expect(section(report, 'Steps')).toBe(
      [
        '### Steps',
        '1. In the API debug portal on Local (realm http://idp/auth/realms/abrumet), as patient (realm roles: patient, offline_access).',
        `2. Send GET /api/v1/patients?access_token=<token sha256:abcdef012345> with the token “Current access token”, not expired when sent (4 min 58 s left).`,
      ].join('\n'),
    );
  });

  it.each([
    [{ exp: 2_000_000_000 - 1 }, 'not expired when sent'],
    [{ exp: 1 }, 'expired'],
    [{}, 'with no expiry (exp)'],
  ])('says how the token stood when it was sent (%j)', (claims, said) => {
    const raw = fakeJwt({ ...patient, ...claims });
    const steps = section(bugReport(inputFor(raw)), 'Steps');
    expect(steps).toContain(said);
  });

  it('says a token expired before it was sent, by the server clock', () => {
    const raw = fakeJwt({ ...patient, exp: Math.floor(serverAtSend) - 42 });
    expect(section(bugReport(inputFor(raw)), 'Steps')).toContain(
      'with the token “Current access token”, expired 42 s before it was sent.',
    );
  });

  it('says when no token was sent', () => {
    const raw = fakeJwt(patient);
    const steps = section(bugReport(inputFor(raw, { token: undefined, tokenLabel: 'No token' })), 'Steps');
    expect(steps).toContain('1. In the API debug portal on Local (realm http://idp/auth/realms/abrumet).');
    expect(steps).toContain('with no token.');
  });

  it('leaves Expected to the user, with a hint until they write it', () => {
    const raw = fakeJwt(patient);
    expect(section(bugReport(inputFor(raw)), 'Expected')).toBe(`### Expected\n${EXPECTED_HINT}`);
    const written = bugReport(inputFor(raw), { expected: '200 with the list', includePersonal: false });
    expect(section(written, 'Expected')).toBe('### Expected\n200 with the list');
  });

  it('takes Actual from the answer and its verdict, the status said once', () => {
    const raw = fakeJwt(patient);
    expect(section(bugReport(inputFor(raw)), 'Actual')).toBe('### Actual\n403 Forbidden (12 ms): Refused');
    const titled = bugReport(
      inputFor(raw, {
        verdict: { kind: 'forbidden', tone: 'bad', title: '403 Forbidden: refused for this user', next: 'x' },
      }),
    );
    expect(section(titled, 'Actual')).toBe('### Actual\n403 Forbidden (12 ms): refused for this user');
  });
});

describe('bugReport: personal claims', () => {
  const person = {
    sub: 'f1c2',
    preferred_username: 'ada@example.org',
    name: 'Ada Lovelace',
    given_name: 'Ada',
    email: 'ada@example.org',
    realm_access: { roles: ['patient'] },
  };

  it('leaves name and e-mail out by default, everywhere in the report', () => {
    const raw = fakeJwt(person);
    const report = bugReport(
      inputFor(raw, {
        // The verdict and the API's answer name the user too.
        verdict: { kind: 'forbidden', tone: 'bad', title: 'Signed in as ada@example.org', next: 'x' },
        bodyText: '{"name":"Ada Lovelace","given_name":"Ada"}',
      }),
    );
    expect(report).not.toContain('ada@example.org');
    expect(report).not.toContain('Ada Lovelace');
    expect(report).not.toContain('"Ada"');
    expect(report).toContain('"email": "(left out: personal)"');
    expect(report).toContain('as the user f1c2 (realm roles: patient)');
    expect(report).toContain('name and e-mail left out');
  });

  it('includes them when the user asks', () => {
    const raw = fakeJwt(person);
    const report = bugReport(inputFor(raw), { expected: '', includePersonal: true });
    expect(report).toContain('"email": "ada@example.org"');
    expect(report).toContain('"name": "Ada Lovelace"');
    expect(report).toContain('as ada@example.org (realm roles: patient)');
  });

  it('never lets a personal choice bring the token back', () => {
    const raw = fakeJwt(person);
    const report = bugReport(inputFor(raw), { expected: raw, includePersonal: true });
    for (const part of raw.split('.')) expect(report).not.toContain(part);
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
