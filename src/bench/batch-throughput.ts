/**
 * Batch throughput: the bundled Hertfordshire grid (504 county-sized
 * variants mixing zone maps, lot structures, demand forecasts and share caps)
 * run end to end through `runBatch` (worker start, solve, verify, score,
 * files streamed; its base read before, as `zonal batch` reads it, and handed to
 * the workers) with one worker and with two. Reports variants per second,
 * the ratio, and the process's CPU per variant in each run. Measures; checks
 * nothing.
 *
 * A warm-up batch (every 16th variant, one worker) runs first and is not
 * counted: batch workers run HiGHS on optimised code that V8 compiles once
 * per process (solve/highs-shared.ts, about 2 s of CPU), and without the
 * warm-up the one-worker run would pay that compile while the two-worker run
 * reused it, which flatters the ratio. Its time is printed too.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBatchFile, type Variant } from '../compare/batch-file.js';
import { runBatch } from '../compare/batch-run.js';
import { readScenario } from '../io/read-scenario.js';
import type { Scenario } from '../model/types.js';
import { splitThreadCpu, threadCpuSeconds, type ThreadSplit } from './thread-cpu.js';
import {
  type BatchSpan,
  inRoundOrder,
  oneWorkerFirst,
  type RatioFactors,
  ratioFactors,
  roundsRatio,
} from './batch-rounds.js';
import { median } from './summary.js';
import type { BatchMeasure } from './goals.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const batchFile = path.join(root, 'scenarios', 'hertfordshire-batch.json');

export interface BatchThroughput extends BatchMeasure {
  /** The warm-up, the CPU per variant of each run and the load: for the bench's text. */
  readonly detail: string;
}

export interface BatchRun {
  readonly variantsPerSecond: number;
  /** CPU of the whole process (main thread and workers) per variant, milliseconds. */
  readonly cpuPerVariantMs: number;
  readonly seconds: number;
  /** Wall clock to the last row, when `threads` was read. */
  readonly secondsToLastRow: number;
  /** CPU seconds by thread, read when the last row landed (the workers still alive). */
  readonly threads: ThreadSplit;
}

export function benchVariants(every: number): Variant[] {
  const parsed = parseBatchFile(readFileSync(batchFile, 'utf8'));
  if ('problems' in parsed)
    throw new Error(`${batchFile}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.variants.filter((_, i) => i % every === 0).map((v, index) => ({ ...v, index }));
}

/**
 * The grid's base scenarios, read once before the batch as `zonal batch` reads them (to
 * check them and print their warnings), and handed to its workers.
 */
async function gridBases(variants: readonly Variant[]): Promise<Map<string, Scenario>> {
  const bases = new Map<string, Scenario>();
  for (const base of new Set(variants.map((v) => v.base))) {
    const { scenario } = await readScenario(path.join(path.dirname(batchFile), base));
    if (scenario === null) throw new Error(`the bench's base scenario ${base} has errors`);
    bases.set(base, scenario);
  }
  return bases;
}

export async function timedBatch(variants: readonly Variant[], workers: number): Promise<BatchRun> {
  const bases = await gridBases(variants);
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'zonal-bench-batch-'));
  try {
    const cpu = process.cpuUsage();
    const threadsBefore = threadCpuSeconds();
    let threadsAtEnd = threadsBefore;
    const started = performance.now();
    let lastRow = started;
    const summary = await runBatch({
      variants,
      batchDir: path.dirname(batchFile),
      outDir,
      workers,
      resume: false,
      timeLimit: 60,
      version: 'bench',
      bases,
      // The bundled grid (504) would take the optimised compile by its size anyway; the
      // warm-up and the bench's quicker forms (every n-th variant) must take it too.
      highs: 'optimised',
      onProgress: (done, total) => {
        if (done !== total) return;
        threadsAtEnd = threadCpuSeconds();
        lastRow = performance.now();
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    if (summary.failed > 0) throw new Error(`${summary.failed} bench variants failed`);
    return {
      variantsPerSecond: summary.ran / seconds,
      cpuPerVariantMs: (used.user + used.system) / 1000 / summary.ran,
      seconds,
      secondsToLastRow: (lastRow - started) / 1000,
      threads: splitThreadCpu(threadsBefore, threadsAtEnd),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * `count` variants of the bundled tiny scenario that stop at once (a zoning it
 * does not have): each costs only the batch's own work, handing the variant
 * to a worker and a row back, which is what the queue adds to.
 */
export function instantVariants(count: number): Variant[] {
  const multipliers = Array.from({ length: count }, (_, i) => Math.round((0.8 + i / 1000) * 1000) / 1000);
  const parsed = parseBatchFile(
    JSON.stringify({ base: 'tiny', grid: { zoning: ['none'], demandMultiplier: multipliers } }),
  );
  if ('problems' in parsed) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return parsed.variants;
}

/** A run up to its last row, for the ratio's factors. */
const span = (run: BatchRun): BatchSpan => ({
  cpuSeconds: run.threads.main + run.threads.started + run.threads.background,
  seconds: run.secondsToLastRow,
});

/** The medians of the rounds' factors (batch-rounds.ts `ratioFactors`), as the bench prints them. */
function factorsText(measured: readonly { one: BatchRun; two: BatchRun }[]): string {
  const factors = measured.map((round) => ratioFactors(span(round.one), span(round.two)));
  const of = (pick: (f: RatioFactors) => number) => median(factors.map(pick)) ?? Number.NaN;
  return (
    `The ratio to each run's last row as two factors (medians of the rounds): the cores kept busy, two workers against one, ` +
    `×${of((f) => f.cores).toFixed(3)} (one worker kept ${of((f) => f.oneWorkerCores).toFixed(3)} busy, its V8 threads beside it), ` +
    `and the CPU for the same variants, one worker's over two's, ×${of((f) => f.cpu).toFixed(3)} ` +
    `(rounds ${factors.map((f) => `×${f.cpu.toFixed(2)}`).join(', ')}); with that CPU, two cores busy throughout would give ×${of((f) => f.twoFullCores).toFixed(3)}. `
  );
}

function threadText(t: ThreadSplit): string {
  return `main ${t.main.toFixed(2)} s, workers ${t.started.toFixed(2)} s, V8/libuv background ${t.background.toFixed(2)} s`;
}

/**
 * Rounds of one run with one worker and one with two, after the warm-up, their order
 * alternating (batch-rounds.ts). On 2026-12-01 the same build's rate moved by 15-20% from
 * run to run on the quiet machine (the host's other tenants), so each rate is the median of
 * the rounds, and the ratio the median of each round's own ratio.
 */
const rounds = 6;

/** @param every - take every n-th variant of the bundled grid (a quicker, noisier bench). @defaultValue 1 */
export async function benchBatchThroughput(every = 1): Promise<BatchThroughput> {
  const warmUpVariants = benchVariants(16);
  const warmUp = await timedBatch(warmUpVariants, 1);
  const variants = benchVariants(every);
  const measured: { one: BatchRun; two: BatchRun }[] = [];
  for (let round = 0; round < rounds; round++)
    measured.push(await inRoundOrder(round, (workers) => timedBatch(variants, workers)));
  const last = measured.at(-1);
  if (last === undefined) throw new Error('the batch bench ran no round');
  const each = measured
    .map(
      (round, index) =>
        `${round.one.variantsPerSecond.toFixed(1)} / ${round.two.variantsPerSecond.toFixed(1)} (×${(round.two.variantsPerSecond / round.one.variantsPerSecond).toFixed(2)}; ` +
        `${oneWorkerFirst(index) ? 'one worker first' : 'two first'}; ` +
        `CPU per variant ${round.one.cpuPerVariantMs.toFixed(1)} / ${round.two.cpuPerVariantMs.toFixed(1)} ms)`,
    )
    .join(', ');
  const detail =
    `Medians of ${rounds} rounds, one worker / two: ${each}. ` +
    `CPU by thread up to the last row, last round: one worker ${threadText(last.one.threads)}; two workers ${threadText(last.two.threads)}. ` +
    factorsText(measured) +
    `Warm-up (${warmUpVariants.length} variants, not counted) ${warmUp.seconds.toFixed(1)} s; ` +
    `load average ${os.loadavg()[0]?.toFixed(1)} at the end on ${os.availableParallelism()} cores.`;
  return {
    oneWorker: median(measured.map((m) => m.one.variantsPerSecond)) ?? Number.NaN,
    twoWorkers: median(measured.map((m) => m.two.variantsPerSecond)) ?? Number.NaN,
    ratio: roundsRatio(measured) ?? Number.NaN,
    rounds: measured.length,
    detail,
  };
}
