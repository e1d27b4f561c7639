/**
 * The coordinator's side of `zonal batch --queue`: a VariantExecutor that
 * puts variants on a BullMQ queue and hands back each row as its job
 * finishes, whichever worker ran it. runBatch (compare/batch-run.ts) does the
 * rest exactly as for a local batch: files, order, progress, --resume.
 *
 *   1. pack each base scenario once and store it under its content hash
 *   2. listen for finished jobs before adding any, so none is missed
 *   3. without --resume, clear finished jobs of these variants (a clean
 *      start solves again); add every variant as a job whose id is a hash
 *      of its definition (adding an existing job is a no-op)
 *   4. sweep: look up every job still awaited, now and whenever no event has
 *      come for a while, for jobs that finished while no one was listening
 *      (coordinator stopped, then --resume) or whose event was lost
 *   5. each job lands once: its row, or a failed row that says why
 */
import path from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Variant } from '../compare/batch-file.js';
import type { VariantExecutor } from '../compare/batch-run.js';
import type { BatchRow } from '../compare/run-variant.js';
import { describeAddress, type RedisAddress } from './redis-address.js';
import { openRedis } from './redis-client.js';
import { encodeBundle, packScenario } from './scenario-bundle.js';
import { jobId, keepSeconds, queueName, rowFromFailure, rowFromResult, scenarioKey, variantJob, type VariantJob } from './variant-job.js';

export interface QueueBatchSettings {
  readonly address: RedisAddress;
  /** Folder of batch.json: variant bases are relative to it. */
  readonly batchDir: string;
  readonly timeLimit: number;
  readonly version: string;
  /** false: finished jobs of these variants are solved again (a clean start). */
  readonly resume: boolean;
  /** Lines for the person waiting (stderr): where the jobs are, restarted jobs, lost connections. */
  readonly notice: (line: string) => void;
  /** Look up awaited jobs after this long without an event. @defaultValue 10000 */
  readonly sweepMs?: number;
}

/** Attempts of a job whose worker reported an error (a worker that dies is handled by stall detection instead). */
const attempts = 2;
const chunk = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += chunk) out.push(items.slice(i, i + chunk));
  return out;
}

async function storeScenarios(client: Redis, batchDir: string, todo: readonly Variant[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const base of new Set(todo.map((v) => v.base))) {
    const bundle = await packScenario(path.resolve(batchDir, base));
    await client.set(scenarioKey(bundle.hash), encodeBundle(bundle), 'EX', keepSeconds);
    hashes.set(base, bundle.hash);
  }
  return hashes;
}

/** Jobs still awaited, each landing at most once. */
class Awaited {
  private readonly byId = new Map<string, Variant>();
  private finish: () => void = () => undefined;
  readonly allLanded = new Promise<void>((resolve) => (this.finish = resolve));

  constructor(jobs: ReadonlyMap<string, Variant>, private readonly land: (row: BatchRow) => void) {
    for (const [id, v] of jobs) this.byId.set(id, v);
    if (this.byId.size === 0) this.finish();
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  variant(id: string): Variant | undefined {
    return this.byId.get(id);
  }

  settle(id: string, row: (v: Variant) => BatchRow): void {
    const variant = this.byId.get(id);
    if (variant === undefined) return;
    this.byId.delete(id);
    this.land(row(variant));
    if (this.byId.size === 0) this.finish();
  }
}

async function settleIfFinished(queue: Queue, awaited: Awaited, id: string): Promise<void> {
  if (!awaited.has(id)) return;
  const state = await queue.getJobState(id);
  if (state !== 'completed' && state !== 'failed') return;
  const job = await queue.getJob(id);
  if (job === undefined) return;
  if (state === 'completed') awaited.settle(id, (v) => rowFromResult(job.returnvalue, v));
  else awaited.settle(id, (v) => rowFromFailure(job.failedReason, v));
}

async function sweep(queue: Queue, awaited: Awaited): Promise<void> {
  for (const ids of chunks(awaited.ids())) await Promise.all(ids.map((id) => settleIfFinished(queue, awaited, id)));
}

async function addJobs(queue: Queue, jobs: ReadonlyMap<string, VariantJob>, resume: boolean): Promise<void> {
  const entries = [...jobs];
  if (!resume) for (const part of chunks(entries)) await Promise.all(part.map(([id]) => queue.remove(id)));
  const opts = { attempts, backoff: { type: 'fixed', delay: 2000 }, removeOnComplete: { age: keepSeconds }, removeOnFail: { age: keepSeconds } };
  for (const part of chunks(entries)) await queue.addBulk(part.map(([id, data]) => ({ name: 'variant', data, opts: { ...opts, jobId: id } })));
}

async function workersHint(queue: Queue, where: string): Promise<string> {
  const count = await queue.getWorkersCount().catch(() => null);
  const start = `start one with: zonal worker ${where.replace(/ \(password set\)$/, '')}`;
  return count === null ? `waiting for workers (${start})` : count === 0 ? `no worker is connected yet: ${start}` : `${count} worker${count === 1 ? '' : 's'} connected`;
}

/** See the file comment. The executor closes its connections when it returns or throws. */
export function queueExecutor(settings: QueueBatchSettings): VariantExecutor {
  return async (todo, land) => {
    const where = describeAddress(settings.address);
    let lastWarning = 0;
    const client = openRedis(settings.address, (message) => {
      if (Date.now() - lastWarning > 30_000) settings.notice(`${message} (retrying; stop with Ctrl-C and run again with --resume)`);
      lastWarning = Date.now();
    });
    const queue = new Queue(queueName, { connection: client });
    const events = new QueueEvents(queueName, { connection: client });
    let sweeper: NodeJS.Timeout | undefined;
    try {
      const hashes = await storeScenarios(client, settings.batchDir, todo);
      const entries = todo.map((variant) => {
        const job = variantJob(variant, hashes.get(variant.base) ?? '', settings.timeLimit, settings.version);
        return { id: jobId(job), job, variant };
      });
      const jobs = new Map(entries.map((e) => [e.id, e.job]));
      const awaited = new Awaited(new Map(entries.map((e) => [e.id, e.variant])), land);
      let lastEvent = Date.now();
      events.on('completed', ({ jobId: id, returnvalue }) => { lastEvent = Date.now(); awaited.settle(id, (v) => rowFromResult(returnvalue, v)); });
      events.on('failed', ({ jobId: id }) => { lastEvent = Date.now(); void settleIfFinished(queue, awaited, id).catch(() => undefined); });
      events.on('stalled', ({ jobId: id }) => {
        const v = awaited.variant(id);
        if (v !== undefined) settings.notice(`variant ${v.id}: its worker stopped answering; the job goes back on the queue for another worker`);
      });
      events.on('active', () => (lastEvent = Date.now()));
      await events.waitUntilReady();
      await addJobs(queue, jobs, settings.resume);
      settings.notice(`${jobs.size} variant${jobs.size === 1 ? '' : 's'} on queue "${queueName}" at ${where}; ${await workersHint(queue, where)}`);
      await sweep(queue, awaited);
      const sweepMs = settings.sweepMs ?? 10_000;
      sweeper = setInterval(() => {
        if (Date.now() - lastEvent >= sweepMs) void sweep(queue, awaited).catch(() => undefined);
      }, sweepMs);
      await awaited.allLanded;
    } finally {
      if (sweeper !== undefined) clearInterval(sweeper);
      await events.close().catch(() => undefined);
      await queue.close().catch(() => undefined);
      client.disconnect();
    }
  };
}
