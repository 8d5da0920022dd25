import { describe, expect, it } from 'vitest';
import { maskToken } from './HeadersPreview.tsx';

describe('maskToken', () => {
  it('keeps the start and the end of a long token and counts its characters', () => {
    const token = `eyJhbGciOi${'a'.repeat(1011)}x9Q`;
    expect(maskToken(token)).toBe('eyJhbGciOi…x9Q (1,024 chars)');
  });

  it('shows nothing of a short token', () => {
    expect(maskToken('secret')).toBe('•••••• (6 chars)');
  });
});
