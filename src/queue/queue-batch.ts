/**
 * The coordinator's side of `zonal batch --queue`: a VariantExecutor that
 * puts variants on a BullMQ queue and hands back each row as its job
 * finishes, whichever worker ran it. runBatch (compare/batch-run.ts) does the
 * rest exactly as for a local batch: files, order, progress, --resume.
 *
 *   1. pack each base scenario once and store it under its content hash
 *   2. listen for finished jobs before adding any, so none is missed
 *   3. without --resume, clear earlier jobs of these variants (a clean start
 *      solves again); add every variant as a job whose id is a hash of its
 *      definition (adding an existing job is a no-op)
 *   4. sweep: look up every job still awaited, now and whenever no event has
 *      come for a while: jobs that finished while no one listened (the
 *      coordinator was stopped, then --resume), whose event was lost, or
 *      that vanished (a Redis restarted without persistence: queued again)
 *   5. each job lands once: its row, or a failed row that says why
 */
import { counted } from '../model/counted.js';
import path from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Variant } from '../compare/batch-file.js';
import { isBatchRow } from '../compare/batch-output.js';
import type { VariantExecutor } from '../compare/batch-run.js';
import type { BatchRow } from '../compare/run-variant.js';
import { AwaitedJobs, type QueuedVariant } from './awaited-jobs.js';
import { describeAddress, type RedisAddress } from './redis-address.js';
import { openRedis } from './redis-client.js';
import { encodeBundle, packScenario } from './scenario-bundle.js';
import { batchNotices, workersHint, workerWatch, type BatchNotices } from './worker-watch.js';
import { solverBuild } from './solver-build.js';
import {
  jobId,
  keepSeconds,
  maxStalls,
  queueNameOf,
  rowFromFailure,
  rowFromResult,
  scenarioKey,
  variantJob,
} from './variant-job.js';

export interface QueueBatchSettings {
  readonly address: RedisAddress;
  /** Folder of batch.json: variant bases are relative to it. */
  readonly batchDir: string;
  readonly timeLimit: number;
  /** The package version; the solver's fingerprint is added to it (solver-build.ts). */
  readonly version: string;
  /** false: earlier jobs of these variants are solved again (a clean start). */
  readonly resume: boolean;
  /** Lines for the person waiting (stderr): where the jobs are, restarted jobs, lost connections. */
  readonly notice: (line: string) => void;
  /** Look up awaited jobs after this long without an event. @defaultValue 10000 */
  readonly sweepMs?: number;
}

export interface QueueBatch {
  /** Runs one batch's variants; see the file comment. */
  readonly run: VariantExecutor;
  /** Closes the connections (after run, or instead of it). */
  close(): Promise<void>;
}

/** Attempts of a job whose worker reported an error (a worker that dies is handled by stall detection instead). */
const jobOptions = {
  attempts: 2,
  backoff: { type: 'fixed', delay: 2000 },
  removeOnComplete: { age: keepSeconds },
  removeOnFail: { age: keepSeconds },
};

async function inChunks<T>(items: readonly T[], each: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += 500) await Promise.all(items.slice(i, i + 500).map(each));
}

/** Scenario bundles by base, stored in Redis (and again if Redis lost them). */
class Scenarios {
  private readonly encoded = new Map<string, string>();

  constructor(private readonly client: Redis) {}

  async pack(batchDir: string, bases: Iterable<string>): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
    for (const base of new Set(bases)) {
      const bundle = await packScenario(path.resolve(batchDir, base));
      this.encoded.set(bundle.hash, encodeBundle(bundle));
      await this.store(bundle.hash);
      hashes.set(base, bundle.hash);
    }
    return hashes;
  }

  async store(hash: string): Promise<void> {
    const text = this.encoded.get(hash);
    if (text !== undefined) await this.client.set(scenarioKey(hash), text, 'EX', keepSeconds);
  }
}

async function add(queue: Queue, entries: readonly QueuedVariant[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    await queue.addBulk(
      entries
        .slice(i, i + 500)
        .map((e) => ({ name: 'variant', data: e.job, opts: { ...jobOptions, jobId: e.id } })),
    );
  }
}

/**
 * A clean start removes every earlier job of these variants (one still
 * running elsewhere is locked and stays: its result will do). --resume keeps
 * finished jobs but removes those that failed for good (a worker of another
 * version, a worker that died twice) and those whose row says "failed", so
 * they are tried again, as a local --resume tries failed rows again.
 */
async function clearEarlier(queue: Queue, id: string, resume: boolean): Promise<void> {
  const state = resume ? await queue.getJobState(id) : 'cleared';
  const failedRow =
    state === 'completed' &&
    (await queue
      .getJob(id)
      .then((job) => isBatchRow(job?.returnvalue) && job.returnvalue.status === 'failed'));
  if (!resume || state === 'failed' || failedRow) await queue.remove(id);
}

async function sweepOne(queue: Queue, awaited: AwaitedJobs, scenarios: Scenarios, id: string): Promise<void> {
  const entry = awaited.get(id);
  if (entry === undefined) return;
  const state = await queue.getJobState(id);
  if (state === 'unknown') {
    await scenarios.store(entry.job.scenario);
    await add(queue, [entry]);
    return;
  }
  if (state !== 'completed' && state !== 'failed') return;
  const job = await queue.getJob(id);
  if (job === undefined) return;
  if (state === 'completed') awaited.settle(id, (v) => rowFromResult(job.returnvalue, v));
  else awaited.settle(id, (v) => rowFromFailure(job.failedReason, v));
}

function entriesFor(
  todo: readonly Variant[],
  hashes: ReadonlyMap<string, string>,
  settings: QueueBatchSettings,
): QueuedVariant[] {
  return todo.map((variant) => {
    const job = variantJob(variant, hashes.get(variant.base) ?? '', settings.timeLimit, settings.version);
    return { id: jobId(job), job, variant };
  });
}

/**
 * Steps 2 and 5: land rows as events come; report restarted jobs. Returns the time of the
 * last event, how many jobs have started, and `off`, which stops listening when the batch ends.
 */
function listen(
  events: QueueEvents,
  queue: Queue,
  awaited: AwaitedJobs,
  scenarios: Scenarios,
  say: BatchNotices,
): { lastEvent: () => number; started: () => number; off: () => void } {
  let lastEvent = Date.now();
  let started = 0;
  const handlers = {
    completed: ({ jobId: id, returnvalue }: { jobId: string; returnvalue: unknown }) => {
      lastEvent = Date.now();
      awaited.settle(id, (v) => rowFromResult(returnvalue, v));
    },
    failed: ({ jobId: id }: { jobId: string }) => {
      lastEvent = Date.now();
      void sweepOne(queue, awaited, scenarios, id).catch(() => undefined);
    },
    stalled: ({ jobId: id }: { jobId: string }) => {
      const entry = awaited.get(id);
      if (entry === undefined) return;
      // Past maxStalls the job goes back on the queue only to be failed by the next worker to take it.
      void queue
        .getJob(id)
        .then((job) => job?.stalledCounter ?? 0)
        .catch(() => 0)
        .then((stalls) =>
          say.line(
            stalls > maxStalls
              ? `variant ${entry.variant.id}: its worker stopped answering again (${stalls} times): it is given up, as it may be what stops them; its row says failed`
              : `variant ${entry.variant.id}: its worker stopped answering; the job goes back on the queue for another worker`,
          ),
        );
    },
    active: () => {
      lastEvent = Date.now();
      started++;
    },
  };
  events.on('completed', handlers.completed);
  events.on('failed', handlers.failed);
  events.on('stalled', handlers.stalled);
  events.on('active', handlers.active);
  const off = () => {
    events.off('completed', handlers.completed);
    events.off('failed', handlers.failed);
    events.off('stalled', handlers.stalled);
    events.off('active', handlers.active);
  };
  return { lastEvent: () => lastEvent, started: () => started, off };
}

/** What one batch run uses of the connection. */
interface Connected {
  readonly queue: Queue;
  readonly events: QueueEvents;
  readonly scenarios: Scenarios;
  readonly settings: QueueBatchSettings;
  readonly where: string;
  readonly queueName: string;
}

/** Steps 1 to 5 for one batch (see the file comment); its lines go through `say`, and stop when it ends. */
async function runQueued(
  c: Connected,
  todo: readonly Variant[],
  land: (row: BatchRow) => void,
  stop: AbortSignal,
  say: BatchNotices,
): Promise<void> {
  const { queue, events, scenarios, settings, where } = c;
  const entries = entriesFor(
    todo,
    await scenarios.pack(
      settings.batchDir,
      todo.map((v) => v.base),
    ),
    settings,
  );
  const awaited = new AwaitedJobs(entries, land);
  const { lastEvent, started, off } = listen(events, queue, awaited, scenarios, say);
  try {
    await inChunks(entries, (e) => clearEarlier(queue, e.id, settings.resume));
    await add(queue, entries);
    const watch = workerWatch(queue, awaited, where, say, started);
    const workers = await queue.getWorkersCount().catch(() => null);
    say.line(
      `${counted(entries.length, 'variant')} on queue "${c.queueName}" at ${where}; ${workersHint(workers, where, settings.version)}`,
    );
    if (workers === 0) watch.told();
    const sweep = () => inChunks(awaited.ids(), (id) => sweepOne(queue, awaited, scenarios, id));
    await sweep();
    // A row that landed while the jobs were added or swept may already have stopped the batch.
    if (stop.aborted) return;
    const sweepMs = settings.sweepMs ?? 10_000;
    const sweeper = setInterval(() => {
      if (Date.now() - lastEvent() < sweepMs) return;
      void sweep().catch(() => undefined);
      void watch.check().catch(() => undefined);
    }, sweepMs);
    // Stopped (a row that could not be written), the batch ends now: the jobs stay on the queue for --resume.
    const stopped = new Promise<void>((resolve) =>
      stop.addEventListener('abort', () => resolve(), { once: true }),
    );
    await Promise.race([awaited.allLanded, stopped]).finally(() => clearInterval(sweeper));
  } finally {
    off();
  }
}

/**
 * Connect to the queue (BullMQ checks the server's version here), so a
 * server that cannot be used fails before runBatch writes anything.
 */
export async function connectQueueBatch(given: QueueBatchSettings): Promise<QueueBatch> {
  const settings = { ...given, version: solverBuild(given.version) };
  const where = describeAddress(settings.address);
  const client = openRedis(settings.address, (message) =>
    settings.notice(`${message} (retrying; stop with Ctrl-C and run again with --resume)`),
  );
  const queueName = queueNameOf(settings.version);
  const queue = new Queue(queueName, { connection: client });
  const events = new QueueEvents(queueName, { connection: client });
  // Connection errors are reported once, by openRedis; without a listener they would end the process.
  queue.on('error', () => undefined);
  events.on('error', () => undefined);
  const close = async () => {
    await events.close().catch(() => undefined);
    await queue.close().catch(() => undefined);
    client.disconnect();
  };
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]).catch(async (e: unknown) => {
    await close();
    throw e;
  });
  const scenarios = new Scenarios(client);
  const run: VariantExecutor = async (todo, land, stop) => {
    if (todo.length === 0) return;
    const say = batchNotices(settings.notice, settings.version);
    try {
      await runQueued({ queue, events, scenarios, settings, where, queueName }, todo, land, stop, say);
    } finally {
      say.end();
    }
  };
  return { run, close };
}
