/**
 * What `zonal solve` starts before its own code loads (main.ts calls this
 * first): the solver's warm-up (HiGHS: V8 compiles its WebAssembly on
 * background threads) and the report thread (render-thread.ts), which loads
 * the chart and workbook libraries on the other core. Both then run while
 * the command's modules compile and the scenario is read.
 */
import { startRenderThread, type RenderThread } from '../../report/render-thread.js';
import { reportYoungGenerationMb } from '../../report/early-render-thread.js';
import type { SolverBackend } from '../../solve/program.js';
import { setV8Flags } from '../../solve/v8-flags.js';
import { backendByName } from '../backends.js';
import { optimiseOnlyLastingHotCode } from '../../compare/batch-jit.js';
import { scavengeForThreads } from '../../compare/batch-gc.js';

export interface SolveStart {
  readonly backend: SolverBackend;
  readonly renderer: RenderThread;
}

/**
 * V8 doubles a thread's young generation (up to 16 MB a half) when much of it survives a
 * collection, and each new page of it costs a page fault when first touched (10-20 µs on the
 * 2-core machine zonal is measured on). Loading the command line leaves it small; a county's
 * solve then makes little that lives, so from here on its young generation keeps its size (V8
 * reads the factor each time it would grow it): on a build with the report thread started early
 * and the bundle read as Latin-1, a county's solve took 541.0 → 522.7 ms and touched 19,936 →
 * 18,566 pages (21 alternating runs, docs/performance.md, session 24). Only for a small
 * scenario: a national one keeps much of what it makes.
 */
const keepYoungGenerationSize = '--semi-space-growth-factor=1';

/**
 * The threads of a small solve that run JavaScript at once: this one and the report thread
 * (HiGHS compiles on V8's own). On two cores they take both, so each scavenges on its own
 * thread rather than wait for parallel tasks to find a free core (compare/batch-gc.ts).
 */
const solveThreads = 2;

/** Throws CliExit for an unknown or missing solver, before anything has started. */
export function startSolve(solver: string, scenario: string): SolveStart {
  const backend = backendByName(solver);
  // A county's run lasts about a second: V8's optimising compiles of its JavaScript cost more than
  // they save there (110-130 ms less CPU in all with the batch's setting, mostly on V8's threads:
  // docs/performance.md, "The county, fifth round"), while code that stays hot in a long run is still optimised.
  optimiseOnlyLastingHotCode();
  const youngGenerationMb = reportYoungGenerationMb(scenario);
  const small = youngGenerationMb !== undefined;
  if (small) scavengeForThreads(solveThreads);
  // The thread first: the warm-up reads highs.wasm on this thread (about 20 ms) before its compile starts.
  const renderer = startRenderThread(
    undefined,
    youngGenerationMb === undefined ? {} : { youngGenerationMb },
    scenario,
  );
  backend.warmUp?.();
  if (small) setV8Flags([keepYoungGenerationSize]);
  return { backend, renderer };
}
