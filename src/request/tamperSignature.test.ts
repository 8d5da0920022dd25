import { describe, expect, it } from 'vitest';
import { tamperSignature } from './tamperSignature.ts';

describe('tamperSignature', () => {
  it.each([
    ['aaa.bbb.cccc', 'aaa.bbb.Accc'],
    ['aaa.bbb.Accc', 'aaa.bbb.Bccc'],
  ])('changes only the signature of %s', (token, tampered) => {
    expect(tamperSignature(token)).toEqual({ ok: true, token: tampered });
  });

  it.each([
    ['opaque', /three parts/],
    ['a.b.c.d.e', /three parts/],
    ['aaa.bbb.', /unsigned/],
  ])('refuses %s with a reason', (token, reason) => {
    const result = tamperSignature(token);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(reason);
  });
});
