/**
 * The coordinator of `zonal batch --queue` (connectQueueBatch) on a real
 * redis-server started by this file: its "no worker is connected" belongs to a
 * running batch. Redis is paused (CLIENT PAUSE) so that the coordinator's count
 * of workers is still unanswered when the batch ends; the answer, no worker,
 * then comes after. Needs Debian's redis-server, as test/queue/queue-cli.test.ts.
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startRedis, type LocalRedis } from '../../src/bench/redis-server.js';
import { connectQueueBatch } from '../../src/queue/queue-batch.js';
import { parseRedisAddress } from '../../src/queue/redis-address.js';
import { solverBuild } from '../../src/queue/solver-build.js';
import { queueNameOf } from '../../src/queue/variant-job.js';

let redis: LocalRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => redis?.stop());

const version = 'test';
const sweepMs = 50;
const pauseMs = 1000;

/** A worker that takes one job and never finishes it: work has moved, so the coordinator watches for its going. */
async function takeOneJob(): Promise<Worker> {
  let took: () => void = () => undefined;
  const taken = new Promise<void>((resolve) => (took = resolve));
  const worker = new Worker(
    queueNameOf(solverBuild(version)),
    () => {
      took();
      return new Promise(() => undefined);
    },
    { connection: new Redis(redis.url, { maxRetriesPerRequest: null }) },
  );
  worker.on('error', () => undefined);
  await taken;
  return worker;
}

/**
 * One variant on the queue; a worker takes it and goes while Redis holds every command back,
 * so the coordinator's sweeps ask for the workers and wait. `endFirst`: the batch ends before
 * Redis answers. The lines said after the batch ended, and all of them.
 */
async function workerGoesWhileAsked(seed: number, endFirst: boolean) {
  const parsed = parseRedisAddress(redis.url, {});
  if (parsed.kind !== 'ok') throw new Error(parsed.message);
  const lines: string[] = [];
  const batch = await connectQueueBatch({
    address: parsed.address,
    batchDir: path.resolve('scenarios'),
    timeLimit: 10,
    version,
    resume: false,
    notice: (line) => lines.push(line),
    sweepMs,
  });
  const admin = new Redis(redis.url);
  try {
    const stop = new AbortController();
    const variant = { id: `v${seed}`, index: 0, base: 'tiny', overrides: {}, samples: null, seed };
    const ran = batch.run([variant], () => undefined, stop.signal);
    await expect.poll(() => lines.length, { timeout: 20_000 }).toBe(1);
    const worker = await takeOneJob();
    await sleep(2 * sweepMs);
    await admin.client('PAUSE', pauseMs, 'ALL');
    const gone = worker.close(true).catch(() => undefined);
    // Several sweeps while Redis is paused: each one's count of workers waits for its answer.
    await sleep(6 * sweepMs);
    if (!endFirst) await expect.poll(() => lines.length, { timeout: 10_000 }).toBe(2);
    stop.abort();
    await ran;
    const ended = lines.length;
    await gone;
    // The pause is over and Redis has answered every sweep: no worker.
    await sleep(pauseMs + 10 * sweepMs);
    return { after: lines.slice(ended), lines };
  } finally {
    admin.disconnect();
    await batch.close();
  }
}

describe('the coordinator of a queue batch', () => {
  test('says "no worker is connected" while its batch runs', async () => {
    const { after, lines } = await workerGoesWhileAsked(1, false);
    expect(lines[1]).toMatch(
      /^no zonal test\+\w+ worker is connected: 1 variant waits on the queue; start one with: zonal worker redis:\/\/127\.0\.0\.1:\d+\/0$/,
    );
    expect(after).toEqual([]);
  });

  test('says nothing once its batch has ended, though the count of workers comes back after', async () => {
    // Until 2026-12-02 "no … worker is connected: 1 variant wait on the queue" came after the batch had ended.
    const { after, lines } = await workerGoesWhileAsked(2, true);
    expect(after).toEqual([]);
    expect(lines).toHaveLength(1);
  });
});
