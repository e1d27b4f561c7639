/**
 * Run the built command line (bin/zonal.js → dist/) as a user would.
 * The build is the CI's job (`npm run build` before `npm test`); a missing
 * build fails with a message saying so.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const bin = fileURLToPath(new URL('../../bin/zonal.js', import.meta.url));
const builtMain = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export function assertBuilt(): void {
  if (!existsSync(builtMain))
    throw new Error(
      `the CLI is not built (${builtMain} is missing): run \`npm run build\` before the CLI tests`,
    );
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function zonal(args: readonly string[], cwd = repoRoot): Promise<CliRun> {
  return node([bin, ...args], cwd);
}

/** Run node with `args` (a script and its arguments) as the CLI tests run zonal. */
export function node(args: readonly string[], cwd = repoRoot, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return run(process.execPath, args, cwd, env);
}

/** zonal with no file it writes allowed past `kib` KiB (bash's `ulimit -f`): a disk that fills up mid-run. */
export function zonalWithFileLimit(kib: number, args: readonly string[], cwd = repoRoot): Promise<CliRun> {
  return run('bash', ['-c', `ulimit -f ${kib}; exec "$0" "$@"`, process.execPath, bin, ...args], cwd, {});
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  return started(command, args, cwd, env).done;
}

/** zonal started, to be signalled while it runs (`process.kill`); `done` is what it printed and its exit code. */
export function spawnZonal(args: readonly string[], cwd = repoRoot) {
  return started(process.execPath, [bin, ...args], cwd, {});
}

function started(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      // Ended by a signal it did not catch: the shell's code for it (143 for SIGTERM).
      resolve({ code: code ?? (signal === null ? null : 128 + constants.signals[signal]), stdout, stderr }),
    );
  });
  return { process: child, done };
}
