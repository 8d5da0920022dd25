import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

/**
 * Running the code the portal shows, as a developer would after copying it: in a folder of the
 * test's own inside the repository (so `import 'jose'` finds node_modules), removed afterwards.
 */
export function snippetFolder(): string {
  const root = fileURLToPath(new URL('../../.tmp/', import.meta.url));
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, 'snippet-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface Running {
  child: ChildProcess;
  /** What it printed so far. */
  stdout(): string;
  stderr(): string;
  /** Its exit code, once it ends. */
  exit: Promise<number | null>;
}

/** Starts a command with extra environment variables; it is killed if the test ends first. */
export function start(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  cwd?: string,
): Running {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  onTestFinished(() => {
    if (child.exitCode === null) child.kill();
  });
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Saves a shell script the portal shows and runs it with sh. */
export function runShell(script: string, env: Record<string, string> = {}, dir = snippetFolder()): Running {
  const file = join(dir, 'snippet.sh');
  writeFileSync(file, script);
  return start('sh', [file], env, dir);
}

/** A `sleep` first on the PATH that logs each duration it is asked for, then sleeps it. */
export function recordingSleep(dir: string): { path: string; log: string } {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const log = join(dir, 'sleeps.log');
  writeFileSync(
    join(bin, 'sleep'),
    `#!/bin/sh\necho "$1" >> ${JSON.stringify(log)}\nPATH=${JSON.stringify(process.env.PATH ?? '')} exec sleep "$1"\n`,
  );
  chmodSync(join(bin, 'sleep'), 0o755);
  return { path: `${bin}:${process.env.PATH ?? ''}`, log };
}

/** The status and JSON body of what `curl --include` printed (the last response, after any 100). */
export function httpAnswer(output: string): { status: number; body: unknown } {
  const parts = output.split(/\r?\n\r?\n/);
  const head = [...parts].reverse().find((part) => /^HTTP\/[\d.]+ \d{3}/.test(part)) ?? '';
  const body = parts
    .slice(parts.indexOf(head) + 1)
    .join('\n\n')
    .trim();
  return {
    status: Number(/^HTTP\/[\d.]+ (\d{3})/.exec(head)?.[1] ?? 0),
    body: body === '' ? null : JSON.parse(body),
  };
}
