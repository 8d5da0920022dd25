import { describe, expect, it } from 'vitest';
import { formatBytes } from './formatBytes.ts';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [2048, '2.0 KB'],
    [10.5 * 1024 * 1024, '10.5 MB'],
  ])('formats %i', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
