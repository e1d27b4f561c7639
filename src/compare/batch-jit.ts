/**
 * V8 optimises a JavaScript function once it has run long enough (its
 * "interrupt budget"). A batch worker runs each variant's JavaScript (lots,
 * program, greedy start, scoring, verification) for a few milliseconds, and
 * with the default budget V8 kept optimising, de-optimising on the next
 * variant's objects and re-optimising it on its background threads: 1,566
 * optimising compiles for the 504 variants of the bench grid. Those threads
 * took about a third of a core beside one worker, so a second worker found
 * less than a core free. A budget of 600,000 (V8's default is 132 KB of
 * bytecode run) optimises only what stays hot: on the full grid with two
 * workers, 43.8 and 45.1 variants/s against 38.8 and 38.3, background
 * threads 2.3 s against 5.8 s (docs/performance.md, "Batch"). `--no-opt`
 * (no optimising at all) was slower.
 *
 * The flag applies to the whole process and is set before the workers
 * start; the batch's own thread only hands variants out and writes rows.
 * ZONAL_BATCH_JIT=v8 keeps V8's default, for measuring.
 */
import { setV8FlagsOnce } from '../solve/v8-flags.js';

export function optimiseOnlyLastingHotCode(): void {
  setV8FlagsOnce('batch-jit', { name: 'ZONAL_BATCH_JIT', keepDefault: 'v8' }, ['--interrupt-budget=600000']);
}
