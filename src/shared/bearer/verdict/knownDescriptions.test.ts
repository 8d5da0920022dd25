import { describe, expect, it } from 'vitest';
import { KNOWN_DESCRIPTIONS, readDescription } from './knownDescriptions.ts';

describe('readDescription', () => {
  it.each(KNOWN_DESCRIPTIONS.map((known) => [known.example, known]))(
    'reads “%s” as its own entry',
    (example, known) => {
      expect(readDescription(example)).toBe(known);
    },
  );

  it.each([
    // A keyword match once read these as "an ID token" or as expiry.
    ['Invalid Token', 'unspecified'],
    ['Token verification failed', 'unspecified'],
  ])('reads the generic “%s” as saying nothing specific (%s)', (text, cause) => {
    expect(readDescription(text)?.cause).toBe(cause);
  });

  it.each([
    'The provided ID token is not valid',
    'token expired, maybe',
    'Jwt expired at 2026-12-05T09:41:03Z and more',
    'audience mismatch',
    '',
  ])('leaves the unknown text “%s” uninterpreted', (text) => {
    expect(readDescription(text)).toBeUndefined();
  });
});
