import { describe, expect, it } from 'vitest';
import { DISTRUSTED, distrustOf } from './distrust.ts';
import { nextStepFor } from './explainJudgement.ts';
import type { TokenProblem } from './judgeToken.ts';

/** One problem of every kind: a kind added to TokenProblem must be placed here, in or out of DISTRUSTED. */
const EVERY_KIND: { [Kind in TokenProblem['kind']]: Extract<TokenProblem, { kind: Kind }> } = {
  unreadable: { kind: 'unreadable', message: 'x' },
  expired: { kind: 'expired', secondsAgo: 3 },
  'not-yet-valid': { kind: 'not-yet-valid', validIn: 3 },
  'issued-in-future': { kind: 'issued-in-future', inSeconds: 600 },
  'missing-role': { kind: 'missing-role', role: 'therapist', realmRoles: [], clientsWithRole: [] },
  'wrong-audience': { kind: 'wrong-audience', expected: 'abrumet-api', actual: [] },
  'foreign-issuer': { kind: 'foreign-issuer', iss: 'https://elsewhere', expected: 'https://here' },
  'wrong-type': { kind: 'wrong-type', typ: 'ID' },
  unsigned: { kind: 'unsigned' },
  'unexpected-alg': { kind: 'unexpected-alg', alg: 'HS256' },
  'key-in-header': { kind: 'key-in-header', parameters: ['jku'] },
  'bad-exp': { kind: 'bad-exp', value: '"soon"' },
  'no-expiry': { kind: 'no-expiry' },
  'bad-signature': { kind: 'bad-signature', message: 'no' },
};

describe('DISTRUSTED', () => {
  it.each(Object.values(EVERY_KIND).map((problem) => [problem.kind, problem] as const))(
    'case 15: %s is distrusted exactly when the verdict says “Do not trust this token”',
    (kind, problem) => {
      const saysDoNotTrust = nextStepFor([problem]).startsWith('Do not trust this token');
      expect(DISTRUSTED.has(kind)).toBe(saysDoNotTrust);
    },
  );
});

describe('distrustOf', () => {
  it('keeps the signature problems of a judgement, and only them', () => {
    const problems = [EVERY_KIND.expired, EVERY_KIND.unsigned, EVERY_KIND['missing-role']];
    expect(distrustOf({ canCall: false, problems })).toEqual([EVERY_KIND.unsigned]);
    expect(distrustOf({ canCall: true, problems: [] })).toEqual([]);
  });
});
