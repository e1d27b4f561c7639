/**
 * A long-running `zonal` process (a worker, a coordinator) that a test can
 * watch, wait on and kill: the built binary, spawned as a user would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './cli.js';

const bin = fileURLToPath(new URL('../../bin/zonal.js', import.meta.url));

export interface Running {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
  /** Resolves when stdout matches `pattern` (or passes it); rejects if the process ends first or after `ms`. */
  waitFor(pattern: RegExp | ((stdout: string) => boolean), ms?: number): Promise<void>;
}

export function startZonal(args: readonly string[], env: Readonly<Record<string, string>> = {}): Running {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const waitFor = (pattern: RegExp | ((stdout: string) => boolean), ms = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const matches = typeof pattern === 'function' ? pattern : (text: string) => pattern.test(text);
      const check = () => {
        if (!matches(out)) return false;
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve();
        return true;
      };
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no ${String(pattern)} from zonal ${args.join(' ')} within ${ms} ms; stdout:\n${out}\nstderr:\n${err}`,
            ),
          ),
        ms,
      );
      if (check()) return;
      child.stdout.on('data', check);
      void exited.then(() => {
        if (check()) return;
        clearTimeout(timer);
        reject(
          new Error(
            `zonal ${args.join(' ')} ended before printing ${String(pattern)}; stdout:\n${out}\nstderr:\n${err}`,
          ),
        );
      });
    });
  return { child, exited, stdout: () => out, stderr: () => err, waitFor };
}
