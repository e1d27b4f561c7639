/**
 * One thread of variant-scaling.ts: runs its warm-up variants as a batch worker runs them
 * (batch-worker.ts `runTask`: the worker's memo, HiGHS from the shared compile), says it is
 * ready, waits for the word to start, then takes chunks of the timed variants one at a time
 * from the counter every thread shares, until none is left, and posts the milliseconds it
 * took. Measures; checks only that no variant failed.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import runTask from '../compare/batch-worker.js';
import type { Variant } from '../compare/batch-file.js';
import { useCompiledHighs } from '../solve/backend-highs.js';
import type { CompiledWasm } from '../solve/highs-shared.js';

export interface VariantScalingWork {
  readonly highs: CompiledWasm;
  /** Absolute path of the folder the variants' bases are named from. */
  readonly scenarios: string;
  readonly warmUp: readonly Variant[];
  readonly chunks: readonly (readonly Variant[])[];
  /** The next chunk to take: one Int32 every thread of a run shares. */
  readonly next: SharedArrayBuffer;
}

const work = workerData as VariantScalingWork;
useCompiledHighs(work.highs);

async function run(variant: Variant): Promise<void> {
  const row = await runTask({
    variant,
    baseDir: path.join(work.scenarios, variant.base),
    timeLimit: 60,
    version: 'bench',
  });
  if (row.status === 'failed') throw new Error(`bench variant ${variant.id} failed: ${row.error}`);
}

for (const variant of work.warmUp) await run(variant);
parentPort?.once('message', async () => {
  const next = new Int32Array(work.next);
  const started = performance.now();
  for (let i = Atomics.add(next, 0, 1); i < work.chunks.length; i = Atomics.add(next, 0, 1))
    for (const variant of work.chunks[i] ?? []) await run(variant);
  parentPort?.postMessage(performance.now() - started);
});
parentPort?.postMessage('ready');
