import { describe, expect, it } from 'vitest';
import { chooseToken } from './chooseToken.ts';

const tokens = { access: 'h.p.sig', id: 'h.id.sig', previousAccess: 'h.old.sig' };

describe('chooseToken', () => {
  it.each([
    ['current', tokens, '', 'h.p.sig'],
    ['none', tokens, '', undefined],
    ['expired', tokens, '', 'h.old.sig'],
    ['tampered', tokens, '', 'h.p.Aig'],
    ['id', tokens, '', 'h.id.sig'],
    ['pasted', tokens, '  Bearer a.b\n.c ', 'a.b.c'],
  ] as const)('%s gives the matching token', (choice, given, pasted, token) => {
    expect(chooseToken(choice, given, pasted)).toEqual({ ok: true, token });
  });

  it.each([
    ['expired', { access: 'h.p.sig' }, /No earlier token yet: it appears after the first refresh/],
    ['id', { access: 'h.p.sig' }, /No ID token/],
    ['pasted', tokens, /Paste a token/],
    ['tampered', { access: 'opaque' }, /three parts/],
  ] as const)('%s says why it is not available', (choice, given, message) => {
    const chosen = chooseToken(choice, given, '');
    expect(chosen.ok).toBe(false);
    if (!chosen.ok) expect(chosen.message).toMatch(message);
  });
});
