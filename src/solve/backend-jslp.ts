/**
 * javascript-lp-solver as a backend, for small programs only (see DESIGN §4).
 *
 * The solver is known to misbehave on larger models: it reports fractional
 * plans as `feasible: true` and can run past its own timeout. So every solve
 *  1. runs in a worker thread that is terminated `killGraceSeconds` after the
 *     time limit, and
 *  2. has its answer checked against the program (integrality, bounds, rows)
 *     before it is believed; a plan that fails is an 'error', never a result,
 *  3. except when the time limit stopped it (it then often holds a fractional
 *     plan, or no answer at all): then, as HiGHS and CBC give their best plan
 *     found, it gives the best integral plan known, the start plan the
 *     pipeline offers every backend (solve/greedy.ts), checked the same way, as
 *     `feasible`; with no start plan that passes, it says so as an 'error'.
 *
 * A worker cannot load a `.ts` file, so when this module runs from source (as
 * under vitest) the default is to solve in-process, without the hard timer.
 * The built module (dist/solve/backend-jslp.js) always uses
 * dist/solve/jslp-worker.js, and reports an error if that file is missing.
 */

import { Worker } from 'node:worker_threads';
import type { Model } from 'javascript-lp-solver';
import {
  planObjective,
  startPlan,
  type Program,
  type SolveOptions,
  type SolverBackend,
  type SolverOutcome,
} from './program.js';
import type { JslpJob, JslpReply } from './jslp-worker.js';

export interface JslpBackendSettings {
  /** The worker script; null solves in this thread, with no hard timer. */
  readonly workerUrl: URL | null;
  /** Seconds past the time limit before the worker is terminated. @defaultValue 1 */
  readonly killGraceSeconds: number;
}

const runsFromSource = import.meta.url.endsWith('.ts');

const defaultJslpBackendSettings: JslpBackendSettings = {
  workerUrl: runsFromSource ? null : new URL('./jslp-worker.js', import.meta.url),
  killGraceSeconds: 1,
};

/** Node fires longer timers at once; this (about 24 days) stands for "no limit". */
const maxTimerMs = 2 ** 31 - 1;

/** Relative tolerance for rows and bounds, absolute for integrality. */
const jslpCheckTolerance = 1e-6;

export function createJslpBackend(settings: Partial<JslpBackendSettings> = {}): SolverBackend {
  const complete: JslpBackendSettings = { ...defaultJslpBackendSettings, ...settings };
  return { name: 'jslp', solve: (program, options) => solveWithJslp(program, options, complete) };
}

export const jslpBackend: SolverBackend = createJslpBackend();

type Run =
  | { readonly kind: 'reply'; readonly reply: JslpReply }
  | { readonly kind: 'killed'; readonly afterSeconds: number }
  | { readonly kind: 'crashed'; readonly message: string };

async function solveWithJslp(
  program: Program,
  options: SolveOptions,
  settings: JslpBackendSettings,
): Promise<SolverOutcome> {
  const started = performance.now();
  const timeoutMs = Math.min(Math.max(1, Math.round(options.timeLimit * 1000)), maxTimerMs);
  const model = toJslpModel(program, timeoutMs);
  const run: Run =
    settings.workerUrl === null
      ? // Loaded only here: the solver's 120 kB would otherwise be compiled by every `zonal solve`.
        { kind: 'reply', reply: (await import('./jslp-worker.js')).solveJslpModel(model) }
      : await solveInWorker(
          settings.workerUrl,
          { kind: 'jslp-job', model },
          options.timeLimit + settings.killGraceSeconds,
        );
  const seconds = (performance.now() - started) / 1000;
  switch (run.kind) {
    case 'killed':
      return startPlanAtTimeLimit(
        program,
        options,
        `javascript-lp-solver timed out: no answer after ${run.afterSeconds} s, so it was stopped`,
        seconds,
      );
    case 'crashed':
      return { status: 'error', message: `javascript-lp-solver worker failed: ${run.message}`, seconds };
    case 'reply':
      return readReply(program, options, run.reply, timeoutMs, seconds);
  }
}

/**
 * The time limit stopped the solver without a plan that keeps the program (`why`): the
 * start plan instead, as the best integral plan known, once it passes the same check.
 */
function startPlanAtTimeLimit(
  program: Program,
  options: SolveOptions,
  why: string,
  seconds: number,
): SolverOutcome {
  const start = startPlan(program, options);
  const fallBack = `${why}, and there is no integral plan to fall back on`;
  const advice = 'raise the time limit, or use the highs solver';
  if (start === undefined) return { status: 'error', message: `${fallBack}: ${advice}`, seconds };
  const violation = findViolation(program, start, jslpCheckTolerance);
  if (violation !== undefined)
    return {
      status: 'error',
      message: `${fallBack} (the start plan breaks the program: ${violation}): ${advice}`,
      seconds,
    };
  const values = snapIntegers(program, start);
  return { status: 'feasible', values, objective: planObjective(program, values), gap: Number.NaN, seconds };
}

/**
 * The program in javascript-lp-solver's JSON form. Variables are `v<j>`, rows
 * `r<i>`, bounds `lb<j>` / `ub<j>` / `fx<j>` (the solver knows only x >= 0,
 * and binaries, for which it adds x <= 1 itself).
 */
export function toJslpModel(program: Program, timeoutMs: number): Model {
  const variables: Record<string, Record<string, number>> = {};
  const constraints: Model['constraints'] = {};
  const ints: Record<string, boolean> = {};
  const binaries: Record<string, boolean> = {};
  const unrestricted: Record<string, boolean> = {};
  program.variables.forEach((variable, j) => {
    const id = `v${j}`;
    const column: Record<string, number> = { objective: variable.cost };
    variables[id] = column;
    if (variable.integer && variable.lower === 0 && variable.upper === 1) {
      binaries[id] = true;
      return;
    }
    if (variable.integer) ints[id] = true;
    if (variable.lower < 0) unrestricted[id] = true;
    if (variable.lower === variable.upper) {
      constraints[`fx${j}`] = { equal: variable.lower };
      column[`fx${j}`] = 1;
      return;
    }
    if (variable.lower !== 0 && variable.lower > -Infinity) {
      constraints[`lb${j}`] = { min: variable.lower };
      column[`lb${j}`] = 1;
    }
    if (variable.upper < Infinity) {
      constraints[`ub${j}`] = { max: variable.upper };
      column[`ub${j}`] = 1;
    }
  });
  program.rows.forEach((row, i) => {
    const bound = rowBound(row.lower, row.upper);
    if (bound === undefined) return;
    constraints[`r${i}`] = bound;
    for (const [j, coefficient] of row.terms) {
      if (coefficient === 0) continue; // the solver mishandles explicit zeros
      const column = variables[`v${j}`];
      if (column === undefined)
        throw new RangeError(`row ${row.name} refers to variable ${j}, which the program does not have`);
      column[`r${i}`] = coefficient;
    }
  });
  return {
    optimize: 'objective',
    opType: program.sense,
    constraints,
    variables,
    ints,
    binaries,
    unrestricted,
    // Presolve off: in 1.0.3 it takes every variable's lower bound as 0 (so a
    // free variable can make a feasible program "infeasible", which no check
    // afterwards can catch) and divides by zero coefficients.
    options: { tolerance: 0, useMIRCuts: true, exitOnCycles: true, timeout: timeoutMs, presolve: false },
  };
}

function rowBound(lower: number, upper: number): Model['constraints'][string] | undefined {
  if (lower === upper) return { equal: lower };
  const hasLower = lower > -Infinity;
  const hasUpper = upper < Infinity;
  if (hasLower && hasUpper) return { min: lower, max: upper };
  if (hasLower) return { min: lower };
  return hasUpper ? { max: upper } : undefined;
}

function solveInWorker(workerUrl: URL, job: JslpJob, killAfterSeconds: number): Promise<Run> {
  return new Promise((resolve) => {
    const worker = new Worker(workerUrl, { workerData: job });
    let settled = false;
    const settle = (run: Run): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(run);
    };
    const timer = setTimeout(
      () => settle({ kind: 'killed', afterSeconds: killAfterSeconds }),
      Math.min(killAfterSeconds * 1000, maxTimerMs),
    );
    worker.once('message', (message: unknown) =>
      settle(
        isJslpReply(message)
          ? { kind: 'reply', reply: message }
          : { kind: 'crashed', message: 'the worker sent an unexpected message' },
      ),
    );
    worker.once('error', (error: Error) => settle({ kind: 'crashed', message: error.message }));
    worker.once('exit', (code: number) =>
      settle({ kind: 'crashed', message: `the worker exited (code ${code}) without an answer` }),
    );
  });
}

function isJslpReply(message: unknown): message is JslpReply {
  if (typeof message !== 'object' || message === null) return false;
  const kind = (message as { kind?: unknown }).kind;
  return kind === 'solved' || kind === 'failed';
}

function readReply(
  program: Program,
  options: SolveOptions,
  reply: JslpReply,
  timeoutMs: number,
  seconds: number,
): SolverOutcome {
  if (reply.kind === 'failed')
    return { status: 'error', message: `javascript-lp-solver threw: ${reply.message}`, seconds };
  const result = reply.result;
  if (typeof result !== 'object' || result === null)
    return { status: 'error', message: 'javascript-lp-solver returned no result', seconds };
  const fields = result as Record<string, unknown>;
  if (fields['feasible'] !== true) return { status: 'infeasible', seconds };
  if (fields['bounded'] === false)
    return { status: 'error', message: 'javascript-lp-solver says the program is unbounded', seconds };
  // Its own timeout stops the search quietly; the clock is the only sign of it.
  const timedOut = reply.milliseconds >= timeoutMs;
  const values = program.variables.map((_, j) => {
    const value = fields[`v${j}`];
    return typeof value === 'number' ? value : 0;
  });
  const violation = findViolation(program, values, jslpCheckTolerance);
  if (violation !== undefined) {
    const broken = `javascript-lp-solver returned a plan that breaks the program`;
    return timedOut
      ? startPlanAtTimeLimit(
          program,
          options,
          `${broken} after reaching its time limit: ${violation}`,
          seconds,
        )
      : { status: 'error', message: `${broken}: ${violation}`, seconds };
  }
  const snapped = snapIntegers(program, values);
  const objective = planObjective(program, snapped);
  return timedOut
    ? { status: 'feasible', values: snapped, objective, gap: Number.NaN, seconds }
    : { status: 'optimal', values: snapped, objective, gap: 0, seconds };
}

/**
 * The first way `values` breaks the program, or undefined if none: an integer
 * variable off an integer by more than `tolerance`, or a bound or row missed by
 * more than `tolerance` relative to the bound (at least 1).
 */
export function findViolation(
  program: Program,
  values: readonly number[],
  tolerance: number,
): string | undefined {
  const misses = (value: number, lower: number, upper: number): boolean =>
    value < lower - tolerance * Math.max(1, Math.abs(lower)) ||
    value > upper + tolerance * Math.max(1, Math.abs(upper));
  for (const [j, variable] of program.variables.entries()) {
    const value = values[j] ?? 0;
    if (!Number.isFinite(value)) return `${variable.name} = ${value}`;
    if (variable.integer && Math.abs(value - Math.round(value)) > tolerance)
      return `${variable.name} = ${value} is not integral`;
    if (misses(value, variable.lower, variable.upper))
      return `${variable.name} = ${value} is outside [${variable.lower}, ${variable.upper}]`;
  }
  for (const row of program.rows) {
    const activity = row.terms.reduce((sum, [j, coefficient]) => sum + coefficient * (values[j] ?? 0), 0);
    if (misses(activity, row.lower, row.upper))
      return `row ${row.name} = ${activity} is outside [${row.lower}, ${row.upper}]`;
  }
  return undefined;
}

function snapIntegers(program: Program, values: readonly number[]): number[] {
  return values.map((value, j) => (program.variables[j]?.integer === true ? Math.round(value) : value));
}
