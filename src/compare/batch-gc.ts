/**
 * How a batch's worker threads, and a small solve's main and report threads, collect
 * their young generation (V8's scavenge, the short pauses that free short-lived objects).
 *
 * V8 runs each scavenge as parallel tasks on its background threads, and the
 * worker waits for all of them. With a core free beside the worker that shortens
 * the pause; with as many workers as cores there is no free core, so the tasks
 * queue behind the other worker and the pause stretches. Over a quarter of the
 * bench grid (`--trace-gc`, one process, the machine loaded by other work), the
 * two workers' scavenges paused them 869 ms in all against 135 ms for one worker
 * over the same variants; one task each (`--no-parallel-scavenge`), 281 against
 * 164 ms. On the quiet machine, the bench's grid in one process, the two settings
 * in turn (docs/performance.md, "Batch"): two workers 150.6 variants/s on their own
 * threads against 145.0 in parallel (medians of 8 pairs, every pair won), one worker
 * 88.7 against 90.7 (6 pairs, parallel won each; an earlier 4 pairs in a slower spell gave
 * 86.8 against 84.5, so one worker's difference is within the host's swings). So when the
 * workers take every core, each scavenges on its own thread; with a core to spare, V8's
 * default stays, its parallel tasks having a free core to run on.
 *
 * A county's `zonal solve` has its main thread and its report thread running JavaScript
 * while HiGHS compiles on V8's threads, so on two cores its scavenges waited for their
 * parallel tasks too: with each on its own thread, four sets of alternating runs took
 * 609.7 → 573.3, 584.9 → 572.0, 520.5 → 504.3 and 523.0 → 511.0 ms (25, 31, 31 and 31
 * runs; docs/performance.md, session 26). cli/commands/solve-start.ts sets it for a small
 * scenario.
 *
 * The flag is process-wide and V8 reads it at each scavenge, so it is set for every
 * batch (the bench runs one worker, then two, in one process). Unlike most flags it
 * leaves V8's flag hash alone, so code caches are taken as before.
 * ZONAL_BATCH_GC=v8 keeps V8's default, for measuring (a solve's too).
 */
import os from 'node:os';
import { setV8Flags } from '../solve/v8-flags.js';

/** The scavenge flag for `threads` threads running JavaScript on `cores` cores: parallel only with a core to spare. */
export function scavengeFlag(threads: number, cores: number): string {
  return threads >= cores ? '--no-parallel-scavenge' : '--parallel-scavenge';
}

/** @param threads - the threads that run JavaScript at once (a batch's workers; a solve's main and report threads) */
export function scavengeForThreads(threads: number): void {
  if (process.env['ZONAL_BATCH_GC'] === 'v8') return;
  setV8Flags([scavengeFlag(threads, os.availableParallelism())]);
}
