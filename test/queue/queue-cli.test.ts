/**
 * `zonal batch --queue` and `zonal worker` on a real redis-server, started
 * by this file on a free loopback port and stopped after. Needs Debian's
 * redis-server (scripts/ensure-redis.sh, run by .ci/run): without it these
 * tests fail, they do not skip. Each test uses its own Redis database.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { appendFile, cp, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startRedis, type LocalRedis } from '../../src/bench/redis-server.js';
import type { BatchRow } from '../../src/compare/run-variant.js';
import { assertBuilt, bin, node, repoRoot, zonal } from '../helpers/cli.js';
import { startZonal, type Running } from '../helpers/running.js';
import { tempDir } from '../helpers/scenario-folder.js';

let redis: LocalRedis;
let batchFile: string;
let localRows: unknown[];
let localCsv: string[];

/** Enough sampling that a variant takes a while, so a worker can be killed in the middle of one. */
const batch = {
  base: 'tiny',
  samples: 800,
  seed: 3,
  // A combination the base cannot take (a lead share on the lot the shared option makes "sole"): a
  // failed row, not a batch refused (a variant wrong on its own is refused before anything runs).
  overrides: { option: 'sole' },
  variants: [{ id: 'broken', overrides: { lots: { standard: { leadShare: 0.7 } } } }],
  grid: { zoning: ['one', 'two'], demandMultiplier: [0.9, 0.95, 1, 1.05, 1.1] },
};

function db(n: number): string {
  return redis.url.replace(/\/0$/, `/${n}`);
}

async function out(): Promise<string> {
  return path.join(await tempDir('zonal-queue-out-'), 'out');
}

/** Everything but the wall time of each solve. */
async function rowsOf(dir: string): Promise<unknown[]> {
  const text = await readFile(path.join(dir, 'batch.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((l) => ({ ...(JSON.parse(l) as BatchRow), solveSeconds: 0 }));
}

/** batch.csv rows without the solve_seconds column (a timing), one string per row. */
async function csvOf(dir: string): Promise<string[]> {
  const text = await readFile(path.join(dir, 'batch.csv'), 'utf8');
  const rows = Papa.parse<string[]>(text.trim()).data;
  const at = rows[0]?.indexOf('solve_seconds') ?? -1;
  return rows.map((row) => JSON.stringify(row.filter((_, i) => i !== at)));
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

async function worker(url: string, ...more: string[]): Promise<Running> {
  const w = startZonal(['worker', url, '--concurrency', '1', '--lock-seconds', '2', ...more]);
  await w.waitFor(/worker on redis:/);
  return w;
}

/**
 * Kill a worker (one solver thread) while it holds a job: wait until its log
 * shows a job started and not done, freeze it (SIGSTOP) so it cannot finish,
 * let its last lines arrive, and if the job is still in hand, SIGKILL it.
 * Returns the variant it held.
 */
async function killHoldingJob(w: Running): Promise<string> {
  const inHand = (text: string) => {
    const started = [...text.matchAll(/^\S+ started (\S+)/gm)].map((m) => m[1] ?? '');
    const last = started[started.length - 1];
    return last !== undefined &&
      !new RegExp(`^\\S+ (done|failed) ${last}:`, 'm').test(text.slice(text.lastIndexOf(` started ${last}`)))
      ? last
      : null;
  };
  for (;;) {
    await w.waitFor((text) => inHand(text) !== null);
    w.child.kill('SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const held = inHand(w.stdout());
    if (held !== null) {
      w.child.kill('SIGKILL');
      await w.exited;
      return held;
    }
    w.child.kill('SIGCONT');
  }
}

/** Kill a worker the moment its log shows it has started the variant `id` (its `try`th try): that variant is in hand. */
async function killHolding(w: Running, id: string, attempt: number): Promise<void> {
  const started = new RegExp(`^\\S+ started ${id}${attempt > 1 ? ` \\(try ${attempt}\\)` : ''}$`, 'm');
  await w.waitFor(started);
  w.child.kill('SIGKILL');
  await w.exited;
  expect(w.stdout()).not.toMatch(new RegExp(`(done|failed) ${id}:`));
}

const backOnTheQueue =
  /^variant slow: its worker stopped answering; the job goes back on the queue for another worker$/gm;

let slow: Promise<{ file: string; local: unknown[] }> | null = null;

/**
 * A batch whose variant "slow" (a county with 100000 demand samples) takes seconds, so each
 * worker can be killed while it holds it, beside six quick ones; and its rows as a local batch.
 */
function slowBatch(): Promise<{ file: string; local: unknown[] }> {
  slow ??= (async () => {
    const dir = path.dirname(batchFile);
    await cp(path.join(repoRoot, 'scenarios', 'hertfordshire'), path.join(dir, 'hertfordshire'), {
      recursive: true,
    });
    const file = path.join(dir, 'slow.json');
    await writeFile(
      file,
      JSON.stringify({
        base: 'tiny',
        variants: [{ id: 'slow', base: 'hertfordshire', samples: 100000, seed: 1 }],
        grid: { zoning: ['one', 'two'], demandMultiplier: [0.9, 1, 1.1] },
      }),
    );
    const local = await out();
    const r = await zonal(['batch', file, '--workers', '1', '--out', local]);
    expect(r.code, r.stderr).toBe(0);
    return { file, local: await rowsOf(local) };
  })();
  return slow;
}

/**
 * The slow batch on the queue at `url`: `deaths` workers in turn killed while they hold "slow",
 * then one more left to finish; its rows, and the local batch's.
 */
async function slowBatchKilling(
  url: string,
  deaths: number,
): Promise<{ coordinator: Running; last: Running; rows: unknown[]; local: unknown[] }> {
  const { file, local } = await slowBatch();
  const queued = await out();
  const coordinator = startZonal(['batch', file, '--queue', url, '--out', queued]);
  for (let attempt = 1; attempt <= deaths; attempt++) await killHolding(await worker(url), 'slow', attempt);
  const last = await worker(url);
  expect(await coordinator.exited, coordinator.stderr()).toBe(0);
  expect(await stop(last)).toBe(0);
  return { coordinator, last, rows: await rowsOf(queued), local };
}

/** Jobs in database 0 of a server: none right after a restart without persistence. */
async function jobsIn(server: LocalRedis): Promise<number> {
  const client = new Redis({ port: server.port, lazyConnect: true });
  try {
    await client.connect();
    return (await client.keys('bull:zonal-batch-*:zonal-*')).length;
  } finally {
    client.disconnect();
  }
}

/** Wait until `ready()` holds, polling; fail after `ms` with `what` (the output so far, say). */
async function until(ready: () => boolean, what: () => string, ms = 30_000): Promise<void> {
  for (const deadline = Date.now() + ms; !ready(); ) {
    expect(Date.now(), what()).toBeLessThan(deadline);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stop(w: Running): Promise<number | null> {
  w.child.kill('SIGTERM');
  return w.exited;
}

beforeAll(async () => {
  assertBuilt();
  redis = await startRedis();
  const dir = await tempDir('zonal-queue-batch-');
  await cp(path.join(repoRoot, 'scenarios', 'tiny'), path.join(dir, 'tiny'), { recursive: true });
  batchFile = path.join(dir, 'batch.json');
  await writeFile(batchFile, JSON.stringify(batch, null, 2));
  const local = await out();
  const r = await zonal(['batch', batchFile, '--workers', '2', '--out', local]);
  expect(r.code, r.stderr).toBe(0);
  localRows = await rowsOf(local);
  localCsv = await csvOf(local);
  expect(localRows.length).toBe(11);
}, 120_000);

afterAll(async () => {
  await redis?.stop();
});

describe('zonal batch --queue with zonal worker', () => {
  test('two workers, one killed mid-job: the job is retried by the other and the rows equal the local batch, row for row', async () => {
    const url = db(1);
    const [a, b] = await Promise.all([worker(url), worker(url)]);
    const dir = await out();
    const coordinator = startZonal(['batch', batchFile, '--queue', url, '--out', dir]);
    const held = await killHoldingJob(a);
    expect(await coordinator.exited, coordinator.stderr()).toBe(0);
    expect(await stop(b)).toBe(0);
    expect(coordinator.stderr()).toContain(
      `variant ${held}: its worker stopped answering; the job goes back on the queue for another worker`,
    );
    expect(b.stdout()).toContain(`started ${held} (try 2)`);
    expect(b.stdout()).toMatch(new RegExp(`done ${held}: `));
    expect(coordinator.stdout()).toMatch(/11 variants: ran 11 on the queue at redis:\/\/127\.0\.0\.1:\d+\/1/);
    expect(await rowsOf(dir)).toEqual(localRows);
    expect(await csvOf(dir)).toEqual(localCsv);
  });

  test('every worker gone mid-batch: the coordinator says so rather than waiting in silence, and a worker started then finishes the batch', async () => {
    const url = db(6);
    const a = await worker(url);
    const dir = await out();
    const coordinator = startZonal(['batch', batchFile, '--queue', url, '--out', dir]);
    await killHoldingJob(a);
    const told =
      /no zonal \S+ worker is connected: \d+ (variant waits|variants wait) on the queue; start one with: zonal worker redis:\/\/127\.0\.0\.1:\d+\/6/;
    await until(
      () => told.test(coordinator.stderr()),
      () => `no word of the missing workers; stderr:\n${coordinator.stderr()}`,
    );
    const b = await worker(url);
    expect(await coordinator.exited, coordinator.stderr()).toBe(0);
    expect(await stop(b)).toBe(0);
    expect(await rowsOf(dir)).toEqual(localRows);
  }, 90_000);

  test('a worker killed holding a job, and the next one holding it killed too: a third worker solves it, and no row is lost or doubled', async () => {
    const { coordinator, last: third, rows, local } = await slowBatchKilling(db(8), 2);
    expect(third.stdout()).toMatch(/ started slow \(try 3\)\n.* done slow: optimal\n/);
    expect(count(coordinator.stderr(), backOnTheQueue)).toBe(2);
    expect(coordinator.stdout()).toMatch(/^7 variants: ran 7 on the queue .*\nNo variant failed\./);
    expect(rows.map((r) => (r as BatchRow).id)).toEqual(local.map((r) => (r as BatchRow).id));
    expect(rows).toEqual(local);
  }, 120_000);

  test("a job whose worker is killed a third time is given up: the coordinator says so, and its row says why in words, not in BullMQ's", async () => {
    const { coordinator, rows, local } = await slowBatchKilling(db(9), 3);
    const stderr = coordinator.stderr();
    expect(count(stderr, backOnTheQueue)).toBe(2);
    expect(stderr).toMatch(
      /^variant slow: its worker stopped answering again \(3 times\): it is given up, as it may be what stops them; its row says failed$/m,
    );
    const given = {
      status: 'failed',
      error:
        'the queue gave it up: the workers solving it stopped answering 3 times (killed, out of memory or cut off from Redis), and it may be what stops them: run it again with --resume',
      // mend17d: until then blank, as a row failed outside its variant had no currency.
      currency: 'GBP',
    };
    expect(coordinator.stdout()).toContain(
      `1 variant failed: see the "error" column.\n  slow: ${given.error}\n`,
    );
    expect(rows.find((r) => (r as BatchRow).id === 'slow')).toMatchObject(given);
    // The other rows are the local batch's, none lost or doubled.
    const others = (r: unknown) => (r as BatchRow).id !== 'slow';
    expect(rows.filter(others)).toEqual(local.filter(others));
  }, 150_000);

  test('a worker built from other code under the same version number takes none of the batch', async () => {
    const url = db(7);
    const other = await tempDir('zonal-other-build-');
    await cp(path.join(repoRoot, 'bin'), path.join(other, 'bin'), { recursive: true });
    await cp(path.join(repoRoot, 'dist'), path.join(other, 'dist'), {
      recursive: true,
      filter: (file) => !file.endsWith('.v8cache'),
    });
    await cp(path.join(repoRoot, 'package.json'), path.join(other, 'package.json'));
    await symlink(path.join(repoRoot, 'node_modules'), path.join(other, 'node_modules'));
    // Another commit's solver: the same version in package.json, other worker code.
    await appendFile(path.join(other, 'dist', 'bundle', 'batch-worker.cjs'), '\n// another commit\n');
    const stray = spawn(process.execPath, [
      path.join(other, 'bin', 'zonal.js'),
      'worker',
      url,
      '--concurrency',
      '1',
    ]);
    let log = '';
    stray.stdout.on('data', (d: Buffer) => (log += d.toString('utf8')));
    try {
      await until(
        () => / worker on redis:/.test(log),
        () => `the other build's worker did not start: ${log}`,
      );
      const coordinator = startZonal(['batch', batchFile, '--queue', url, '--out', await out()]);
      await until(
        () => / on queue "/.test(coordinator.stderr()),
        () => `no queue line: ${coordinator.stderr()}`,
      );
      coordinator.child.kill('SIGINT');
      await coordinator.exited;
      expect(coordinator.stderr()).toMatch(/; no zonal \S+ worker is connected yet/);
      expect(log).not.toMatch(/ started /);
    } finally {
      stray.kill('SIGKILL');
    }
  });

  test('--resume after the coordinator is killed collects what the workers finished meanwhile: no row lost, none twice', async () => {
    const url = db(2);
    const w = await worker(url);
    const dir = await out();
    const first = startZonal(['batch', batchFile, '--queue', url, '--out', dir]);
    await w.waitFor((text) => count(text, /^\S+ done /gm) >= 2);
    first.child.kill('SIGKILL');
    await first.exited;
    await w.waitFor((text) => count(text, /^\S+ done /gm) === 11, 120_000);
    const second = await zonal(['batch', batchFile, '--queue', url, '--out', dir, '--resume']);
    expect(second.code, second.stderr).toBe(0);
    expect(await stop(w)).toBe(0);
    expect(second.stdout).toMatch(/^11 variants/);
    // Most rows were collected, not solved, in this run: a rate over its seconds would mislead.
    expect(second.stdout).toMatch(/so no rate is given/);
    expect(second.stdout).not.toMatch(/variants\/s/);
    expect(await rowsOf(dir)).toEqual(localRows);
    // Each variant solved once; "broken" (a failed row) may run again, as --resume tries failed rows again.
    const solved = [...w.stdout().matchAll(/^\S+ started (\S+)/gm)]
      .map((m) => m[1])
      .filter((id) => id !== 'broken');
    expect(solved.length).toBe(10);
    expect(new Set(solved).size).toBe(10);
  });

  test('Redis restarted empty mid-batch (no persistence): the coordinator queues the lost variants again and no row is lost', async () => {
    const own = await startRedis();
    let restarted: LocalRedis | null = null;
    try {
      const w = await worker(own.url);
      const dir = await out();
      const coordinator = startZonal(['batch', batchFile, '--queue', own.url, '--out', dir]);
      await w.waitFor((text) => count(text, /^\S+ done /gm) >= 2);
      await own.stop();
      restarted = await startRedis(own.port);
      expect(await jobsIn(restarted)).toBe(0);
      expect(await coordinator.exited, coordinator.stderr()).toBe(0);
      expect(await stop(w)).toBe(0);
      expect(await rowsOf(dir)).toEqual(localRows);
    } finally {
      await restarted?.stop();
    }
  });

  test('a batch run again without --resume solves again; a run with --resume takes the finished jobs from the queue and tries the failed one again', async () => {
    const url = db(3);
    const quick = path.join(path.dirname(batchFile), 'quick.json');
    await writeFile(quick, JSON.stringify({ ...batch, samples: undefined }));
    const w = await worker(url);
    const first = await zonal(['batch', quick, '--queue', url, '--out', await out()]);
    expect(first.code, first.stderr).toBe(0);
    const startedOnce = count(w.stdout(), /^\S+ started /gm);
    const resumed = await zonal(['batch', quick, '--queue', url, '--out', await out(), '--resume']);
    expect(count(w.stdout(), /^\S+ started /gm)).toBe((startedOnce ?? 0) + 1);
    expect(
      w
        .stdout()
        .trim()
        .split('\n')
        .filter((l) => / started /.test(l))
        .at(-1),
    ).toMatch(/ started broken$/);
    const again = await zonal(['batch', quick, '--queue', url, '--out', await out()]);
    expect(await stop(w)).toBe(0);
    expect(startedOnce).toBe(11);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(again.code, again.stderr).toBe(0);
    expect(count(w.stdout(), /^\S+ started /gm)).toBe(23);
  });
});

describe('when Redis cannot be used', () => {
  test('unreachable: a clear message, exit 1, and no output folder', async () => {
    const dir = await out();
    const closed = `redis://:s3cret@127.0.0.1:${redis.port + 1}/0`;
    const r = await zonal(['batch', batchFile, '--queue', closed, '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^zonal batch: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/0 \(password set\): nothing is listening there: start redis-server, or check the host and port\nNothing was written\.\n$/,
    );
    expect(r.stderr + r.stdout).not.toContain('s3cret');
    expect(existsSync(dir)).toBe(false);
    const w = await zonal(['worker', closed]);
    expect(w.code).toBe(1);
    expect(w.stderr).toMatch(/cannot reach Redis/);
    expect(w.stderr).not.toContain('s3cret');
  });

  test('a database the server does not have: exit 1 and no output folder, not a batch run in database 0', async () => {
    // redis-server has 16 databases (0-15) unless told otherwise.
    const missing = db(99);
    const dir = await out();
    const r = await zonal(['batch', batchFile, '--queue', missing, '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^zonal batch: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/99: database 99 does not exist on this server: use a smaller number\nNothing was written\.\n$/,
    );
    expect(existsSync(dir)).toBe(false);
    const w = await zonal(['worker', missing]);
    expect(w.code).toBe(1);
    expect(w.stderr).toMatch(/database 99 does not exist/);
  });

  test('a port where something other than Redis answers (a web server): says so, exit 1, nothing written', async () => {
    const web = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const url = `redis://127.0.0.1:${(web.address() as AddressInfo).port}/0`;
    try {
      const dir = await out();
      const r = await zonal(['batch', batchFile, '--queue', url, '--out', dir]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^zonal batch: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/0: something other than Redis answers there \(it sent "H"\): check the port \(Redis's own is 6379\)\nNothing was written\.\n$/,
      );
      expect(existsSync(dir)).toBe(false);
    } finally {
      web.close();
    }
  });

  test('rediss:// (TLS) at a server without TLS: one message that says to try redis://, exit 1', async () => {
    const dir = await out();
    const r = await zonal([
      'batch',
      batchFile,
      '--queue',
      redis.url.replace(/^redis:/, 'rediss:'),
      '--out',
      dir,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^zonal batch: cannot reach Redis at rediss:\/\/127\.0\.0\.1:\d+\/0: no answer within 5 s: check the host, the port and any firewall; if the server does not use TLS, write redis:\/\/ rather than rediss:\/\/\nNothing was written\.\n$/,
    );
    expect(existsSync(dir)).toBe(false);
  }, 20_000);

  test('a worker that cannot make its scenario folder (TMPDIR missing): one message naming it, exit 1, no stack', async () => {
    const r = await node([bin, 'worker', redis.url], repoRoot, { TMPDIR: '/nonexistent/zonal-tmp' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^zonal worker: cannot make a folder for the scenarios in \/nonexistent\/zonal-tmp \(the system's temporary folder, TMPDIR\): no such folder: create it, or set TMPDIR to a folder this worker can write\nNo job was taken\.\n$/,
    );
  });

  test('a URL that is not a Redis URL, or --workers with --queue: exit 2 and one message', async () => {
    const bad = await zonal(['batch', batchFile, '--queue', 'http://127.0.0.1:6379', '--out', await out()]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^zonal batch: .* not a Redis URL \(scheme "http:"\): use redis:\/\/ or rediss:\/\//,
    );
    const both = await zonal([
      'batch',
      batchFile,
      '--queue',
      redis.url,
      '--workers',
      '2',
      '--out',
      await out(),
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--workers 2 counts local threads/);
    const none = await zonal(['worker'], repoRoot);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^zonal worker: no Redis address: give one .* or set ZONAL_REDIS_URL/);
  });
});
