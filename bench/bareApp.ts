import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Builds bench/bare (the reference app with only the mandated libraries) into `outDir`. */
export async function buildBareApp(outDir: string): Promise<void> {
  await build({
    root: fileURLToPath(new URL('./bare', import.meta.url)),
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
}
