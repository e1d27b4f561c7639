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
import { scenarioWithin } from '../../io/folder-size.js';
import { optimiseOnlyLastingHotCode } from '../../compare/batch-jit.js';

export interface SolveStart {
  readonly backend: SolverBackend;
  readonly renderer: RenderThread;
}

/**
 * Scenarios whose files (subfolders too) add up to at most this many bytes (the bundled county's: 64 kB)
 * have their report drawn with a 2 MB young generation: a county's report took about
 * 0.1 s less CPU so, and a national one (35,000 areas, 4.2 MB) 1-2 s more
 * (docs/performance.md, "The county, fifth round").
 */
const smallScenarioBytes = 1_000_000;

/** Throws CliExit for an unknown or missing solver, before anything has started. */
export function startSolve(solver: string, scenario: string): SolveStart {
  const backend = backendByName(solver);
  // A county's run lasts about a second: V8's optimising compiles of its JavaScript cost more than
  // they save there (110-130 ms less CPU in all with the batch's setting, mostly on V8's threads:
  // docs/performance.md, "The county, fifth round"), while code that stays hot in a long run is still optimised.
  optimiseOnlyLastingHotCode();
  // The thread first: the warm-up reads highs.wasm on this thread (about 20 ms) before its compile starts.
  const small = scenarioWithin(scenario, smallScenarioBytes);
  const renderer = startRenderThread(undefined, small ? { youngGenerationMb: 2 } : {});
  backend.warmUp?.();
  return { backend, renderer };
}
