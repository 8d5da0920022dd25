import type { Reporter, TestModule } from 'vitest/node';
import { SKIPPED_KEY } from './optionalSuites.ts';

/** Prints the one closing line CI reads: `N passed, N failed`, totalling every project. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    for (const module of testModules) {
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed += 1;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
      }
    }
    const skipped = process.env[SKIPPED_KEY];
    process.stdout.write(`\n${skipped ? `${skipped}\n` : ''}${passed} passed, ${failed} failed\n`);
  }
}
