/**
 * Where workbench solves run. `solverThread` keeps one worker thread warm
 * (scenario read once, HiGHS's WASM loaded once) so the server's event loop
 * stays free while a solve runs; `inProcessSolver` runs in the caller's
 * thread (API tests, which run from the TypeScript sources).
 */
import { Worker } from 'node:worker_threads';
import { highsBackend } from '../solve/backend-highs.js';
import type { Scenario } from '../model/types.js';
import { answerSolve, type SolveAnswer } from './solve-answer.js';

export interface Solver {
  solve(body: unknown): Promise<SolveAnswer>;
  close(): Promise<void>;
  /** Resolves when the solver has warmed up (at once for one that needs none). */
  readonly warmed: Promise<void>;
}

export interface SolverSettings {
  readonly inputHash: string;
  readonly version: string;
  /** Seconds per solve. */
  readonly timeLimit: number;
}

export function inProcessSolver(scenario: Scenario, settings: SolverSettings): Solver {
  return {
    solve: (body) => answerSolve({ scenario, backend: highsBackend, ...settings }, body),
    close: async () => undefined,
    warmed: Promise.resolve(),
  };
}

/** What the worker is started with (solve-worker.ts). */
export interface WorkerSetup extends SolverSettings {
  /** Absolute path of the scenario folder. */
  readonly dir: string;
}

export type WorkerReply =
  | { readonly kind: 'answer'; readonly id: number; readonly answer: SolveAnswer }
  | { readonly kind: 'warm' };

export function solverThread(setup: WorkerSetup): Solver {
  let worker: Worker | null = null;
  let nextId = 0;
  let warm: () => void = () => undefined;
  const warmed = new Promise<void>((resolve) => (warm = resolve));
  const pending = new Map<number, (answer: SolveAnswer) => void>();
  const failAll = (error: string) => {
    warm();
    for (const settle of pending.values()) settle({ kind: 'failed', error });
    pending.clear();
    worker = null;
  };
  const start = (): Worker => {
    const w = new Worker(new URL('./solve-worker.js', import.meta.url), { workerData: setup });
    w.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'warm') return warm();
      pending.get(reply.id)?.(reply.answer);
      pending.delete(reply.id);
    });
    w.on('error', (e) => failAll(`the solver thread stopped: ${e.message}`));
    w.on('exit', (code) => failAll(`the solver thread exited (code ${code})`));
    return w;
  };
  // Start at once, so the thread warms up while the page loads.
  worker = start();
  return {
    warmed,
    solve(body) {
      worker ??= start();
      const id = nextId++;
      const answer = new Promise<SolveAnswer>((settle) => pending.set(id, settle));
      worker.postMessage({ id, body });
      return answer;
    },
    async close() {
      const w = worker;
      worker = null;
      if (w !== null) {
        w.removeAllListeners('exit');
        await w.terminate();
      }
    },
  };
}
