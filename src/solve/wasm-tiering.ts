/**
 * V8 runs WebAssembly first as quickly compiled baseline code (Liftoff) and
 * recompiles the functions it finds hot with its optimising compiler
 * (TurboFan). HiGHS's hot functions are large, and on zonal's models the
 * recompiling costs more than the faster code saves: measured in one process
 * on the county (award and five rule-cost re-solves), 2.0-2.2 s of CPU with
 * V8's default tiering against 0.5-0.6 s on baseline code only, and on the
 * bench's L tender 9.1 s against 6.9 s of case CPU (docs/performance.md).
 * So zonal keeps HiGHS on baseline code when the first model of the process
 * has at most `baselineCodeUpTo` variables: the L tender has 2,336 after the
 * pre-solve reduction (reduce.ts; case CPU 8.8 / 9.5 s on baseline code against
 * 10.2 / 10.0 s with V8's default). On the national XL tender (10,644 after
 * the reduction) V8's default pays: its root alone (`mip_max_nodes` 1, the same
 * answer either way) took 56.9 s of CPU on baseline code against 44.5 s. The flags must be set before the
 * module is compiled, and they apply to the whole process (every thread).
 * ZONAL_WASM_TIERING=v8 keeps V8's default, for measuring.
 */
import v8 from 'node:v8';

/** Variables of the first model up to which HiGHS stays on baseline code. */
export const baselineCodeUpTo = 5_000;

let settled = false;

export function keepWasmOnBaselineCode(): void {
  if (settled) return;
  settled = true;
  if (process.env['ZONAL_WASM_TIERING'] === 'v8') return;
  // Set one by one: --liftoff-only alone, set at run time, does not switch off the tiering it implies.
  v8.setFlagsFromString('--liftoff-only');
  v8.setFlagsFromString('--no-wasm-tier-up');
  v8.setFlagsFromString('--no-wasm-dynamic-tiering');
}
