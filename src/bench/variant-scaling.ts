/**
 * How far the batch's own work scales from one thread to two on this host, to read the
 * batch's ratio against: the bundled grid's 504 variants run warm, as a batch worker runs
 * them, in one thread and then in two at once, with nothing else a batch does (no pool to
 * start, no worker warming up, no rows on the main thread, no files). Each thread first runs
 * every other variant of the grid (not timed), so that its JavaScript is optimised as a
 * batch worker's is after a while; then, started together, the threads take the grid's
 * chunks (batch-chunks.ts, as a batch hands them out) one at a time until none is left, and
 * the run lasts until the slower thread is done. Rounds alternate which run goes first and
 * the ratio is the median of each round's own (batch-rounds.ts), as the batch bench's.
 *
 * Where the batch's ratio falls short of this one, the batch's own parts cost it (the
 * workers' start and warm-up, the main thread's rows, the final files); where this one
 * falls short of the host's loops (host-scaling.ts), the variants' work itself scales worse
 * than arithmetic on two cores of this host. Measures; checks only that no variant failed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { chunkVariants } from '../compare/batch-chunks.js';
import { optimiseOnlyLastingHotCode } from '../compare/batch-jit.js';
import { scavengeForThreads } from '../compare/batch-gc.js';
import { workerYoungGenerationMb } from '../compare/batch-run.js';
import type { Variant } from '../compare/batch-file.js';
import { compileSharedHighs, type CompiledWasm } from '../solve/highs-shared.js';
import { benchVariants } from './batch-throughput.js';
import { inRoundOrder } from './batch-rounds.js';
import { timedTogether } from './host-scaling.js';
import { median } from './summary.js';
import type { VariantScalingWork } from './variant-scaling-task.js';

const taskFile = new URL('./variant-scaling-task.js', import.meta.url);
const scenarios = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scenarios');

export interface VariantScaling {
  /** Variants a second in one thread, the median of the rounds. */
  readonly oneThread: number;
  /** Variants a second in two threads at once, the median of the rounds. */
  readonly twoThreads: number;
  /** The median of the rounds' own ratios. */
  readonly ratio: number;
  /** Each round's own ratio, in the order run. */
  readonly roundRatios: readonly number[];
}

/** Milliseconds until the slower of `threads` warm threads, started together, has run every chunk. */
function timed(variants: readonly Variant[], highs: CompiledWasm, threads: number): Promise<number> {
  scavengeForThreads(threads); // as a batch of `threads` workers sets it
  const work: VariantScalingWork = {
    highs,
    scenarios,
    warmUp: variants.filter((_, i) => i % 2 === 0),
    chunks: chunkVariants(variants, threads),
    next: new SharedArrayBuffer(4),
  };
  return timedTogether(
    Array.from(
      { length: threads },
      () =>
        new Worker(taskFile, {
          workerData: work,
          resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb },
        }),
    ),
  );
}

/** @param every - take every n-th variant of the bundled grid (quicker, noisier). @defaultValue 1 */
export async function variantScaling(rounds = 6, every = 1): Promise<VariantScaling> {
  optimiseOnlyLastingHotCode(); // the batch's JIT flags, as its workers run under
  const variants = benchVariants(every);
  const highs = await compileSharedHighs({ variants: variants.length, largestModel: 0 }, 'optimised');
  const rate = (ms: number) => (variants.length / ms) * 1000;
  const measured: { one: number; two: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const { one, two } = await inRoundOrder(round, (threads) => timed(variants, highs, threads));
    measured.push({ one: rate(one), two: rate(two) });
  }
  const roundRatios = measured.map((m) => m.two / m.one);
  return {
    oneThread: median(measured.map((m) => m.one)) ?? Number.NaN,
    twoThreads: median(measured.map((m) => m.two)) ?? Number.NaN,
    ratio: median(roundRatios) ?? Number.NaN,
    roundRatios,
  };
}

export function variantScalingText(s: VariantScaling): string {
  return (
    `The batch's own work from one thread to two (the grid's variants, warm, in one thread and in two at once; no pool to start, rows or files; median of ${s.roundRatios.length} rounds, the order alternating): ` +
    `one thread ${s.oneThread.toFixed(1)} variants/s, two ${s.twoThreads.toFixed(1)}, ×${s.ratio.toFixed(3)} (rounds ${s.roundRatios.map((r) => `×${r.toFixed(2)}`).join(', ')}).`
  );
}
