import { describe, expect, it } from 'vitest';
import { orderedClaims } from './claimInfo.ts';

describe('orderedClaims', () => {
  it('puts expiry and issuer first and keeps unknown claims in token order', () => {
    const order = orderedClaims({ custom_b: 1, sub: 'u', custom_a: 2, iss: 'x', exp: 3 }).map(
      ([claim]) => claim,
    );
    expect(order).toEqual(['exp', 'iss', 'sub', 'custom_b', 'custom_a']);
  });
});
