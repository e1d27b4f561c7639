/**
 * One workbench solve, as data: a request body → the result (result.json's
 * shape, infeasible included), or a message saying why there is none. Used
 * alike by the solver thread and by the in-process solver the API tests use.
 */
import type { Scenario } from '../model/types.js';
import { describeFailure, runScenario, type RunOutcome } from '../pipeline.js';
import type { SolverBackend } from '../solve/program.js';
import { bodyProblem, requestScenario, solveBodySchema } from './solve-request.js';

/** What a run gives when it gives a result: an award, or (no award possible) its status and diagnosis. */
type AnsweredResult = Extract<RunOutcome, { readonly result: unknown }>['result'];

export type SolveAnswer =
  | { readonly kind: 'result'; readonly result: AnsweredResult }
  /** The request itself is wrong (HTTP 400). */
  | { readonly kind: 'bad-request'; readonly error: string }
  /** The solver or the verifier failed (HTTP 500). */
  | { readonly kind: 'failed'; readonly error: string };

export interface SolveContext {
  readonly scenario: Scenario;
  readonly backend: SolverBackend;
  readonly inputHash: string;
  readonly version: string;
  /** Seconds. */
  readonly timeLimit: number;
}

export async function answerSolve(context: SolveContext, body: unknown): Promise<SolveAnswer> {
  const parsed = solveBodySchema.safeParse(body);
  if (!parsed.success) return { kind: 'bad-request', error: bodyProblem(parsed.error, solveBodySchema) };
  const scenario = requestScenario(context.scenario, parsed.data);
  if (typeof scenario === 'string') return { kind: 'bad-request', error: scenario };
  // Rule costs re-solve once per rule: too slow for an edit that should answer at once.
  const outcome = await runScenario(scenario, {
    backend: context.backend,
    timeLimit: context.timeLimit,
    inputHash: context.inputHash,
    version: context.version,
    ruleCosts: false,
  });
  switch (outcome.kind) {
    case 'bad-settings':
      return { kind: 'bad-request', error: outcome.message };
    case 'solver-error':
    case 'bug':
      return { kind: 'failed', error: describeFailure(outcome) };
    default:
      // An award, or a result saying no award is possible (with its diagnosis): the page shows either.
      return { kind: 'result', result: outcome.result };
  }
}
