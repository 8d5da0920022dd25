import { describe, expect, it } from 'vitest';
import { type PageFacts, pageOf } from './page.ts';

const facts = (patch: Partial<PageFacts>): PageFacts => ({
  checking: false,
  cameFromCallback: false,
  ended: false,
  hasUser: false,
  signedIn: false,
  ...patch,
});

describe('pageOf', () => {
  it.each<[string, Partial<PageFacts>, ReturnType<typeof pageOf>]>([
    ['a stored session being read shows nothing for that moment', { checking: true }, { kind: 'blank' }],
    [
      'a callback says it checks the sign-in',
      { checking: true, cameFromCallback: true },
      { kind: 'checking' },
    ],
    ['a session the refresh ended explains itself', { ended: true }, { kind: 'ended' }],
    [
      'an ended session with a user still in hand stays in the workspace',
      { ended: true, hasUser: true, signedIn: true },
      { kind: 'workspace', signedIn: true },
    ],
    ['signed out, the workspace with the sign-in', {}, { kind: 'workspace', signedIn: false }],
  ])('%s', (_name, patch, page) => {
    expect(pageOf(facts(patch))).toEqual(page);
  });
});
