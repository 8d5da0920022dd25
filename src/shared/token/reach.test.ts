import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { explainJudgement } from './explainJudgement.ts';
import { type Expectations, judgeToken } from './judgeToken.ts';
import { reachOf } from './reach.ts';
import { readToken } from './readToken.ts';

const ISSUER = 'https://auth.example.org/auth/realms/abrumet';
const NOW = 1_700_000_000;
const expected: Expectations = { issuer: ISSUER, audience: 'abrumet-api', requiredRole: 'therapist' };
const API = { baseUrl: 'https://api.example.org', allowedOrigins: [], requiredRole: 'therapist' };
const PRESETS = {
  api: API,
  presets: [
    { name: 'Who am I', method: 'GET', path: '/me' },
    { name: 'List patients', method: 'GET', path: '/patients', requiredRole: 'therapist' },
    { name: 'Create patient', method: 'POST', path: '/patients', requiredRole: 'therapist' },
  ],
};
const token = (roles: string[], claims: Record<string, unknown> = {}) =>
  readToken(
    fakeJwt({
      iss: ISSUER,
      aud: 'abrumet-api',
      typ: 'Bearer',
      exp: NOW + 240,
      realm_access: { roles },
      ...claims,
    }),
  );
const explain = (roles: string[], environment = PRESETS, claims: Record<string, unknown> = {}) => {
  const access = token(roles, claims);
  return explainJudgement(
    judgeToken(access, expected, NOW),
    expected,
    240,
    undefined,
    reachOf(access, environment),
  );
};

describe('reachOf', () => {
  it('splits the presets into open, granted and lacking by the token’s realm roles', () => {
    const reach = reachOf(token(['patient']), PRESETS);
    expect(reach.open).toEqual(['Who am I']);
    expect(reach.granted).toEqual([]);
    expect(reach.lacking.map(({ role, requests }) => ({ role, requests }))).toEqual([
      { role: 'therapist', requests: ['List patients', 'Create patient'] },
    ]);
    expect(reachOf(token(['therapist']), PRESETS).granted).toEqual([
      { role: 'therapist', requests: ['List patients', 'Create patient'] },
    ]);
  });

  it('holds the whole API to api.requiredRole when no preset names a role', () => {
    const reach = reachOf(token(['patient']), { api: API, presets: [] });
    expect(reach.open).toEqual([]);
    expect(reach.lacking.map((lack) => lack.requests)).toEqual([['the API']]);
  });
});

describe('the first screen’s verdict with the presets’ roles', () => {
  it('says a patient can call what needs a valid token, and names what needs the role, roles once', () => {
    const explained = explain(['patient', 'offline_access']);
    expect(explained.kind).toBe('can-call-some');
    expect(explained.title).toBe(
      'This token can call what needs a valid token, not what needs the realm role therapist',
    );
    expect(explained.detail).toBe(
      'It can call Who am I (any valid token of this realm); it lacks the realm role therapist that List patients and Create patient require (its realm roles: patient, offline_access).',
    );
    const text = [explained.title, explained.detail, ...(explained.reasons ?? []), explained.next].join(' ');
    expect(text.match(/offline_access/g)).toHaveLength(1);
  });

  it('says yes with the requests the role opens', () => {
    expect(explain(['therapist']).detail).toMatch(
      /^It has the realm role therapist that List patients and Create patient require, the audience abrumet-api and comes from this realm; it expires in 4 min/,
    );
  });

  it('still says no for a token the API refuses whatever the request, role named once among the reasons', () => {
    const explained = explain(['patient'], PRESETS, { exp: NOW - 3 });
    expect(explained.kind).toBe('cannot-call');
    expect(explained.reasons).toEqual([
      'it expired 3 s ago',
      'it lacks the realm role therapist that List patients and Create patient require (its realm roles: patient)',
    ]);
  });

  it('says no when the whole API needs the role', () => {
    const explained = explain(['patient'], { api: API, presets: [] });
    expect(explained.kind).toBe('cannot-call');
    expect(explained.reasons).toEqual([
      'it lacks the realm role therapist that the API requires (its realm roles: patient)',
    ]);
  });
});
