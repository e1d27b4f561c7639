/**
 * `npm run bench:queue [-- --every 8 --workers 1,2,4 --tiny 200]`: batch
 * throughput through the Redis queue against the local batch.
 *
 *   1. start a private redis-server on a free loopback port
 *   2. county variants (every n-th of the bundled Hertfordshire grid): local
 *      batch with 1 and 2 threads, then the queue with 1, 2 and 4 worker
 *      processes (`zonal worker --concurrency 1`, started and ready before
 *      the clock starts); variants per second for each
 *   3. queue cost per variant: tiny variants (solves of a few milliseconds),
 *      N and 2N of them, one worker process against one local thread. The
 *      time per extra variant (T(2N) - T(N)) / N leaves out fixed costs
 *      (threads starting, the solver loading, connecting); the queue's cost
 *      per variant is its time per extra variant less the local one's
 *
 * Measures; checks only that no variant failed. Each run uses its own Redis
 * database, so no finished job is reused.
 */
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
import { benchVariants, tinyVariants } from './batch-throughput.js';
import { startRedis, type LocalRedis } from './redis-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scenariosDir = path.join(root, 'scenarios');

interface Run {
  readonly label: string;
  readonly variants: number;
  readonly seconds: number;
}

async function timed(label: string, variants: readonly Variant[], executor: VariantExecutor | null, threads = 1): Promise<Run> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'zonal-bench-queue-'));
  try {
    const started = performance.now();
    const summary = await runBatch({ variants, batchDir: scenariosDir, outDir, workers: threads, resume: false, timeLimit: 60, version, ...(executor === null ? {} : { executor }) });
    const seconds = (performance.now() - started) / 1000;
    if (summary.failed > 0) throw new Error(`${label}: ${summary.failed} variants failed: ${summary.rows.find((r) => r.status === 'failed')?.error ?? ''}`);
    return { label, variants: summary.ran, seconds };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** `count` worker processes, each with one solver thread, ready before this resolves; returns a function that stops them. */
async function startWorkers(url: string, count: number): Promise<() => Promise<void>> {
  const bin = path.join(root, 'bin', 'zonal.js');
  const children = Array.from({ length: count }, () => spawn(process.execPath, [bin, 'worker', url, '--concurrency', '1'], { stdio: ['ignore', 'pipe', 'inherit'] }));
  await Promise.all(children.map((child) => new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (out.includes('worker on redis:')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`a bench worker exited with code ${String(code)}: ${out}`)));
  })));
  return async () => {
    await Promise.all(children.map((child) => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    })));
  };
}

async function onQueue(redis: LocalRedis, db: number, label: string, variants: readonly Variant[], workers: number): Promise<Run> {
  const url = redis.url.replace(/\/0$/, `/${db}`);
  const parsed = parseRedisAddress(url, {});
  if (parsed.kind !== 'ok') throw new Error(parsed.message);
  const stop = await startWorkers(url, workers);
  const queue = await connectQueueBatch({ address: parsed.address, batchDir: scenariosDir, timeLimit: 60, version, resume: false, notice: () => undefined });
  try {
    return await timed(label, variants, queue.run);
  } finally {
    await queue.close();
    await stop();
  }
}

function flag(argv: readonly string[], name: string, fallback: string): string {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] ?? fallback : fallback;
}

function table(runs: readonly Run[], baseline: Run): string {
  const rows = runs.map((r) => {
    const rate = r.variants / r.seconds;
    return `| ${r.label} | ${r.variants} | ${r.seconds.toFixed(1)} | ${rate.toFixed(2)} | ${(rate / (baseline.variants / baseline.seconds)).toFixed(2)} |`;
  });
  return ['| run | variants | seconds | variants/s | vs local 1 thread |', '| --- | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}

async function main(argv: readonly string[]): Promise<void> {
  const every = Number(flag(argv, '--every', '8'));
  const workerCounts = flag(argv, '--workers', '1,2,4').split(',').map(Number);
  const tinyCount = Number(flag(argv, '--tiny', '200'));
  const county = benchVariants(every);
  const tiny = tinyVariants(tinyCount);
  const redis = await startRedis();
  try {
    const runs: Run[] = [await timed('local batch, 1 thread', county, null, 1), await timed('local batch, 2 threads', county, null, 2)];
    let db = 1;
    for (const n of workerCounts) runs.push(await onQueue(redis, db++, `queue, ${n} worker process${n === 1 ? '' : 'es'}`, county, n));
    const half = tiny.slice(0, Math.floor(tiny.length / 2));
    const perExtra = (small: Run, large: Run) => ((large.seconds - small.seconds) / (large.variants - small.variants)) * 1000;
    const localMs = perExtra(await timed('tiny, local', half, null, 1), await timed('tiny, local', tiny, null, 1));
    const queueMs = perExtra(await onQueue(redis, db++, 'tiny, queue', half, 1), await onQueue(redis, db++, 'tiny, queue', tiny, 1));
    process.stdout.write([
      `Queue throughput on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Hertfordshire grid every ${every}th variant:`,
      '',
      table(runs, runs[0] ?? { label: '', variants: 1, seconds: 1 }),
      '',
      `Time per extra tiny variant (${half.length} then ${tiny.length} variants, one solver thread): ` +
        `local ${localMs.toFixed(1)} ms, queue ${queueMs.toFixed(1)} ms; queue cost ${(queueMs - localMs).toFixed(1)} ms per variant.`,
      '',
    ].join('\n'));
  } finally {
    await redis.stop();
  }
}

await main(process.argv.slice(2));
