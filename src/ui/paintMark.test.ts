import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenPainted } from './paintMark.ts';

/** A PerformanceObserver that reports what the test paints, as Chromium reports element timing. */
function fakeElementTiming() {
  const observers: Array<(entries: Array<{ identifier: string }>) => void> = [];
  class FakeObserver {
    static supportedEntryTypes = ['element'];
    constructor(private readonly callback: (list: { getEntries(): unknown[] }) => void) {}
    observe() {
      observers.push((entries) => this.callback({ getEntries: () => entries }));
    }
    disconnect() {
      observers.length = 0;
    }
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  return {
    paint: (identifier: string) => {
      for (const report of observers) report([{ identifier }]);
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('whenPainted', () => {
  it('waits for its own mark to be painted, not any other', () => {
    const browser = fakeElementTiming();
    const then = vi.fn();
    whenPainted('decoded-token', then);
    browser.paint('sign-in');
    expect(then).not.toHaveBeenCalled();
    browser.paint('decoded-token');
    expect(then).toHaveBeenCalledTimes(1);
    browser.paint('decoded-token');
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('is cancelled with the page that asked', () => {
    const browser = fakeElementTiming();
    const then = vi.fn();
    whenPainted('sign-in', then)();
    browser.paint('sign-in');
    expect(then).not.toHaveBeenCalled();
  });

  it('falls back to the next frame where the browser does not report element paints', async () => {
    vi.stubGlobal('PerformanceObserver', undefined);
    const then = vi.fn();
    whenPainted('sign-in', then);
    await vi.waitFor(() => expect(then).toHaveBeenCalledTimes(1));
  });
});
