import { describe, expect, it } from 'vitest';
import type { SendResult } from '../../shared/bearer/send.ts';
import { readToken } from '../../shared/token/readToken.ts';
import { checkOutcome, expectedOutcome } from './expectation.ts';

const b64 = (value: object) =>
  btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const tokenWith = (roles: string[], exp = 2_000) =>
  readToken(
    `${b64({ alg: 'RS256' })}.${b64({ sub: 's', exp, realm_access: { roles }, typ: 'Bearer' })}.c2lnbmF0dXJl`,
  );
const answer = (status: number): SendResult => ({
  kind: 'response',
  status,
  statusText: '',
  headers: [],
  body: new Blob([]),
  durationMs: 1,
});
const now = 1_000;

describe('expectedOutcome', () => {
  it('expects 2xx for a token with the role, 403 without it, 2xx for any valid token when no role', () => {
    const therapist = tokenWith(['therapist']);
    const patient = tokenWith(['patient']);
    const input = { probe: false, requiredRole: 'therapist', serverNow: now };
    expect(expectedOutcome({ ...input, token: therapist }).kind).toBe('accepted');
    expect(expectedOutcome({ ...input, token: patient })).toMatchObject({ kind: 'refused', status: 403 });
    expect(expectedOutcome({ ...input, token: patient, requiredRole: undefined }).kind).toBe('accepted');
  });

  it('expects 401 for probes, no token and an expired token', () => {
    const therapist = tokenWith(['therapist']);
    const base = { requiredRole: 'therapist', serverNow: now };
    expect(expectedOutcome({ ...base, probe: true, token: therapist })).toMatchObject({ status: 401 });
    expect(expectedOutcome({ ...base, probe: false, token: undefined })).toMatchObject({ status: 401 });
    expect(expectedOutcome({ ...base, probe: false, token: tokenWith(['therapist'], 900) })).toMatchObject({
      status: 401,
    });
  });
});

describe('checkOutcome', () => {
  const refused403 = { kind: 'refused', status: 403, why: 'no role' } as const;
  const accepted = { kind: 'accepted', why: 'has role' } as const;
  it('calls access that should be refused a finding', () => {
    expect(checkOutcome(refused403, answer(200))).toMatchObject({ kind: 'finding' });
    expect(checkOutcome({ kind: 'refused', status: 401, why: 'x' }, answer(204)).kind).toBe('finding');
  });
  it('flags a refusal of a token with the role, and the wrong refusal code', () => {
    expect(checkOutcome(accepted, answer(403)).kind).toBe('differs');
    expect(checkOutcome(accepted, answer(401)).kind).toBe('differs');
    expect(checkOutcome({ kind: 'refused', status: 401, why: 'x' }, answer(403)).text).toContain(
      'Expected 401 (x), got 403',
    );
  });
  it('matches the expected answers, and cannot compare no answer', () => {
    expect(checkOutcome(accepted, answer(200)).kind).toBe('match');
    expect(checkOutcome(refused403, answer(403)).kind).toBe('match');
    expect(checkOutcome(accepted, { kind: 'network-error', message: 'x', durationMs: 1 }).kind).toBe(
      'unknown',
    );
  });
});
