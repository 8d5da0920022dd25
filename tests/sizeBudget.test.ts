import { describe, expect, it } from 'vitest';
import { INITIAL_JS_BUDGET, initialJsSize } from '../bench/initialJsSize.ts';
import { testDist } from './support/buildPortal.ts';

describe('production build', () => {
  it('keeps the initial JavaScript under the 100 KB gzip budget', () => {
    const { files, gzipBytes } = initialJsSize(testDist());
    expect(files.length).toBeGreaterThan(0);
    expect(gzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  });
});
