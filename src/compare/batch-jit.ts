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
 * Raised again to 2,400,000 once the solve memo (solve/solve-memo.ts) had
 * taken half the solves away, so that JavaScript is a larger share of a
 * variant: over the grid in one thread (with the inlining limit below), about
 * 130 optimising compiles against 300 at 600,000 and 210 at 1,200,000, and
 * 17.6-19.6 ms of CPU per variant against 18.4-20.5 ms and 17.7-20.0 ms
 * (alternating, load 5-10).
 *
 * An optimising compile of this code also inlined deeply: V8 spent 2.6-4.1 s
 * on its background threads compiling about 330 functions over the grid
 * (some, such as the verifier's `expectedLots`, 0.1-0.26 s each). With at
 * most 100 bytes of bytecode inlined into one optimised function (V8's default is 920) the
 * same compiles took 1.5-1.9 s and a variant no more CPU in steady state
 * (16.6-17.6 ms against 17.2-19.2 ms, one thread, alternating, load 6-9).
 *
 * The flags apply to the whole process and are set before the workers
 * start; the batch's own thread only hands variants out and writes rows.
 * `zonal solve` sets them too, as it starts (all its threads, the report's
 * included): its run is too short for most optimising compiles to pay
 * (cli/commands/solve-start.ts). ZONAL_BATCH_JIT=v8 keeps V8's default, for
 * measuring, in both.
 */
import { setV8FlagsOnce } from '../solve/v8-flags.js';

export function optimiseOnlyLastingHotCode(): void {
  setV8FlagsOnce('batch-jit', { name: 'ZONAL_BATCH_JIT', keepDefault: 'v8' }, [
    '--interrupt-budget=2400000',
    '--max-inlined-bytecode-size-cumulative=100',
  ]);
}
