import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/**
 * Features depend one way (README, Repository layout): the shell meets them all; below it, a
 * feature may use the pure pieces of the features to its left, never the reverse, so no cycle
 * can form and a reader knows where a line belongs from its path.
 */
const ALLOWED: Record<string, string[]> = {
  config: [],
  ui: [],
  // Shared code: the one reading of a token (shared/token) and the app's one clock.
  shared: ['config'],
  token: ['config', 'ui', 'shared'],
  auth: ['config', 'ui', 'shared'],
  request: ['config', 'ui', 'shared'],
  realm: ['config', 'ui', 'shared', 'auth', 'request'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const edges = sourceFiles(SRC).flatMap((file) => {
  const feature = relative(SRC, file).split('/')[0] ?? '';
  const imports = [...readFileSync(file, 'utf8').matchAll(/from '(\.\.?\/[^']+|[^'.][^']*)'/g)].map(
    (m) => m[1] ?? '',
  );
  return imports.map((target) => ({
    file: relative(SRC, file),
    feature,
    target,
    // The top folder of src/ the import lands in, however many ../ it takes to get there.
    lands: target.startsWith('.') ? (relative(SRC, resolve(dirname(file), target)).split('/')[0] ?? '') : '',
  }));
});

describe('the portal source', () => {
  it('imports between features only in the allowed direction', () => {
    const wrong = edges
      .filter(({ feature }) => feature in ALLOWED)
      .filter(({ feature, lands }) => lands !== '' && lands !== feature && !ALLOWED[feature]?.includes(lands))
      .map(({ file, target }) => `${file} -> ${target}`);
    expect(wrong).toEqual([]);
  });

  it('never imports the Node-only devstack', () => {
    expect(edges.filter(({ target }) => target.includes('devstack')).map(({ file }) => file)).toEqual([]);
  });
});
