import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialJs {
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  gzipBytes: number;
}

/** The JavaScript a first visit must download before the portal runs: entry scripts and modulepreloads. */
export function initialJsSize(dist: string): InitialJs {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => match[1] as string);
  const files = [...new Set(srcs)].map((src) => {
    const content = readFileSync(join(dist, src));
    return { file: src, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

/** Budget from the foundation issue: react + oidc libraries are ~87 KB of it already. */
export const INITIAL_JS_BUDGET = 100 * 1024;
