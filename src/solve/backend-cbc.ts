/**
 * Native CBC (COIN-OR, e.g. Debian's coinor-cbc) as a backend: the program is
 * written as LP text to a temporary folder, `cbc` solves it there, and the
 * solution file is read back by column name.
 *
 * What CBC 2.10 does that matters here:
 * - its exit code is 0 even when it could not read the model; only the
 *   solution file says whether it solved anything;
 * - it ends a search whose gap is within `ratio`, the gap asked for, with "Optimal
 *   (within gap tolerance)": optimal as SolveOptions.relativeGap defines it;
 * - `sec` counts CPU time unless `timeMode elapsed` comes first;
 * - the solution file lists nonzero columns only, values to 8 significant
 *   digits, under a status line such as "Optimal - objective value 12" or
 *   "Stopped on time - objective value 12"; when no integer plan was found it
 *   says "(no integer solution - continuous used)" and lists the LP relaxation;
 * - the gap is not in the solution file; the log's "Result" block has the
 *   objective and the best bound ("Lower bound:" or "Upper bound:").
 */

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cbcFoundNoPlan } from '../diagnostics/messages.js';
import { lpNames, lpNumber, toLpText } from './lp-format.js';
import type { Program, SolveOptions, SolverBackend, SolverOutcome } from './program.js';

/**
 * node:child_process, loaded when CBC is first run: `zonal solve` loads this module with the other
 * backends (cli/backends.ts), and node:child_process with node:net and node:dgram took about 5 ms
 * of every solve's main thread on HiGHS (docs/performance.md, session 23).
 */
const childProcess = () =>
  createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');

/** Seconds past the time limit before a cbc process that has not stopped is killed. */
const killGraceSeconds = 10;
/** Node fires longer timers at once; this (about 24 days) stands for "no limit". */
const maxTimerMs = 2 ** 31 - 1;
/** Integer columns further than this from an integer make the answer an error. */
const integralityTolerance = 1e-6;

/** True when `binary` runs and says it is CBC. */
export function isCbcAvailable(binary = 'cbc'): boolean {
  const probe = childProcess().spawnSync(binary, ['-quit'], { encoding: 'utf8', timeout: 10_000 });
  return probe.status === 0 && probe.stdout.includes('CBC');
}

export function cbcBackend(binary = 'cbc'): SolverBackend {
  return { name: 'cbc', solve: (program, options) => solveWithCbc(binary, program, options) };
}

async function solveWithCbc(binary: string, program: Program, options: SolveOptions): Promise<SolverOutcome> {
  const started = performance.now();
  const folder = await mkdtemp(join(tmpdir(), 'zonal-cbc-'));
  try {
    await writeFile(join(folder, 'model.lp'), toLpText(program));
    const limit = lpNumber(Math.min(options.timeLimit, maxTimerMs / 1000));
    const nodes = options.nodeLimit === undefined ? [] : ['maxNodes', String(options.nodeLimit)];
    const args = [
      'model.lp',
      'timeMode',
      'elapsed',
      'sec',
      limit,
      'ratio',
      lpNumber(options.relativeGap),
      ...nodes,
      'solve',
      'solu',
      'solution.txt',
    ];
    const run = await runCbc(binary, args, folder, options.timeLimit + killGraceSeconds);
    const seconds = (performance.now() - started) / 1000;
    if (run.kind === 'failed') return { status: 'error', message: run.message, seconds };
    const solution = await readFile(join(folder, 'solution.txt'), 'utf8').catch(() => undefined);
    if (solution === undefined)
      return { status: 'error', message: `cbc wrote no solution: ${lastLines(run.log)}`, seconds };
    return readSolution(program, solution, run.log, seconds);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

type CbcRun =
  | { readonly kind: 'finished'; readonly log: string }
  | { readonly kind: 'failed'; readonly message: string };

function runCbc(
  binary: string,
  args: readonly string[],
  folder: string,
  killAfterSeconds: number,
): Promise<CbcRun> {
  return new Promise((resolve) => {
    const child = childProcess().spawn(binary, args, {
      cwd: folder,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Whole milliseconds: spawn refuses a fractional timeout (a time limit of 0.25 s, or what is left of a diagnosis).
      timeout: Math.min(Math.ceil(killAfterSeconds * 1000), maxTimerMs),
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', (error) =>
      resolve({ kind: 'failed', message: `could not run ${binary}: ${error.message}` }),
    );
    child.once('close', (code, signal) => {
      const log = Buffer.concat(chunks).toString('utf8');
      if (signal !== null)
        resolve({
          kind: 'failed',
          message: `cbc did not stop within ${killAfterSeconds} s and was killed (${signal})`,
        });
      else if (code !== 0)
        resolve({ kind: 'failed', message: `cbc exited with code ${code}: ${lastLines(log)}` });
      else resolve({ kind: 'finished', log });
    });
  });
}

/** Reads cbc's solution file (and the log, for the gap) into an outcome. */
export function readSolution(
  program: Program,
  solution: string,
  log: string,
  seconds: number,
): SolverOutcome {
  const [header = '', ...lines] = solution.split('\n');
  const status = header.replace(/ - objective value .*$/, '').trim();
  if (status === 'Infeasible') return { status: 'infeasible', seconds };
  if (status === 'Integer infeasible') {
    // cbc's preprocessing says "infeasible or unbounded"; only bounded columns rule out the latter.
    const bounded = program.variables.every((v) => Number.isFinite(v.lower) && Number.isFinite(v.upper));
    return bounded
      ? { status: 'infeasible', seconds }
      : { status: 'error', message: 'cbc says the program is infeasible or unbounded', seconds };
  }
  if (status.includes('no integer solution'))
    return { status: 'error', message: cbcFoundNoPlan(status), seconds };
  const proven = status === 'Optimal' || status === 'Optimal (within gap tolerance)';
  if (!proven && !status.startsWith('Stopped on'))
    return { status: 'error', message: `cbc: ${header.trim() || 'empty solution file'}`, seconds };
  const values = readValues(program, lines);
  if (typeof values === 'string') return { status: 'error', message: values, seconds };
  const objective = Number(/objective value (\S+)/.exec(header)?.[1]);
  if (!Number.isFinite(objective))
    return { status: 'error', message: `cbc: no objective value in "${header.trim()}"`, seconds };
  const gap = readGap(log);
  return {
    status: proven ? 'optimal' : 'feasible',
    values,
    objective,
    gap: Number.isNaN(gap) && status === 'Optimal' ? 0 : gap,
    seconds,
  };
}

/** Column values by LP name, in program order; absent columns are 0. Returns a message on failure. */
function readValues(program: Program, lines: readonly string[]): number[] | string {
  const names = lpNames(program);
  const columnOf = new Map(names.variables.map((name, j) => [name, j]));
  const rowNames = new Set(names.rows.flat());
  const values = program.variables.map(() => 0);
  for (const line of lines) {
    if (line.trim() === '') continue;
    const match = /^\s*(?:\*\*)?\s*\d+\s+(\S+)\s+(\S+)\s+\S+\s*$/.exec(line);
    if (match === null) return `cbc: unreadable solution line "${line.trim()}"`;
    const [, name = '', valueText = ''] = match;
    const j = columnOf.get(name);
    if (j === undefined) {
      if (rowNames.has(name)) continue;
      return `cbc: solution names an unknown column "${name}"`;
    }
    const value = Number(valueText);
    const variable = program.variables[j];
    if (!Number.isFinite(value) || variable === undefined) return `cbc: bad value "${valueText}" for ${name}`;
    if (variable.integer && Math.abs(value - Math.round(value)) > integralityTolerance)
      return `cbc: ${variable.name} = ${value} is not integral`;
    values[j] = variable.integer ? Math.round(value) : value;
  }
  return values;
}

/** Relative gap |objective - bound| / |objective| from the log's "Result" block; NaN if it has none. */
function readGap(log: string): number {
  const result = log.slice(log.lastIndexOf('Result - '));
  const objective = Number(/^Objective value:\s*(\S+)/m.exec(result)?.[1]);
  const bound = Number(/^(?:Lower|Upper) bound:\s*(\S+)/m.exec(result)?.[1]);
  if (!Number.isFinite(objective) || !Number.isFinite(bound)) return Number.NaN;
  const difference = Math.abs(objective - bound);
  return difference === 0 ? 0 : difference / Math.max(Math.abs(objective), 1e-10);
}

function lastLines(log: string): string {
  return log.trim().split('\n').slice(-4).join(' / ');
}
