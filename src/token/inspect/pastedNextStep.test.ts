import { describe, expect, it } from 'vitest';
import type { TokenProblem } from '../../shared/token/judgeToken.ts';
import { pastedNextStep } from './pastedNextStep.ts';

const problems: Record<string, TokenProblem> = {
  unreadable: { kind: 'unreadable', message: 'opaque' },
  expired: { kind: 'expired', secondsAgo: 600 },
  'missing-role': { kind: 'missing-role', role: 'therapist', realmRoles: ['patient'], clientsWithRole: [] },
  'wrong-audience': { kind: 'wrong-audience', expected: 'abrumet-api', actual: ['account'] },
  'foreign-issuer': { kind: 'foreign-issuer', iss: 'https://other', expected: 'https://realm' },
  'wrong-type': { kind: 'wrong-type', typ: 'ID' },
  unsigned: { kind: 'unsigned' },
  'bad-signature': { kind: 'bad-signature', message: 'no matching key' },
  'not-yet-valid': { kind: 'not-yet-valid', validIn: 30 },
  'no-expiry': { kind: 'no-expiry' },
};

describe('pastedNextStep', () => {
  it.each(Object.entries(problems))(
    'never tells a pasted token (%s) to reload or refresh this page, signed in or out',
    (_kind, problem) => {
      for (const signedIn of [true, false]) {
        const next = pastedNextStep([problem], signedIn);
        expect(next).not.toMatch(/reload|refresh the token|sign in again/i);
      }
    },
  );

  it.each(Object.entries(problems))('names Call the API only when signed in (%s)', (_kind, problem) => {
    expect(pastedNextStep([problem], false)).not.toContain('Call the API');
  });

  it('sends an expired pasted token back where it came from, or to signing in here', () => {
    expect(pastedNextStep([problems.expired as TokenProblem], true)).toBe(
      "Get a new token where this one came from: a pasted token is not renewed here (Refresh renews only this tab's own token).",
    );
    expect(pastedNextStep([problems.expired as TokenProblem], false)).toBe(
      'Get a new token where this one came from (a pasted token is not renewed here), or sign in here to get one of your own.',
    );
  });

  it('points an unreadable token at Call the API when it is there, at signing in when not', () => {
    expect(pastedNextStep([problems.unreadable as TokenProblem], true)).toContain('Call the API');
    expect(pastedNextStep([problems.unreadable as TokenProblem], false)).toMatch(/^Sign in here, then/);
  });

  it('puts the most pressing problem first: a foreign issuer before its expiry', () => {
    expect(
      pastedNextStep([problems.expired as TokenProblem, problems['foreign-issuer'] as TokenProblem], false),
    ).toMatch(/^Use a token this environment's realm issued \(sign in here to get one\)/);
  });
});
