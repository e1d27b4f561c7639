/**
 * What `zonal solve` starts before its own code loads (main.ts calls this
 * first): the solver's warm-up (HiGHS: V8 compiles its WebAssembly on
 * background threads) and the report thread (render-thread.ts), which loads
 * the chart and workbook libraries on the other core. Both then run while
 * the command's modules compile and the scenario is read.
 */
import { startRenderThread, type RenderThread } from '../../report/render-thread.js';
import type { SolverBackend } from '../../solve/program.js';
import { backendByName } from '../backends.js';

export interface SolveStart {
  readonly backend: SolverBackend;
  readonly renderer: RenderThread;
}

/** Throws CliExit for an unknown or missing solver, before anything has started. */
export function startSolve(solver: string): SolveStart {
  const backend = backendByName(solver);
  backend.warmUp?.();
  return { backend, renderer: startRenderThread() };
}
