import { describe, expect, it } from 'vitest';
import { sectionHref, sectionOfHash } from './sections.ts';

describe('sectionOfHash', () => {
  it.each([
    ['#call', 'call'],
    ['#/matrix', 'matrix'],
    ['#Integrate', 'integrate'],
  ])('reads %s as the section %s', (hash, id) => {
    expect(sectionOfHash(hash)).toBe(id);
  });

  it.each(['', '#', '#code=abc', '#access_token=eyJ', '#tokens'])('names no section for %j', (hash) => {
    expect(sectionOfHash(hash)).toBeUndefined();
  });

  it('round-trips every href', () => {
    expect(sectionOfHash(sectionHref('identities'))).toBe('identities');
  });
});
