import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { explainJudgement, nextStepFor, problemText } from './explainJudgement.ts';
import { type Expectations, judgeToken } from './judgeToken.ts';
import { readToken } from './readToken.ts';

const ISSUER = 'https://auth.example.org/auth/realms/abrumet';
const NOW = 1_700_000_000;
const expected: Expectations = { issuer: ISSUER, audience: 'abrumet-api', requiredRole: 'therapist' };
const good = {
  iss: ISSUER,
  aud: ['abrumet-api', 'account'],
  typ: 'Bearer',
  iat: NOW - 60,
  exp: NOW + 240,
  realm_access: { roles: ['therapist', 'offline_access'] },
};
const judge = (claims: Record<string, unknown>, header?: Record<string, unknown>) =>
  judgeToken(readToken(fakeJwt({ ...good, ...claims }, header)), expected, NOW);
const texts = (claims: Record<string, unknown>) => judge(claims).problems.map(problemText);

describe('judgeToken', () => {
  it('lets a therapist token of this realm, for this API, call it now', () => {
    expect(judge({})).toEqual({ canCall: true, problems: [] });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['expired', { exp: NOW - 42 }, 'it expired 42 s ago'],
    ['not valid yet', { nbf: NOW + 5 }, 'it is not valid yet (nbf): it becomes valid in 5 s'],
    ['without the realm role', { realm_access: { roles: ['patient'] } }, 'it lacks the realm role therapist'],
    [
      'for another audience',
      { aud: 'account' },
      "its audience (aud) is “account”, not the API's “abrumet-api”",
    ],
    ['from another realm', { iss: 'https://evil.example.org/realms/abrumet' }, 'not by this environment'],
    ['an ID token', { typ: 'ID' }, 'its typ is “ID”, not “Bearer”'],
  ])('refuses a token that is %s, saying why', (_name, claims, text) => {
    const verdict = judge(claims);
    expect(verdict.canCall).toBe(false);
    expect(verdict.problems.map(problemText)).toEqual([expect.stringContaining(text)]);
  });

  it('names every reason, time first', () => {
    expect(texts({ exp: NOW - 3, aud: 'account', realm_access: { roles: ['patient'] } })).toEqual([
      'it expired 3 s ago',
      'it lacks the realm role therapist (its realm roles: patient)',
      "its audience (aud) is “account”, not the API's “abrumet-api”",
    ]);
  });

  it('does not take a client role of the same name for the realm role, and says so', () => {
    const [text] = texts({
      realm_access: { roles: ['patient'] },
      resource_access: { 'abrumet-portal': { roles: ['therapist'] } },
    });
    expect(text).toBe(
      'it lacks the realm role therapist (its realm roles: patient; it has “therapist” as a client role of abrumet-portal, which is not the realm role)',
    );
  });

  it('accepts any audience when config.json names none', () => {
    const reading = readToken(fakeJwt({ ...good, aud: 'account' }));
    expect(judgeToken(reading, { ...expected, audience: undefined }, NOW).canCall).toBe(true);
  });

  it('case 15: flags an unsigned token', () => {
    expect(judge({}, { alg: 'none' }).problems).toEqual([{ kind: 'unsigned' }]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['signed with a shared secret', { alg: 'HS256' }, 'unexpected-alg'],
    ['with jku', { alg: 'RS256', jku: 'https://evil.example/jwks' }, 'key-in-header'],
    ['with x5u', { alg: 'RS256', x5u: 'https://evil.example/cert' }, 'key-in-header'],
    ['with an embedded jwk', { alg: 'RS256', jwk: { kty: 'RSA' } }, 'key-in-header'],
  ])('case 15: a token %s is in doubt, never "can call"', (_, header, kind) => {
    const judgement = judge({}, header);
    expect(judgement.canCall).toBe(false);
    expect(judgement.problems.map((p) => p.kind)).toEqual([kind]);
    expect(explainJudgement(judgement, expected, 240)).toMatchObject({ kind: 'in-doubt', tone: 'warn' });
  });

  it("case 15: a signature the realm's keys rejected makes it a no", () => {
    const judgement = judgeToken(readToken(fakeJwt(good)), expected, NOW, {
      kind: 'rejected',
      message: 'no key',
    });
    expect(judgement.problems).toEqual([{ kind: 'bad-signature', message: 'no key' }]);
    expect(explainJudgement(judgement, expected, 240).kind).toBe('cannot-call');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['nbf in the future', { nbf: NOW + 600 }, 'it is not valid yet (nbf): it becomes valid in 10 min'],
    [
      'iat in the future',
      { iat: NOW + 600 },
      "it was issued 10 min in the future by the server's clock (iat)",
    ],
    ['exp as a string', { exp: String(NOW + 240) }, `its exp is "${NOW + 240}", not a number of seconds`],
    ['no exp at all', { exp: undefined }, 'it has no expiry (exp)'],
  ])('case 16: flags %s', (_, claims, text) => {
    const judgement = judge(claims);
    expect(judgement.canCall).toBe(false);
    expect(judgement.problems.map(problemText)).toEqual([expect.stringContaining(text)]);
  });

  it('case 16: allows a minute of clock difference on iat', () => {
    expect(judge({ iat: NOW + 30 }).canCall).toBe(true);
  });

  it('cannot say yes for a token it cannot read', () => {
    expect(judgeToken(readToken('opaque'), expected, NOW)).toMatchObject({
      canCall: false,
      problems: [{ kind: 'unreadable' }],
    });
  });
});

describe('nextStepFor', () => {
  it.each<[Record<string, unknown>, RegExp]>([
    [{ exp: NOW - 1 }, /^Refresh the token/],
    [{ realm_access: { roles: [] } }, /^Sign in as a user with the realm role therapist/],
    [{ aud: 'account' }, /Audience mapper/],
    [{ iss: 'https://x.example.org/realms/a', exp: NOW - 1 }, /^Use a token of this environment/],
  ])('after %j: %s', (claims, step) => {
    expect(nextStepFor(judge(claims).problems)).toMatch(step);
  });
});

describe('explainJudgement', () => {
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    [
      'yes, with what makes it so',
      {},
      'can-call',
      /realm role therapist, the audience abrumet-api .* expires in 4 min/,
    ],
    [
      'no, with every reason',
      { exp: NOW - 3, aud: 'account' },
      'cannot-call',
      /^it expired 3 s ago \| its audience/,
    ],
  ])('says %s', (_name, claims, kind, words) => {
    const explained = explainJudgement(judge(claims), expected, 240);
    expect(explained.kind).toBe(kind);
    expect([explained.detail, ...(explained.reasons ?? [])].filter(Boolean).join(' | ')).toMatch(words);
  });

  it('cannot say yes or no for a token it cannot read, and says what to do instead', () => {
    const explained = explainJudgement(judgeToken(readToken('opaque'), expected, NOW), expected, undefined);
    expect(explained).toMatchObject({ kind: 'unreadable', tone: 'warn' });
    expect(explained.next).toMatch(/Call the API/);
  });
});
