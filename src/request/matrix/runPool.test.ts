import { describe, expect, it } from 'vitest';
import { runPool } from './runPool.ts';

/** A fake send that resolves when told to, and counts how many are under way. */
function fakeSends() {
  let running = 0;
  let peak = 0;
  const waiting: Array<() => void> = [];
  const work = async () => {
    running += 1;
    peak = Math.max(peak, running);
    await new Promise<void>((resolve) => waiting.push(resolve));
    running -= 1;
  };
  const releaseAll = async () => {
    while (waiting.length > 0) {
      waiting.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { work, releaseAll, peak: () => peak, waiting };
}

describe('runPool', () => {
  it('never runs more than the limit at once, and runs every item', async () => {
    const fake = fakeSends();
    const done: number[] = [];
    const run = runPool([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4, async (n) => {
      await fake.work();
      done.push(n);
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.waiting).toHaveLength(4);
    await fake.releaseAll();
    await run;
    expect(fake.peak()).toBe(4);
    expect(done.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('skips what has not started once cancelled', async () => {
    const fake = fakeSends();
    const controller = new AbortController();
    const sent: number[] = [];
    const skipped: number[] = [];
    const run = runPool(
      [0, 1, 2, 3, 4, 5],
      2,
      async (n) => {
        sent.push(n);
        await fake.work();
      },
      { signal: controller.signal, onSkip: (n) => skipped.push(n) },
    );
    await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    await fake.releaseAll();
    await run;
    expect(sent).toEqual([0, 1]);
    expect(skipped).toEqual([2, 3, 4, 5]);
  });

  it('does nothing for no items', async () => {
    await expect(runPool([], 4, async () => {})).resolves.toBeUndefined();
  });
});
