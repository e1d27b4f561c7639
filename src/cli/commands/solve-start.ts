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
import { optimiseOnlyLastingHotCode } from '../../compare/batch-jit.js';

export interface SolveStart {
  readonly backend: SolverBackend;
  readonly renderer: RenderThread;
}

/** Throws CliExit for an unknown or missing solver, before anything has started. */
export function startSolve(solver: string): SolveStart {
  const backend = backendByName(solver);
  // A county's run lasts about a second: V8's optimising compiles of its JavaScript cost more than
  // they save there (110-130 ms less CPU in all with the batch's setting, mostly on V8's threads:
  // docs/performance.md, "The county, fifth round"), while code that stays hot in a long run is still optimised.
  optimiseOnlyLastingHotCode();
  backend.warmUp?.();
  return { backend, renderer: startRenderThread() };
}
