import { describe, expect, it } from 'vitest';
import { describeEvent } from './EventsTimeline.tsx';

const at = Date.UTC(2026, 0, 1, 12);
const exp = at / 1000;

describe('describeEvent', () => {
  it.each([
    [exp, exp + 293, '(+4:53)'],
    [exp + 300, exp + 293, '(−0:07)'],
    [exp, exp, '(+0:00)'],
  ])('signs the change of exp from %s to %s as %s', (oldExp, newExp, delta) => {
    expect(describeEvent({ type: 'refreshed', at, trigger: 'manual', oldExp, newExp })).toContain(delta);
  });

  it('says why the portal refreshed without being asked', () => {
    expect(describeEvent({ type: 'refreshed', at, trigger: 'load', oldExp: exp, newExp: exp + 300 })).toMatch(
      /^Refreshed automatically: the token was stale when the page loaded/,
    );
  });

  it('tells a refresh that changed nothing apart from one that did', () => {
    expect(describeEvent({ type: 'refresh-unchanged', at, exp })).toMatch(
      /^Refresh returned the same access token: nothing changed/,
    );
  });
});
