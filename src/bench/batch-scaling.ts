/**
 * `npm run bench:batch-scaling [-- --copies 1,4 --pairs 4]`: how the ratio from one
 * worker to two depends on the batch's size. The bundled Hertfordshire grid (504
 * variants) is run whole, and repeated `k` times for each `k` of `--copies`; each copy
 * after the first has its demand scaled by 1.001, 1.002, … so that no model repeats
 * across copies (a worker's solve memo would otherwise answer the copies). Each pair is
 * a run with one worker and one with two, back to back (their order alternating, as the
 * batch bench's rounds), after the batch bench's warm-up; each line says
 * how much CPU other processes took while it ran, so a pair disturbed by them can be
 * told; at the end, how far the host itself scales from one thread to two then
 * (host-scaling.ts). Measures; checks only that no variant failed.
 *
 * A worker's own start and JIT warm-up are paid once per worker whatever the batch's
 * size (docs/performance.md, "session 11"), so the ratio should grow with the batch.
 */
import type { Variant } from '../compare/batch-file.js';
import { inRoundOrder } from './batch-rounds.js';
import { benchVariants, timedBatch, type BatchRun } from './batch-throughput.js';
import { repeatedGrid } from './grid-copies.js';
import { machineBusySeconds } from './machine-cpu.js';
import { median } from './summary.js';
import { checkBenchFlags, flagValue } from './bench-flag.js';
import { hostScaling, hostScalingText } from './host-scaling.js';

/** The whole numbers of a flag such as `--copies 1,4`, or null when one is not a whole number from 1. */
function wholeNumbers(text: string): number[] | null {
  const list = text.split(',').map(Number);
  return list.some((n) => !Number.isInteger(n) || n < 1) ? null : list;
}

interface Timed {
  readonly run: BatchRun;
  /** CPU seconds other processes took while the run was timed. */
  readonly others: number;
}

async function timedAmongOthers(variants: readonly Variant[], workers: number): Promise<Timed> {
  const busy = machineBusySeconds();
  const own = process.cpuUsage();
  const run = await timedBatch(variants, workers);
  const used = process.cpuUsage(own);
  return { run, others: Math.max(0, machineBusySeconds() - busy - (used.user + used.system) / 1e6) };
}

const rate = (t: Timed): string =>
  `${t.run.variantsPerSecond.toFixed(1)}/s (${t.run.cpuPerVariantMs.toFixed(1)} ms CPU a variant, others ${t.others.toFixed(1)} s)`;

const usage = 'npm run bench:batch-scaling [-- --copies 1,4 --pairs 4]';

async function main(argv: readonly string[]): Promise<void> {
  checkBenchFlags(argv, usage);
  const copies = wholeNumbers(flagValue(argv, '--copies') ?? '1,4');
  const pairsGiven = wholeNumbers(flagValue(argv, '--pairs') ?? '4');
  const pairs = pairsGiven?.length === 1 ? pairsGiven[0] : undefined;
  if (copies === null || pairs === undefined) {
    console.error(
      'bench:batch-scaling: --copies takes whole numbers from 1, such as 1,4; --pairs one, such as 4',
    );
    process.exitCode = 2;
    return;
  }
  const grid = benchVariants(1);
  await timedBatch(benchVariants(16), 1); // the batch bench's warm-up: HiGHS's optimised compile, once per process
  for (const k of copies) {
    const variants = repeatedGrid(grid, k);
    const ratios: number[] = [];
    for (let pair = 1; pair <= pairs; pair++) {
      const { one, two } = await inRoundOrder(pair - 1, (workers) => timedAmongOthers(variants, workers));
      const ratio = two.run.variantsPerSecond / one.run.variantsPerSecond;
      ratios.push(ratio);
      console.log(
        `${variants.length} variants, pair ${pair}: one worker ${rate(one)}, two ${rate(two)}: ×${ratio.toFixed(3)}`,
      );
    }
    console.log(`${variants.length} variants: median ×${median(ratios)?.toFixed(3)} of ${pairs} pairs`);
  }
  console.log(hostScalingText(await hostScaling()));
}

await main(process.argv.slice(2));
