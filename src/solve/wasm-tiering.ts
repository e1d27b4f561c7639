/**
 * V8 runs WebAssembly first as quickly compiled baseline code (Liftoff) and
 * recompiles the functions it finds hot with its optimising compiler
 * (TurboFan). HiGHS's hot functions are large, and on short solves the
 * recompiling costs more than the faster code saves: measured in one process
 * on the county (award and five rule-cost re-solves), 2.0-2.2 s of CPU with
 * V8's default tiering against 0.5-0.6 s on baseline code only (docs/performance.md).
 * So zonal keeps HiGHS on baseline code when the first model of the process
 * has at most `baselineCodeUpTo` variables. Above it the solves run long enough for the
 * recompiling, done on V8's background threads, to pay in wall clock: on a quiet 2-core
 * machine (docs/performance.md, session 27), the bench's L tender (2,336 variables after the
 * pre-solve reduction, reduce.ts) took 7.3-7.5 s to solve against 10.6 s on baseline code
 * (seed 1), and generated tenders of 1,823-1,854 variables 10.9-18.9 s against 16.4-31.0 s;
 * below it the gain was small or a loss: M (468-539 variables) 0.47-0.93 s against 0.22-0.35 s,
 * a 1,232-variable tender 1.4-1.6 s against 0.7-1.0 s and another 3.4 s against 3.5-4.0 s,
 * tenders of 1,476 and 1,488 variables 3.1-4.0 s against 3.0-4.6 s. On the national XL tender
 * (10,644) its root alone (`mip_max_nodes` 1, the same answer either way) took 56.9 s of CPU on
 * baseline code against 44.5 s. The flags must be set before the module is compiled, and they
 * apply to the whole process (every thread).
 * ZONAL_WASM_TIERING=v8 keeps V8's default, for measuring.
 */
import { setV8Flags } from './v8-flags.js';
import { wasmHintsMode } from './wasm-hints.js';

/** Variables of the first model up to which HiGHS stays on baseline code. */
const baselineCodeUpTo = 1_500;

/** How V8 runs HiGHS: baseline code only, or V8's own default (baseline, then optimised hot functions). */
export type WasmTiering = 'baseline' | 'v8';

/** Whether a model of this many variables solves long enough for V8's optimising compiles of HiGHS to pay. */
export function solvesLong(variables: number): boolean {
  return variables > baselineCodeUpTo;
}

/** The tiering for a process whose first model has this many variables. */
export function tieringFor(variables: number): WasmTiering {
  if (process.env['ZONAL_WASM_TIERING'] === 'v8') return 'v8';
  return solvesLong(variables) ? 'v8' : 'baseline';
}

/**
 * Baseline code is compiled by two background tasks, not one per V8 thread (up to 128): each
 * task's compiler allocates its own memory, and a first touch of a page of memory costs 10-20 µs
 * on the 2-core machine zonal is measured on. Compiling HiGHS with its hints (a `node` script):
 * 8,700-8,900 page faults and 210-310 ms of CPU with V8's default, 5,700 and 160-210 ms with
 * one task, 6,300-6,380 and 170-210 ms with two (docs/performance.md, "The county, fifth
 * round"). One task left `zonal solve` waiting for the compile at the end, when it ran alone
 * on one core: with two, the county's solve took 537-552 ms against 558-577 ms in three sets
 * of 21 alternating runs, for about 30 ms more CPU (`perf stat`), and a batch of 12 variants
 * 809 against 818 ms (docs/performance.md, session 23).
 */
const baselineFlags = [
  '--liftoff', // an optimised compile earlier in the process (optimisedCompileFlags) leaves it off
  '--liftoff-only',
  '--no-wasm-tier-up',
  '--no-wasm-dynamic-tiering',
  '--wasm-num-compilation-tasks=2',
];
/** V8's default: one compile task per V8 thread, up to 128. Set again wherever it matters, as a baseline setting earlier in the process leaves 2. */
const defaultCompilationTasks = '--wasm-num-compilation-tasks=128';
const v8Flags = ['--no-liftoff-only', '--wasm-tier-up', '--wasm-dynamic-tiering', defaultCompilationTasks];

let current: WasmTiering = 'v8';

/**
 * Set how the next WebAssembly compile runs. Switching back to V8's default
 * works too, which lets a wrong guess be corrected by compiling again: the
 * compile after the first in a process is made with V8's module cache off
 * (highs-shared.ts `compileHighsWasm`), else V8 hands back the first compile's code.
 */
export function useWasmTiering(tiering: WasmTiering): void {
  if (tiering === current) return;
  current = tiering;
  // Set one by one: --liftoff-only alone, set at run time, does not switch off the tiering it implies.
  setV8Flags(tiering === 'baseline' ? baselineFlags : v8Flags);
}

/**
 * V8 compiles each WebAssembly function on its first call by default (lazy
 * compilation), on the calling thread: HiGHS's first solve of the county
 * spent about 125 ms of its 185 ms compiling. Compiling the whole module
 * when it loads puts that work on V8's background threads instead (first
 * solve 185 → 60 ms; the process about 80 ms more CPU). Worth it only where
 * the compile starts early enough to overlap other work (`zonal solve`'s
 * warm-up); it applies to every later compile in the process. With a hint list
 * (wasm-hints.ts), "the whole module" is the functions a county calls; V8
 * reads the hints only with its flag, set here with the other (so the flags,
 * which name the code cache files, do not depend on the list being there).
 */
export function compileWasmEagerly(): void {
  const mode = wasmHintsMode();
  if (mode === 'record') return;
  setV8Flags(mode === 'use' ? hintedCompileFlags : ['--no-wasm-lazy-compilation']);
}

/**
 * Compile up front what the hint list marks, the rest on first call (the hints' section is
 * read only with its flag). The rest is also validated on first call, as V8 does for
 * lazily compiled functions from version 12: V8 11 (Node 20) validates every function of
 * the module before the compile ends, 7,500 of HiGHS's 8,648 that a county never calls.
 * Compiling HiGHS with its hints on baseline code, one task: 155-165 ms of CPU against
 * 225-230 ms (docs/performance.md, "The county, sixth round"). The module is highs.wasm
 * of the highs package, as installed by `npm ci` from package-lock.json.
 */
const hintedCompileFlags = [
  '--no-wasm-lazy-compilation',
  '--experimental-wasm-compilation-hints',
  '--wasm-lazy-validation',
];

/**
 * The flags of the batch's optimised compile (highs-shared.ts): optimised code only, compiled by
 * V8's default number of tasks, whatever an earlier baseline setting in the process left
 * (`useWasmTiering`: two tasks, baseline code only), and with the hints' flags when the
 * compile reads the hint list.
 */
export function optimisedCompileFlags(hinted: boolean): readonly string[] {
  return [
    '--no-liftoff-only',
    '--no-liftoff',
    defaultCompilationTasks,
    ...(hinted ? hintedCompileFlags : []),
  ];
}
