import { describe, expect, it } from 'vitest';
import { abandonedSignIn } from './abandonedSignIn.ts';

const NOW = 1_700_000_000;
const state = (created: number, requestType = 'si:r') =>
  JSON.stringify({ id: 'x', created, request_type: requestType, code_verifier: 'secret' });

describe('abandonedSignIn', () => {
  it('finds a sign-in that started a while ago and never came back, with its start time', () => {
    expect(abandonedSignIn([['s1', state(NOW - 60)]], NOW)).toEqual({
      startedAt: new Date((NOW - 60) * 1000),
      keys: ['s1'],
    });
  });

  it('reports the latest of several, and all of their keys', () => {
    const found = abandonedSignIn(
      [
        ['s1', state(NOW - 200)],
        ['s2', state(NOW - 30)],
      ],
      NOW,
    );
    expect(found?.startedAt).toEqual(new Date((NOW - 30) * 1000));
    expect(found?.keys).toEqual(['s1', 's2']);
  });

  it.each<[string, Array<[string, string | null]>]>([
    ['nothing pending', []],
    ['a sign-in started a moment ago', [['s1', state(NOW - 2)]]],
    ['a sign-in started more than five minutes ago', [['s1', state(NOW - 301)]]],
    ['a pending sign-out', [['s1', state(NOW - 60, 'so:r')]]],
    ['something unreadable', [['s1', '{not json']]],
    ['an empty entry', [['s1', null]]],
  ])('ignores %s', (_name, entries) => {
    expect(abandonedSignIn(entries, NOW)).toBeNull();
  });

  it('leaves out the sign-ins this tab already explained', () => {
    const entries: Array<[string, string]> = [
      ['s1', state(NOW - 90)],
      ['s2', state(NOW - 30)],
    ];
    expect(abandonedSignIn(entries, NOW, new Set(['s2']))?.keys).toEqual(['s1']);
    expect(abandonedSignIn(entries, NOW, new Set(['s1', 's2']))).toBeNull();
  });
});
