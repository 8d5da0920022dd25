import { describe, expect, it } from 'vitest';
import { readToken } from '../../shared/token/readToken.ts';
import { sessionTokens } from '../../shared/token/sessionTokens.ts';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { chooseToken, tamperSignature } from './chooseToken.ts';

const NOW = 1_700_000_000;
const current = fakeJwt({ jti: 'current', exp: NOW + 252 });
const previous = fakeJwt({ jti: 'previous', exp: NOW - 42 });
const tokens = sessionTokens({ access: current, id: 'h.id.sig', earlier: [previous] });
const raw = (choice: Parameters<typeof chooseToken>[0], pasted = '', given = tokens, now = NOW) => {
  const chosen = chooseToken(choice, given, pasted, now);
  return chosen.ok ? chosen.token?.raw : chosen.message;
};

describe('chooseToken', () => {
  it.each([
    ['current', '', current],
    ['none', '', undefined],
    ['expired', '', previous],
    ['id', '', 'h.id.sig'],
    ['pasted', '  Bearer a.b\n.c ', 'a.b.c'],
  ] as const)('%s gives the matching token', (choice, pasted, token) => {
    expect(raw(choice, pasted)).toBe(token);
  });

  it('tampers with the signature of the current token only', () => {
    const [header, payload, signature] = current.split('.');
    expect(raw('tampered')).toBe(
      `${header}.${payload}.${signature === 'A' ? 'B' : 'A'}${signature?.slice(1)}`,
    );
  });

  it('offers the current token as expired once it truly is, never a valid one', () => {
    const stillValid = sessionTokens({
      access: current,
      earlier: [fakeJwt({ jti: 'earlier', exp: NOW + 10 })],
    });
    expect(raw('expired', '', stillValid)).toBe(
      "None of this tab's tokens has expired yet; the current one expires in 4 min 12 s.",
    );
    expect(raw('expired', '', stillValid, NOW + 252)).toBe(current);
  });

  it.each([
    ['id', sessionTokens({ access: current }), /No ID token/],
    ['pasted', tokens, /Paste a token/],
    ['tampered', sessionTokens({ access: 'opaque' }), /three parts/],
  ] as const)('%s says why it is not available', (choice, given, message) => {
    expect(raw(choice, '', given)).toMatch(message);
  });
});

describe('tamperSignature', () => {
  it.each([
    [fakeJwt({ sub: 'a' }, undefined, 'cccc'), 'Accc'],
    [fakeJwt({ sub: 'a' }, undefined, 'Accc'), 'Bccc'],
  ])('changes only the signature of %s', (token, signature) => {
    const [header, payload] = token.split('.');
    expect(tamperSignature(readToken(token))).toEqual({
      ok: true,
      token: `${header}.${payload}.${signature}`,
    });
  });

  it.each([
    ['opaque', /three parts/],
    ['a.b.c.d.e', /three parts/],
    [fakeJwt({ sub: 'a' }, { alg: 'none' }, ''), /unsigned/],
  ])('refuses %s with a reason', (token, reason) => {
    const result = tamperSignature(readToken(token));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(reason);
  });
});
