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

  it('case 14: decodes non-ASCII claims correctly (UTF-8, not raw atob)', () => {
    const result = decodeToken(jwt({ name: 'Zoë Ørsted 佐藤 🩺' }));
    expect(result.ok && result.payload.name).toBe('Zoë Ørsted 佐藤 🩺');
  });

  it('case 13: keeps claims containing HTML as plain strings', () => {
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
  ])('case 11, 12: reports %j as %s with a reason', (raw, reason) => {
    const result = decodeToken(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe(reason);
    expect(result.message.length).toBeGreaterThan(5);
  });

  it.each([
    [
      'a payload that is not base64url',
      `${b64url({ alg: 'RS256' })}.%%%secret%%%.sig`,
      'its payload is not base64url',
    ],
    [
      'a payload that is not JSON',
      `${b64url({ alg: 'RS256' })}.${btoa('{"sub": secret-value').replace(/=+$/, '')}.sig`,
      'its payload is not JSON',
    ],
    [
      'a header that is not JSON',
      `${btoa('not json secret-value')}.${b64url({ sub: 'u' })}.sig`,
      'its header is not JSON',
    ],
  ])('case 11: says what is wrong with %s without quoting any of it', (_, raw, problem) => {
    const result = decodeToken(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(problem);
    expect(result.message).not.toMatch(/secret/);
    expect(JSON.stringify(result)).not.toMatch(/secret/);
  });

  it('case 12: never tries to decode an encrypted (5-part) or opaque token', () => {
    expect(decodeToken('eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d')).toMatchObject({ ok: false, reason: 'jwe' });
    expect(decodeToken('f1d2d2f924e986ac86fdf7b36c94bcdf32beec15')).toMatchObject({
      ok: false,
      reason: 'opaque',
    });
  });

  it('case 17: __proto__ and constructor claims stay plain keys, on objects without a prototype', () => {
    const raw = `${b64url({ alg: 'RS256', constructor: 'x' })}.${btoa(
      '{"sub":"u1","__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},"realm_access":{"__proto__":{"roles":["therapist"]}}}',
    ).replace(/=+$/, '')}.sig`;
    const result = decodeToken(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.payload)).toBeNull();
    expect(Object.getPrototypeOf(result.header)).toBeNull();
    expect(Object.keys(result.payload)).toEqual(['sub', '__proto__', 'constructor', 'realm_access']);
    const own = Object.getOwnPropertyDescriptor(result.payload, '__proto__')?.value;
    expect(own).toEqual({ admin: true });
    expect(Object.getPrototypeOf(own)).toBeNull();
    // Nothing leaked into the prototypes every other object has.
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(({} as Record<string, unknown>).roles).toBeUndefined();
  });
});
