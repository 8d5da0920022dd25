import { describe, expect, it } from 'vitest';
import { b64url, fakeJwt as jwt } from '../../test/fakeJwt.ts';
import { decodeToken } from './decodeToken.ts';

describe('decodeToken', () => {
  it('decodes the header and payload of a JWT', () => {
    const result = decodeToken(jwt({ sub: 'u1', exp: 1700000000 }));
    expect(result).toMatchObject({
      ok: true,
      header: { alg: 'RS256' },
      payload: { sub: 'u1', exp: 1700000000 },
    });
  });

  it('decodes non-ASCII claims correctly', () => {
    const result = decodeToken(jwt({ name: 'Zoë Ørsted 佐藤 🩺' }));
    expect(result.ok && result.payload.name).toBe('Zoë Ørsted 佐藤 🩺');
  });

  it('keeps claims containing HTML as plain strings', () => {
    const result = decodeToken(jwt({ name: '<img src=x onerror=alert(1)>' }));
    expect(result.ok && result.payload.name).toBe('<img src=x onerror=alert(1)>');
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['8f14e45fceea167a5a36dedd4bea2543', 'opaque'],
    ['a.b.c.d.e', 'jwe'],
    ['a.b', 'malformed'],
    ['eyJhbGciOiJub25lIn0.bm90IGpzb24.', 'malformed'],
    [`${b64url({ alg: 'RS256' })}.${b64url([1, 2])}.sig`, 'malformed'],
  ])('reports %j as %s with a reason', (raw, reason) => {
    const result = decodeToken(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe(reason);
    expect(result.message.length).toBeGreaterThan(5);
  });
});
