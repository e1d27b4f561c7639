/**
 * Batch throughput: the bundled Hertfordshire grid (504 county-sized
 * variants mixing zone maps, lot structures, demand forecasts and share caps)
 * run end to end through `runBatch` (worker start, solve, verify, score,
 * files streamed) with one worker and with two. Reports variants per second
 * and the ratio. Measures; checks nothing.
 *
 * Why the ratio stayed below 2 on two cores until 2026-11-30: one worker kept
 * more than one core busy (V8 recompiled the HiGHS WebAssembly to optimised
 * code on background threads; measured 2026-11-23: 1.23 s of CPU per wall
 * second), so a second worker competed with those threads. HiGHS now stays
 * on baseline code for county-sized models (solve/wasm-tiering.ts), which
 * leaves the second core to the second worker; see docs/performance.md.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBatchFile, type Variant } from '../compare/batch-file.js';
import { runBatch } from '../compare/batch-run.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const batchFile = path.join(root, 'scenarios', 'hertfordshire-batch.json');

export interface BatchThroughput {
  /** Variants per second with one worker thread. */
  readonly oneWorker: number;
  /** Variants per second with two worker threads. */
  readonly twoWorkers: number;
  /** twoWorkers / oneWorker. */
  readonly ratio: number;
}

export function benchVariants(every: number): Variant[] {
  const parsed = parseBatchFile(readFileSync(batchFile, 'utf8'));
  if ('problems' in parsed)
    throw new Error(`${batchFile}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.variants.filter((_, i) => i % every === 0).map((v, index) => ({ ...v, index }));
}

async function variantsPerSecond(variants: readonly Variant[], workers: number): Promise<number> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'zonal-bench-batch-'));
  try {
    const started = performance.now();
    const summary = await runBatch({
      variants,
      batchDir: path.dirname(batchFile),
      outDir,
      workers,
      resume: false,
      timeLimit: 60,
      version: 'bench',
    });
    const seconds = (performance.now() - started) / 1000;
    if (summary.failed > 0) throw new Error(`${summary.failed} bench variants failed`);
    return summary.ran / seconds;
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

/** @param every - take every n-th variant of the bundled grid (a quicker, noisier bench). @defaultValue 1 */
export async function benchBatchThroughput(every = 1): Promise<BatchThroughput> {
  const variants = benchVariants(every);
  const oneWorker = await variantsPerSecond(variants, 1);
  const twoWorkers = await variantsPerSecond(variants, 2);
  return { oneWorker, twoWorkers, ratio: twoWorkers / oneWorker };
}
