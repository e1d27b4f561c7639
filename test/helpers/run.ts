/**
 * Run the whole pipeline on an in-memory scenario, as the CLI would.
 */
import { runScenario, type RunOutcome } from '../../src/pipeline.js';
import type { InfeasibleResult, Result } from '../../src/model/result.js';
import type { Scenario } from '../../src/model/types.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import type { AwardToVerify } from '../../src/verify/verify.js';
import type { Program, SolveOptions, SolverBackend } from '../../src/solve/program.js';

export function run(
  scenario: Scenario,
  backend: SolverBackend = highsBackend,
  zoning?: string,
): Promise<RunOutcome> {
  return runScenario(scenario, {
    backend,
    timeLimit: 30,
    inputHash: 'test',
    version: 'test',
    ...(zoning === undefined ? {} : { zoning }),
  });
}

/** HiGHS, telling `watch` of every program it is given, and with what options, before it solves it. */
export const watchedHighs = (watch: (program: Program, options: SolveOptions) => unknown): SolverBackend => ({
  name: highsBackend.name,
  solve: (program, options) => {
    watch(program, options);
    return highsBackend.solve(program, options);
  },
});

/** The pipeline's result; fails the test with the reason when there is none. */
export async function solved(
  scenario: Scenario,
  backend: SolverBackend = highsBackend,
  zoning?: string,
): Promise<Result> {
  const outcome = await run(scenario, backend, zoning);
  if (outcome.kind !== 'ok') throw new Error(`run failed: ${JSON.stringify(outcome)}`);
  return outcome.result;
}

/** The award, or the diagnosis when no award is possible; fails the test on any other outcome. */
export async function awardOrDiagnosis(
  scenario: Scenario,
  backend: SolverBackend = highsBackend,
): Promise<Result | InfeasibleResult> {
  const outcome = await run(scenario, backend);
  if (outcome.kind !== 'ok' && outcome.kind !== 'infeasible')
    throw new Error(`run failed: ${JSON.stringify(outcome)}`);
  return outcome.result;
}

/** Relative closeness used by every float comparison of the tests. */
export function close(a: number, b: number, rel = 1e-6): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A result as the independent verifier reads it. */
export const awardToVerify = (r: Result): AwardToVerify => ({
  zoning: r.zoning,
  lots: r.lots,
  allocations: r.allocations,
  objective: r.objective,
  annualCost: r.totals.annualCost,
});
