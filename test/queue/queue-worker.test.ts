/**
 * The worker never trusts the queue: jobs it cannot check fail at once (no
 * retry), with a reason the coordinator turns into the variant's row. On a
 * real redis-server started here (see queue-cli.test.ts).
 */
import path from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startRedis, type LocalRedis } from '../../src/bench/redis-server.js';
import { parseBatchFile, type Variant } from '../../src/compare/batch-file.js';
import type { BatchRow } from '../../src/compare/run-variant.js';
import { parseRedisAddress, type RedisAddress } from '../../src/queue/redis-address.js';
import { encodeBundle, packScenario } from '../../src/queue/scenario-bundle.js';
import { connectQueueBatch } from '../../src/queue/queue-batch.js';
import { startWorker, type RunningWorker } from '../../src/queue/queue-worker.js';
import { solverBuild } from '../../src/queue/solver-build.js';
import { jobId, queueNameOf, scenarioKey, variantJob } from '../../src/queue/variant-job.js';
import { repoRoot } from '../helpers/cli.js';

let redis: LocalRedis;
let client: Redis;
let queue: Queue;
let events: QueueEvents;
let worker: RunningWorker;
const log: string[] = [];
let variant: Variant;
let address: RedisAddress;

beforeAll(async () => {
  redis = await startRedis();
  const url = redis.url.replace(/\/0$/, '/5');
  const parsed = parseRedisAddress(url, {});
  if (parsed.kind !== 'ok') throw new Error(parsed.message);
  address = parsed.address;
  worker = await startWorker({
    address: parsed.address,
    concurrency: 1,
    lockSeconds: 5,
    version: 'test-1',
    log: (line) => log.push(line),
  });
  client = new Redis({ port: redis.port, db: 5, maxRetriesPerRequest: null });
  queue = new Queue(queueNameOf(solverBuild('test-1')), { connection: client });
  events = new QueueEvents(queueNameOf(solverBuild('test-1')), { connection: client });
  await events.waitUntilReady();
  const batch = parseBatchFile(
    JSON.stringify({ base: 'tiny', variants: [{ id: 'one', overrides: { zoning: 'one' } }] }),
  );
  if ('problems' in batch || batch.variants[0] === undefined) throw new Error('bad test batch');
  variant = batch.variants[0];
}, 60_000);

afterAll(async () => {
  await worker?.close();
  await events?.close();
  await queue?.close();
  client?.disconnect();
  await redis?.stop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wait until `ready()` holds, polling; fail after 20 s. */
async function until(ready: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 20_000; !ready(); await pause(50))
    expect(Date.now(), 'waited 20 s').toBeLessThan(deadline);
}

/** Add a job and wait for it: the row, or the reason it failed. */
async function outcome(
  data: unknown,
  id: string,
): Promise<{ row: BatchRow } | { failed: string; attempts: number }> {
  const job = await queue.add('variant', data, { jobId: id, attempts: 2 });
  try {
    return { row: (await job.waitUntilFinished(events, 60_000)) as BatchRow };
  } catch (e) {
    const after = await queue.getJob(id);
    return { failed: e instanceof Error ? e.message : String(e), attempts: after?.attemptsMade ?? -1 };
  }
}

describe('zonal worker', () => {
  test('a valid job: the scenario comes from Redis, the row comes back', async () => {
    const bundle = await packScenario(path.join(repoRoot, 'scenarios', 'tiny'));
    await client.set(scenarioKey(bundle.hash), encodeBundle(bundle));
    const job = variantJob(variant, bundle.hash, 30, solverBuild('test-1'));
    const result = await outcome(job, jobId(job));
    expect(result).toMatchObject({ row: { id: 'one', status: 'optimal', error: null } });
    expect(log).toContain('started one');
  });

  test('jobs it cannot check fail at once, each saying why, and nothing is solved', async () => {
    const bundle = await packScenario(path.join(repoRoot, 'scenarios', 'tiny'));
    await client.set(scenarioKey('c'.repeat(64)), encodeBundle(bundle));
    const good = variantJob(variant, bundle.hash, 30, solverBuild('test-1'));
    const cases: Array<[string, unknown, RegExp]> = [
      [
        'not-a-variant',
        { variant: { id: '../../x' }, scenario: 'x' },
        /the job is not a zonal variant \(variant\.id .*\); nothing was solved/,
      ],
      [
        'bad-overrides',
        { ...good, variant: { ...good.variant, overrides: { demandMultiplier: 0 } } },
        /variant\.overrides\.demandMultiplier must be more than 0/,
      ],
      [
        'other-version',
        { ...good, version: 'test-0' },
        /queued by zonal test-0, taken by a worker running zonal test-1\+[0-9a-f]{8}: run the same version everywhere/,
      ],
      ['missing-scenario', { ...good, scenario: 'd'.repeat(64) }, /scenario dddddddddddd is not in Redis/],
      ['tampered-scenario', { ...good, scenario: 'c'.repeat(64) }, /does not match its hash/],
    ];
    for (const [id, data, reason] of cases) {
      const result = await outcome(data, id);
      expect(result, id).toMatchObject({ failed: expect.stringMatching(reason), attempts: 1 });
    }
  });

  test('a worker of another version beside one of this version takes none of the batch: every row is solved', async () => {
    const stray = await startWorker({
      address,
      concurrency: 1,
      lockSeconds: 5,
      version: 'test-0',
      log: () => undefined,
    });
    const coordinator = await connectQueueBatch({
      address,
      batchDir: path.join(repoRoot, 'scenarios'),
      timeLimit: 30,
      version: 'test-1',
      resume: false,
      notice: () => undefined,
    });
    const grid = parseBatchFile(
      JSON.stringify({ base: 'tiny', grid: { zoning: ['one', 'two'], demandMultiplier: [0.9, 1, 1.1] } }),
    );
    if ('problems' in grid) throw new Error('bad test batch');
    const rows: BatchRow[] = [];
    try {
      await coordinator.run(grid.variants, (row) => rows.push(row), new AbortController().signal);
    } finally {
      await coordinator.close();
      await stray.close();
    }
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(rows.sort(byId).map((r) => [r.id, r.error])).toEqual(
      [...grid.variants].sort(byId).map((v) => [v.id, null]),
    );
  });

  test('a coordinator with no worker says so once per stall (its first line counts), and again only after work moved and stalled again', async () => {
    const notices: string[] = [];
    const coordinator = await connectQueueBatch({
      address,
      batchDir: path.join(repoRoot, 'scenarios'),
      timeLimit: 30,
      version: 'test-stall',
      resume: false,
      notice: (line) => notices.push(line),
      sweepMs: 100,
    });
    const grid = parseBatchFile(
      JSON.stringify({
        base: 'tiny',
        samples: 400,
        seed: 2,
        grid: { zoning: ['one', 'two'], demandMultiplier: [0.9, 0.95, 1, 1.05, 1.1] },
      }),
    );
    if ('problems' in grid) throw new Error('bad test batch');
    const noWorker = () => notices.filter((l) => /no zonal \S+ worker is connected/.test(l)).length;
    const helperLog: string[] = [];
    const helper = () =>
      startWorker({
        address,
        concurrency: 1,
        lockSeconds: 5,
        version: 'test-stall',
        log: (line) => helperLog.push(line),
      });
    const rows: BatchRow[] = [];
    let running: RunningWorker | null = null;
    try {
      const batch = coordinator.run(grid.variants, (row) => rows.push(row), new AbortController().signal);
      await until(() => notices.length > 0);
      await pause(1500); // fifteen sweeps with no worker: one stall
      expect(notices).toHaveLength(1);
      expect(noWorker()).toBe(1);
      // Work moves: a worker takes a job, then stops (finishing the job in hand); the rest wait again.
      running = await helper();
      await until(() => helperLog.some((l) => l.startsWith('started ')));
      await running.close();
      running = null;
      await pause(1500);
      expect(rows.length).toBeLessThan(grid.variants.length);
      expect(noWorker(), JSON.stringify([notices, helperLog, rows.length])).toBe(2);
      running = await helper();
      await batch;
    } finally {
      await running?.close();
      await coordinator.close();
    }
    expect(noWorker()).toBe(2);
    expect(rows.map((r) => r.id).sort()).toEqual(grid.variants.map((v) => v.id).sort());
  });

  /** A coordinator on a database no worker of its build reads, and the tiny scenario's two zonings as a batch. */
  async function unworkedBatch(version: string) {
    const coordinator = await connectQueueBatch({
      address,
      batchDir: path.join(repoRoot, 'scenarios'),
      timeLimit: 30,
      version,
      resume: false,
      notice: () => undefined,
      sweepMs: 100,
    });
    const grid = parseBatchFile(JSON.stringify({ base: 'tiny', grid: { zoning: ['one', 'two'] } }));
    if ('problems' in grid) throw new Error('bad test batch');
    return { coordinator, variants: grid.variants };
  }

  const returnsWithin = (run: Promise<void>, ms: number) =>
    Promise.race([run.then(() => 'returned'), pause(ms).then(() => 'still waiting')]);

  test('stopped by runBatch (a row that could not be written), the coordinator stops waiting and sweeping at once', async () => {
    const { coordinator, variants } = await unworkedBatch('test-stopped');
    const stop = new AbortController();
    try {
      // No worker of this build: without the stop, run would wait for ever.
      const run = coordinator.run(variants, () => undefined, stop.signal);
      await pause(300);
      stop.abort(new Error('no space left on device'));
      expect(await returnsWithin(run, 3000)).toBe('returned');
    } finally {
      await coordinator.close();
    }
  });

  test('stopped before it listens (a row that failed while the jobs were added or swept), the coordinator returns too', async () => {
    const { coordinator, variants } = await unworkedBatch('test-stopped-early');
    try {
      // An abort event fires once: a listener added after it never hears it.
      const run = coordinator.run(
        variants,
        () => undefined,
        AbortSignal.abort(new Error('no space left on device')),
      );
      expect(await returnsWithin(run, 3000)).toBe('returned');
    } finally {
      await coordinator.close();
    }
  });
});
