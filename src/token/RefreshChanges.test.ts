import { describe, expect, it } from 'vitest';
import { diffClaims } from './RefreshChanges.tsx';

describe('diffClaims', () => {
  it('lists changed, added and removed claims, not equal ones', () => {
    const before = { jti: 'a', exp: 100, sub: 'u', scope: 'openid', roles: ['x'] };
    const after = { jti: 'b', exp: 400, sub: 'u', roles: ['x'], nbf: 1 };
    expect(diffClaims(before, after)).toEqual([
      { claim: 'jti', before: 'a', after: 'b' },
      { claim: 'exp', before: 100, after: 400 },
      { claim: 'scope', before: 'openid', after: undefined },
      { claim: 'nbf', before: undefined, after: 1 },
    ]);
  });
});
