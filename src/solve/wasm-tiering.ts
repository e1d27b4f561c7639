/**
 * V8 runs WebAssembly first as quickly compiled baseline code (Liftoff) and
 * recompiles the functions it finds hot with its optimising compiler
 * (TurboFan). HiGHS's hot functions are large, and on zonal's models the
 * recompiling costs more than the faster code saves: measured in one process
 * on the county (award and five rule-cost re-solves), 2.0-2.2 s of CPU with
 * V8's default tiering against 0.5-0.6 s on baseline code only, and on the
 * bench's L tender 9.1 s against 6.9 s of case CPU (docs/performance.md).
 * So zonal keeps HiGHS on baseline code when the first model of the process
 * has at most `baselineCodeUpTo` variables (the L tender has 6,815); on the
 * national XL tender (44,179), which runs to its time limit, that was not
 * shown to pay, so it keeps V8's default. The flags must be set before the
 * module is compiled, and they apply to the whole process (every thread).
 * ZONAL_WASM_TIERING=v8 keeps V8's default, for measuring.
 */
import { setV8FlagsOnce } from './v8-flags.js';

/** Variables of the first model up to which HiGHS stays on baseline code. */
export const baselineCodeUpTo = 20_000;

export function keepWasmOnBaselineCode(): void {
  // One by one: --liftoff-only alone, set at run time, does not switch off the tiering it implies.
  setV8FlagsOnce('wasm-baseline', { name: 'ZONAL_WASM_TIERING', keepDefault: 'v8' }, [
    '--liftoff-only',
    '--no-wasm-tier-up',
    '--no-wasm-dynamic-tiering',
  ]);
}
