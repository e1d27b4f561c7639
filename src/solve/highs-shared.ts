/**
 * One compile of HiGHS's WebAssembly for a pool of worker threads (`zonal batch`),
 * on optimised code for a batch of hundreds of variants or of tenders that solve for
 * seconds, else on baseline code.
 *
 * A one-shot run of a county keeps HiGHS on V8's baseline code (wasm-tiering.ts): there,
 * compiling with the optimising compiler (TurboFan) costs more than it saves.
 * A large batch is the other case: on the county grid, HiGHS on optimised
 * code took 15 ms of CPU a solve against 22 ms on baseline code, and the
 * whole sequential grid 20.1-20.3 s against 23.2-23.8 s of CPU, compiling
 * included (docs/performance.md, "Batch"). Either way the module is compiled
 * once here and handed to every worker: the workers instantiate the same
 * compiled module, so V8 compiles each function once for the whole pool, not
 * once per worker.
 *
 * The flags apply to the whole process: call this only in a process whose own
 * thread runs no HiGHS (the batch's main thread only hands variants to
 * workers). ZONAL_WASM_TIERING=baseline keeps a large batch on baseline code,
 * for measuring.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setV8Flags, setV8FlagsOnce } from './v8-flags.js';
import { compileWasmEagerly, optimisedCompileFlags, solvesLong, useWasmTiering } from './wasm-tiering.js';
import { readHighsHints, readWithCompilationHints, wasmHintsMode } from './wasm-hints.js';

/**
 * A compiled WebAssembly module, opaque here: TypeScript's libraries declare
 * WebAssembly only with the DOM's, which zonal does not load.
 */
export type CompiledWasm = object & { readonly compiledWasmModule?: never };

interface WasmGlobal {
  compile(bytes: Uint8Array): Promise<CompiledWasm>;
  instantiate(module: CompiledWasm, imports: object): Promise<object>;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;

let compiled: Promise<CompiledWasm> | null = null;
let compiledBaseline: Promise<CompiledWasm> | null = null;

/**
 * Variants from which a batch of county-sized tenders shares one optimised compile of HiGHS;
 * below it they share one compile on baseline code. The
 * optimised compile costs about 2 s of CPU once, and saves about 4-5 ms of CPU a
 * variant. A new `zonal batch` process, both ways in turn (docs/performance.md,
 * "a batch's size decides how HiGHS is compiled"): 24 variants 2.55 s against 1.4 s
 * on baseline code, 126 variants 4.5-4.6 s against 3.5-3.9 s, the bundled 504 about
 * even, 1,512 variants 16.0-16.4 s against 17.5-19.3 s.
 */
export const optimisedFromVariants = 500;

/** How a batch's workers run HiGHS: decided by the batch's size, or optimised whatever the size (the bench's warm-up). */
export type PooledHighs = 'by-size' | 'optimised';

/** A batch's size, as it decides how HiGHS is compiled for it. */
export interface BatchSize {
  readonly variants: number;
  /** Variables of the award model of its largest base, as written (0 when not known). */
  readonly largestModel: number;
}

/**
 * Whether a batch shares the optimised compile: one of `optimisedFromVariants` variants or more,
 * or one whose largest base solves long enough that `zonal solve` would run it on V8's
 * optimising compiler (wasm-tiering.ts `solvesLong`), whatever its number of variants: the
 * bench's L as the base of four variants took 10.0-13.6 s with two workers against 12.6-15.3 s
 * on baseline code (docs/performance.md, session 28). ZONAL_WASM_TIERING=baseline: never, for measuring.
 */
export function sharesOptimisedHighs(size: BatchSize, pooled: PooledHighs = 'by-size'): boolean {
  if (process.env['ZONAL_WASM_TIERING'] === 'baseline') return false;
  return pooled === 'optimised' || size.variants >= optimisedFromVariants || solvesLong(size.largestModel);
}

/**
 * HiGHS compiled once for the worker threads of a batch, once per process (each function's
 * code stays with the module for the next pool): optimised code for a batch that repays it
 * (`sharesOptimisedHighs`), baseline code for others. The compile starts
 * (and its V8 flags are set) before this returns, so the pool's threads start while V8
 * compiles on its background threads; each worker instantiates the one module.
 *
 * The functions a county calls (the build's hint list, wasm-hints.ts) are
 * compiled at once, side by side on V8's background threads; any other on its
 * first call. Compiled only on first call, every function was compiled on a worker's
 * own thread as a variant waited for it (both workers at once, for the same
 * functions): a user's `zonal batch` of the bundled grid wrote its first row after
 * 3.0-5.5 s and took 14.1-14.7 s of CPU, against 12.8-13.3 s compiled up front
 * (docs/performance.md, "what a second worker costs is its start"), and a small batch's
 * workers each compiled HiGHS on their own thread, a county's functions as the first
 * variant called them. The code is the same either way. Without a hint list the module
 * is compiled lazily: compiling all of it up front would compile its 8,648 functions.
 */
export function compileSharedHighs(size: BatchSize, pooled: PooledHighs = 'by-size'): Promise<CompiledWasm> {
  if (sharesOptimisedHighs(size, pooled)) {
    compiled ??= compileOptimisedHighs();
    return compiled;
  }
  compiledBaseline ??= compileHighsWasm(true, (withHints) => {
    useWasmTiering('baseline');
    if (withHints) compileWasmEagerly();
  });
  return compiledBaseline;
}

function compileOptimisedHighs(): Promise<CompiledWasm> {
  return compileHighsWasm(true, (hinted) =>
    setV8FlagsOnce(
      'wasm-optimised',
      { name: 'ZONAL_WASM_TIERING', keepDefault: 'baseline' },
      optimisedCompileFlags(hinted),
    ),
  );
}

let runtimeFile: string | null = null;

/**
 * highs.wasm, where Node finds the highs package's `highs/runtime` from here: resolved once a
 * process, as a county's solve needs it twice (to compile it, and to find HiGHS's version for
 * result.json), and each resolve took 1.6-7.5 ms (docs/performance.md, session 25).
 */
export function highsRuntimeFile(): string {
  runtimeFile ??= createRequire(import.meta.url).resolve('highs/runtime');
  return runtimeFile;
}

/** Whether this process has started a compile of highs.wasm (compileHighsWasm). */
let compiledBefore = false;

/**
 * V8 keeps a compiled module by its bytes and hands it back when the same bytes are compiled
 * again (its native module cache), whatever flags the second compile runs under. A second
 * compile of highs.wasm in a process is always under other flags (a first model too large for
 * `zonal solve`'s guess of baseline code, wasm-tiering.ts; a batch's optimised compile after a
 * baseline one), so it must not be handed the first one's code: with the cache, the bench's L
 * tender solved by `zonal solve` in 8.3-11.5 s, on the baseline code compiled first (the
 * process's CPU no more than its wall clock: no optimising compile), against 6.9-8.9 s with it
 * off for the second compile (docs/performance.md, session 27).
 */
const noModuleCache = '--no-wasm-native-module-cache-enabled';

/**
 * highs.wasm read on the calling thread and compiled off it (V8 compiles on its
 * background threads), under the V8 flags set when the file has been read (the
 * compile starts then, before this returns; async only so that a file that cannot
 * be read rejects the promise, as a failed compile does).
 * Emscripten's own loader reads the file synchronously and copies it (getWasmBinary).
 * `hinted`: with the build's compilation hints (wasm-hints.ts), when there are any.
 * `beforeCompile` is told, just before the compile starts, whether the hints are in.
 */
export async function compileHighsWasm(
  hinted = false,
  beforeCompile: (withHints: boolean) => void = () => undefined,
): Promise<CompiledWasm> {
  const file = highsRuntimeFile();
  const hints = hinted && wasmHintsMode() === 'use' ? readHighsHints() : null;
  const withHints = hints === null ? null : readWithCompilationHints(file, hints);
  beforeCompile(withHints !== null);
  if (compiledBefore) setV8Flags([noModuleCache]);
  compiledBefore = true;
  return wasm.compile(withHints ?? readFileSync(file));
}

/** Loader options that make Emscripten instantiate the HiGHS runtime from `module` instead of compiling highs.wasm. */
export function instantiatingFrom(module: CompiledWasm) {
  return {
    instantiateWasm(imports: object, done: (instance: object) => void) {
      void wasm.instantiate(module, imports).then(done);
      return {};
    },
  };
}
