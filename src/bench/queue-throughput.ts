/**
 * `npm run bench:queue [-- --every 8 --workers 1,2,4 --instant 300]`: batch
 * throughput through the Redis queue against the local batch.
 *
 *   1. start a private redis-server on a free loopback port
 *   2. county variants (every n-th of the bundled Hertfordshire grid): local
 *      batch with 1 and 2 threads, then the queue with 1, 2 and 4 worker
 *      processes (`zonal worker --concurrency 1`, started and ready before
 *      the clock starts); variants per second for each
 *   3. queue cost per variant: variants that stop at once (a zoning the
 *      scenario lacks), so only the batch's own work is timed; N and 2N of
 *      them, one worker process against one local thread. The time per extra
 *      variant, (T(2N) - T(N)) / N, leaves out fixed costs (threads starting,
 *      connecting); the median of three tries; the queue's cost per variant is
 *      its time per extra variant less the local one's
 *
 * Measures; checks only that no county variant failed. Each run uses its own Redis
 * database, so no finished job is reused.
 */
import { counted } from '../model/counted.js';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Variant } from '../compare/batch-file.js';
import { runBatch, type VariantExecutor } from '../compare/batch-run.js';
import { version } from '../cli/version.js';
import { connectQueueBatch } from '../queue/queue-batch.js';
import { parseRedisAddress } from '../queue/redis-address.js';
import { benchVariants, instantVariants } from './batch-throughput.js';
import { startRedis, type LocalRedis } from './redis-server.js';
import { checkBenchFlags, flagValue } from './bench-flag.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scenariosDir = path.join(root, 'scenarios');

interface Run {
  readonly label: string;
  readonly variants: number;
  readonly seconds: number;
}

async function timed(
  label: string,
  variants: readonly Variant[],
  executor: VariantExecutor | null,
  threads = 1,
  failing = false,
): Promise<Run> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'zonal-bench-queue-'));
  try {
    const started = performance.now();
    const summary = await runBatch({
      variants,
      batchDir: scenariosDir,
      outDir,
      workers: threads,
      resume: false,
      timeLimit: 60,
      version,
      ...(executor === null ? {} : { executor }),
    });
    const seconds = (performance.now() - started) / 1000;
    if (summary.failed !== (failing ? variants.length : 0))
      throw new Error(
        `${label}: ${summary.failed} variants failed: ${summary.rows.find((r) => r.status === 'failed')?.error ?? ''}`,
      );
    return { label, variants: summary.ran, seconds };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** `count` worker processes, each with one solver thread, ready before this resolves; returns a function that stops them. */
async function startWorkers(url: string, count: number): Promise<() => Promise<void>> {
  const bin = path.join(root, 'bin', 'zonal.js');
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, [bin, 'worker', url, '--concurrency', '1'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString('utf8');
            if (out.includes('worker on redis:')) resolve();
          });
          child.once('exit', (code) =>
            reject(new Error(`a bench worker exited with code ${String(code)}: ${out}`)),
          );
        }),
    ),
  );
  return async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  };
}

async function onQueue(
  redis: LocalRedis,
  db: number,
  label: string,
  variants: readonly Variant[],
  workers: number,
  failing = false,
): Promise<Run> {
  const url = redis.url.replace(/\/0$/, `/${db}`);
  const parsed = parseRedisAddress(url, {});
  if (parsed.kind !== 'ok') throw new Error(parsed.message);
  const stop = await startWorkers(url, workers);
  const queue = await connectQueueBatch({
    address: parsed.address,
    batchDir: scenariosDir,
    timeLimit: 60,
    version,
    resume: false,
    notice: () => undefined,
  });
  try {
    return await timed(label, variants, queue.run, 1, failing);
  } finally {
    await queue.close();
    await stop();
  }
}

function table(runs: readonly Run[], baseline: Run): string {
  const rows = runs.map((r) => {
    const rate = r.variants / r.seconds;
    return `| ${r.label} | ${r.variants} | ${r.seconds.toFixed(1)} | ${rate.toFixed(2)} | ${(rate / (baseline.variants / baseline.seconds)).toFixed(2)} |`;
  });
  return [
    '| run | variants | seconds | variants/s | vs local 1 thread |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

const usage = 'npm run bench:queue [-- --every 8 --workers 1,2,4 --instant 300]';

async function main(argv: readonly string[]): Promise<void> {
  checkBenchFlags(argv, usage);
  const every = Number(flagValue(argv, '--every') ?? '8');
  const workerCounts = (flagValue(argv, '--workers') ?? '1,2,4').split(',').map(Number);
  const instantCount = Number(flagValue(argv, '--instant') ?? '300');
  const county = benchVariants(every);
  const instant = instantVariants(instantCount);
  const redis = await startRedis();
  try {
    const runs: Run[] = [
      await timed('local batch, 1 thread', county, null, 1),
      await timed('local batch, 2 threads', county, null, 2),
    ];
    let db = 1;
    for (const n of workerCounts)
      runs.push(
        await onQueue(redis, db++, `queue, ${counted(n, 'worker process', 'worker processes')}`, county, n),
      );
    const half = instant.slice(0, Math.floor(instant.length / 2));
    const perExtra = (small: Run, large: Run) =>
      ((large.seconds - small.seconds) / (large.variants - small.variants)) * 1000;
    const medianOf3 = async (measure: () => Promise<number>) =>
      [await measure(), await measure(), await measure()].sort((a, b) => a - b)[1] ?? NaN;
    const localMs = await medianOf3(async () =>
      perExtra(
        await timed('instant, local', half, null, 1, true),
        await timed('instant, local', instant, null, 1, true),
      ),
    );
    const queueMs = await medianOf3(async () =>
      perExtra(
        await onQueue(redis, db++, 'instant, queue', half, 1, true),
        await onQueue(redis, db++, 'instant, queue', instant, 1, true),
      ),
    );
    process.stdout.write(
      [
        `Queue throughput on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Hertfordshire grid every ${every}th variant:`,
        '',
        table(runs, runs[0] ?? { label: '', variants: 1, seconds: 1 }),
        '',
        `Time per extra variant that stops at once (${half.length} then ${instant.length} variants, one thread, median of 3): ` +
          `local ${localMs.toFixed(1)} ms, queue ${queueMs.toFixed(1)} ms; queue cost ${(queueMs - localMs).toFixed(1)} ms per variant.`,
        '',
      ].join('\n'),
    );
  } finally {
    await redis.stop();
  }
}

await main(process.argv.slice(2));
