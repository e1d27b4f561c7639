/**
 * One benchmark case: a generated scenario solved through the real pipeline
 * (buildLots → buildProgram → greedy start → backend → decode → verifyAward)
 * with one backend. Run in its own process by case-process.ts so that peak
 * memory is the case's own.
 */
import { runScenario } from '../pipeline.js';
import { cbcBackend } from '../solve/backend-cbc.js';
import { createHighsBackend, highsBackend } from '../solve/backend-highs.js';
import { jslpBackend } from '../solve/backend-jslp.js';
import type { SolverBackend } from '../solve/program.js';
import { generateScenario, instanceSizes } from './generate.js';

/**
 * Backends the bench can run: `highs` as the pipeline runs it (with the greedy
 * start), `highs-nostart` without the start, `highs-custom` with the spec's
 * extra HiGHS options (for experiments), `jslp`, and native `cbc`.
 */
export const benchBackends = ['highs', 'highs-nostart', 'highs-custom', 'jslp', 'cbc'] as const;
export type BenchBackend = (typeof benchBackends)[number];

export interface CaseSpec {
  readonly size: keyof typeof instanceSizes;
  readonly seed: number;
  readonly backend: BenchBackend;
  readonly timeLimit: number;
  /** highs-custom only: native HiGHS options. */
  readonly highsOptions?: Readonly<Record<string, number | string | boolean>>;
}

export interface CaseResult {
  readonly spec: CaseSpec;
  /** optimal | feasible | infeasible | error | bug (failed verification) */
  readonly status: string;
  readonly gap: number | null;
  readonly objective: number | null;
  readonly solveSeconds: number | null;
  /** Whole pipeline, generation excluded. */
  readonly pipelineSeconds: number;
  readonly variables: number | null;
  readonly constraints: number | null;
  readonly message: string | null;
}

/** Drops the start plan: measures what the greedy incumbent buys. */
function withoutStart(inner: SolverBackend): SolverBackend {
  return {
    name: inner.name,
    solve: (program, options) =>
      inner.solve(program, { timeLimit: options.timeLimit, relativeGap: options.relativeGap }),
  };
}

function backendFor(name: BenchBackend, spec: CaseSpec): SolverBackend {
  switch (name) {
    case 'highs':
      return highsBackend;
    case 'highs-nostart':
      return withoutStart(highsBackend);
    case 'highs-custom':
      return createHighsBackend({ options: spec.highsOptions ?? {} });
    case 'jslp':
      return jslpBackend;
    case 'cbc':
      return cbcBackend();
  }
}

export async function runCase(spec: CaseSpec): Promise<CaseResult> {
  const scenario = generateScenario(instanceSizes[spec.size], spec.seed);
  const started = performance.now();
  const outcome = await runScenario(scenario, {
    backend: backendFor(spec.backend, spec),
    timeLimit: spec.timeLimit,
    inputHash: 'bench',
    version: 'bench',
  });
  const pipelineSeconds = (performance.now() - started) / 1000;
  const none = { gap: null, objective: null, solveSeconds: null, variables: null, constraints: null };
  switch (outcome.kind) {
    case 'ok': {
      const { result } = outcome;
      return {
        spec,
        status: result.status,
        gap: result.gap,
        objective: result.objective.value,
        solveSeconds: result.run.solveSeconds,
        pipelineSeconds,
        variables: result.run.variables,
        constraints: result.run.constraints,
        message: null,
      };
    }
    case 'infeasible':
      return {
        spec,
        status: 'infeasible',
        ...none,
        pipelineSeconds,
        variables: outcome.result.run.variables,
        constraints: outcome.result.run.constraints,
        message: outcome.result.diagnosis.summary,
      };
    case 'bug':
      return {
        spec,
        status: 'bug',
        ...none,
        pipelineSeconds,
        message: outcome.violations.slice(0, 5).join('; '),
      };
    case 'bad-settings':
    case 'solver-error':
      return { spec, status: 'error', ...none, pipelineSeconds, message: outcome.message };
  }
}
