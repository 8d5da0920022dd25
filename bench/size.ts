import { fileURLToPath } from 'node:url';
import { INITIAL_JS_BUDGET, initialJsSize } from './initialJsSize.ts';

const dist = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
const { files, gzipBytes } = initialJsSize(dist);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
for (const f of files) process.stdout.write(`  ${f.file}: ${kb(f.bytes)} (${kb(f.gzipBytes)} gzip)\n`);
process.stdout.write(
  `Initial JavaScript: ${kb(gzipBytes)} gzip of a ${kb(INITIAL_JS_BUDGET)} budget (${((gzipBytes / INITIAL_JS_BUDGET) * 100).toFixed(0)}%)\n`,
);
