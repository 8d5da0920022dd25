import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../../test/fakeJwt.ts';
import { maskToken, maskTokens } from './maskTokens.ts';

describe('maskToken', () => {
  it('keeps the start and the end of a long token and counts its characters', () => {
    const token = `eyJhbGciOi${'a'.repeat(1011)}x9Q`;
    expect(maskToken(token)).toBe('eyJhbGciOi…x9Q (1,024 chars)');
  });

  it('shows nothing of a short token', () => {
    expect(maskToken('secret')).toBe('•••••• (6 chars)');
  });
});

describe('maskTokens', () => {
  const sent = fakeJwt({ sub: 'u1', preferred_username: 'therapist', scope: 'openid' });
  const other = fakeJwt({ sub: 'someone-else' });

  it('case 42: masks an echoed Authorization header, and keeps JSON valid', () => {
    const body = JSON.stringify({ headers: { authorization: `Bearer ${sent}` }, echo: sent });
    const masked = maskTokens(body, [{ raw: sent, label: 'the token you sent' }]);
    expect(masked).not.toContain(sent);
    expect(masked).toContain(`[the token you sent, masked: ${maskToken(sent)}]`);
    expect(JSON.parse(masked).echo).toBe(`[the token you sent, masked: ${maskToken(sent)}]`);
  });

  it('case 42: masks any other JWT in the answer, and an opaque token of the session by name', () => {
    const masked = maskTokens(`token=${other}; mine=opaque-refresh-token-value-123`, [
      { raw: 'opaque-refresh-token-value-123', label: 'your refresh token' },
    ]);
    expect(masked).not.toContain(other);
    expect(masked).toContain(`[a token, masked: ${maskToken(other)}]`);
    expect(masked).toContain('[your refresh token, masked:');
  });

  it('leaves an answer without tokens alone', () => {
    const body = '{"name":"Ada","note":"eyJ is how JSON starts in base64"}';
    expect(maskTokens(body, [{ raw: sent, label: 'x' }])).toBe(body);
  });
});
