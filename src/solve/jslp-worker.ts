/**
 * Runs one javascript-lp-solver model. Loaded as a worker thread by
 * backend-jslp (from dist/solve/jslp-worker.js) so that a solve which ignores
 * its own timeout can be killed; imported directly when solving in-process.
 */

import { parentPort, workerData } from 'node:worker_threads';
import jslpModule, { type Model, type SolverAPI } from 'javascript-lp-solver';

// The package's types describe its CommonJS build, where the solver is
// `.default`; Node loads its ES module, whose default export is the solver.
const loaded = jslpModule as unknown as SolverAPI & { readonly default?: SolverAPI };
const solver: SolverAPI = loaded.default ?? loaded;

/** What the backend sends as `workerData`. */
export interface JslpJob {
  readonly kind: 'jslp-job';
  readonly model: Model;
}

/** What comes back: the solver's raw result (checked by the backend), or why it threw. */
export type JslpReply =
  | { readonly kind: 'solved'; readonly result: unknown; readonly milliseconds: number }
  | { readonly kind: 'failed'; readonly message: string };

export function solveJslpModel(model: Model): JslpReply {
  const started = performance.now();
  try {
    const result = solver.Solve(model);
    return { kind: 'solved', result, milliseconds: performance.now() - started };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

function isJslpJob(data: unknown): data is JslpJob {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'jslp-job';
}

// Only answer a job we were started for: test runners may import this module
// inside their own worker threads, whose parentPort is not ours.
if (parentPort !== null && isJslpJob(workerData)) {
  parentPort.postMessage(solveJslpModel(workerData.model));
}
