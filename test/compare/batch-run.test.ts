/**
 * The worker pool runs the built worker (dist/compare/batch-worker.js): build first.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseBatchFile, type Variant } from '../../src/compare/batch-file.js';
import { Piscina } from 'piscina';
import {
  landChunk,
  runBatch,
  workerEntry,
  type BatchSettings,
  type VariantExecutor,
} from '../../src/compare/batch-run.js';
import type { ChunkTask } from '../../src/compare/batch-worker.js';
import { failedRow, type BatchRow } from '../../src/compare/run-variant.js';
import { readScenario } from '../../src/io/read-scenario.js';
import { repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/scenario-folder.js';

let variants: Variant[];

beforeAll(() => {
  expect(existsSync(workerEntry().filename)).toBe(true);
  const parsed = parseBatchFile(
    JSON.stringify({
      base: 'tiny',
      variants: [
        { id: 'broken', overrides: { zoning: 'nowhere' } },
        { id: 'sampled', overrides: { demandMultiplier: 1.05 }, samples: 100, seed: 4 },
      ],
      grid: {
        zoning: ['one', 'two'],
        demandMultiplier: [0.9, 1, 1.1],
        'award.maxShareOfTotalHours': [0.6, 1],
      },
    }),
  );
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  variants = parsed.variants;
});

async function settings(workers: number, extra: Partial<BatchSettings> = {}): Promise<BatchSettings> {
  return {
    variants,
    batchDir: path.join(repoRoot, 'scenarios'),
    outDir: path.join(await tempDir('zonal-batch-'), 'out'),
    workers,
    resume: false,
    timeLimit: 30,
    version: 't',
    ...extra,
  };
}

/** Everything but the wall time of each solve. */
function timeless(rows: readonly BatchRow[]): unknown[] {
  return rows.map((r) => ({ ...r, solveSeconds: 0 }));
}

async function fileRows(outDir: string): Promise<BatchRow[]> {
  const text = await readFile(path.join(outDir, 'batch.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as BatchRow);
}

describe('runBatch', () => {
  test('results do not depend on the number of workers; a failing variant is isolated in its row', async () => {
    const one = await settings(1);
    const two = await settings(2);
    const a = await runBatch(one);
    const b = await runBatch(two);
    expect(a.total).toBe(14);
    expect(a.failed).toBe(1);
    expect(timeless(b.rows)).toEqual(timeless(a.rows));
    expect(timeless(await fileRows(two.outDir))).toEqual(timeless(a.rows));
    const broken = a.rows.find((r) => r.id === 'broken');
    expect(broken).toMatchObject({
      status: 'failed',
      metrics: null,
      error: expect.stringMatching(/zoning "nowhere"/),
    });
    const others = a.rows.filter((r) => r.id !== 'broken');
    expect(others.every((r) => r.status !== 'failed' && r.error === null)).toBe(true);
    // An impossible variant is a row with its diagnosis, not a score: one provider per lot at 110% demand leaves a single possible winner.
    const impossible = others.filter((r) => r.status === 'infeasible');
    expect(impossible.length).toBeGreaterThan(0);
    for (const r of impossible)
      expect(r).toMatchObject({
        metrics: null,
        diagnosis: expect.stringMatching(/at least 2 distinct providers: at most 1 can win/),
      });
    expect(
      others
        .filter((r) => r.status !== 'infeasible')
        .every((r) => r.metrics !== null && r.diagnosis === null),
    ).toBe(true);
    expect(others.filter((r) => r.status === 'optimal').length).toBeGreaterThanOrEqual(10);
    expect(a.rows.find((r) => r.id === 'sampled')?.sampling).toMatchObject({ samples: 100, seed: 4 });
    const csv = (await readFile(path.join(one.outDir, 'batch.csv'), 'utf8')).trim().split('\n');
    expect(csv.length).toBe(15);
    expect(csv[0]?.startsWith('index,id,base,status,error,')).toBe(true);
  });

  test('workers use the base scenarios handed to them, not the files again', async () => {
    const { scenario } = await readScenario(path.join(repoRoot, 'scenarios', 'tiny'));
    if (scenario === null) throw new Error('the tiny scenario has errors');
    // As read, less its zoning "two": variants of "two" can only fail if the workers use this one.
    const handed = {
      ...scenario,
      zonings: new Map([...scenario.zonings].filter(([name]) => name !== 'two')),
    };
    const read = await runBatch(await settings(2));
    const given = await runBatch(await settings(2, { bases: new Map([['tiny', handed]]) }));
    const on = (zoning: string) => (r: BatchRow) => (r.overrides as { zoning?: string }).zoning === zoning;
    expect(given.rows.filter(on('two')).length).toBe(6);
    for (const row of given.rows.filter(on('two')))
      expect(row).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/zoning "two" is not in the scenario/),
      });
    // Those of zoning "one" (its demand table put back together in each worker) are as when each worker reads the files.
    expect(given.rows.filter(on('one')).length).toBe(6);
    // The currency is the batch's stamp, from the bases it was given (`read` was given none).
    const unstamped = (rows: readonly BatchRow[]) => rows.map(({ currency: _, ...row }) => row);
    expect(timeless(unstamped(given.rows.filter(on('one'))))).toEqual(
      timeless(unstamped(read.rows.filter(on('one')))),
    );
    expect(given.rows.map((r) => r.currency)).toEqual(given.rows.map(() => 'GBP'));
  });

  test('a row that cannot be written (a full disk) fails the batch, not the process', async () => {
    const full = await settings(1, {
      onProgress: (done) => {
        if (done === 1) throw new Error('no space left on device');
      },
    });
    await expect(runBatch(full)).rejects.toThrow('no space left on device');
  });

  test('after a row cannot be written, no queued chunk of the thread pool runs: the batch fails at once', async () => {
    // Every chunk the pool is handed, and whether it ran to its end or was stopped.
    const outcomes: Promise<'ran' | 'stopped'>[] = [];
    const run = Piscina.prototype.run;
    Piscina.prototype.run = function (this: Piscina, ...args: Parameters<Piscina['run']>) {
      const task = run.apply(this, args);
      outcomes.push(
        task.then(
          () => 'ran' as const,
          () => 'stopped' as const,
        ),
      );
      return task;
    };
    try {
      const full = await settings(1, {
        onProgress: (done) => {
          if (done === 1) throw new Error('no space left on device');
        },
      });
      await expect(runBatch(full)).rejects.toThrow('no space left on device');
    } finally {
      Piscina.prototype.run = run;
    }
    // One thread, 14 variants: several chunks, the first in flight when its first row fails to be written.
    expect(outcomes.length).toBeGreaterThan(2);
    expect((await Promise.all(outcomes)).filter((o) => o === 'ran').length).toBeLessThanOrEqual(1);
  });

  test('after a row cannot be written, an executor is told to start no more variants, and the batch fails without waiting for the one in flight', async () => {
    const started: string[] = [];
    const executor: VariantExecutor = async (todo, land, stop) => {
      for (const variant of todo) {
        if (stop.aborted) return;
        started.push(variant.id);
        if (started.length === 1) land(failedRow(variant, 'a row to write'));
        else if (started.length === 2) await new Promise<void>(() => undefined); // a variant that never ends
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const full = await settings(1, {
      executor,
      onProgress: (done) => {
        if (done === 1) throw new Error('no space left on device');
      },
    });
    const outcome = await Promise.race([
      runBatch(full).then(
        () => 'finished',
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5000)),
    ]);
    expect(outcome).toBe('no space left on device');
    expect(started).toEqual([variants[0]?.id]);
  });

  test('--resume keeps finished rows, drops a line cut short and the failed row, and runs only the rest', async () => {
    const first = await settings(2);
    const full = await runBatch(first);
    const lines = (await readFile(path.join(first.outDir, 'batch.jsonl'), 'utf8')).split('\n');
    await writeFile(
      path.join(first.outDir, 'batch.jsonl'),
      `${lines.slice(0, 5).join('\n')}\n${(lines[5] ?? '').slice(0, 30)}`,
    );
    const resumed = await runBatch({ ...first, resume: true });
    // of the 5 whole lines, one is the failed variant "broken": it runs again
    expect(resumed.resumed).toBe(4);
    expect(resumed.ran).toBe(10);
    expect(timeless(resumed.rows)).toEqual(timeless(full.rows));
    expect(timeless(await fileRows(first.outDir))).toEqual(timeless(full.rows));
    const again = await runBatch({ ...first, resume: true });
    expect([again.resumed, again.ran]).toEqual([13, 1]);
  });

  test('--resume runs again a variant whose definition changed under the same id, and keeps the others', async () => {
    const first = await settings(2);
    const full = await runBatch(first);
    const sampled = full.rows.find((r) => r.id === 'sampled');
    expect(sampled?.overrides).toEqual({ demandMultiplier: 1.05 });
    // The analyst edits the variant "sampled" in the batch file: more demand, another seed.
    const edited = variants.map((v) =>
      v.id === 'sampled' ? { ...v, overrides: { demandMultiplier: 1.1 }, seed: 5 } : v,
    );
    const resumed = await runBatch({ ...first, variants: edited, resume: true });
    // 14 variants: "broken" failed (runs again), "sampled" is redefined, 12 kept.
    expect([resumed.resumed, resumed.redefined, resumed.ran]).toEqual([12, 1, 2]);
    const again = resumed.rows.find((r) => r.id === 'sampled');
    expect(again?.overrides).toEqual({ demandMultiplier: 1.1 });
    expect(again?.sampling).toMatchObject({ seed: 5 });
    expect(again?.metrics?.demandHoursPerWeek).toBeGreaterThan(
      sampled?.metrics?.demandHoursPerWeek ?? Infinity,
    );
    // Only the seed changed: the sampling differs, so it runs again too.
    const reseeded = edited.map((v) => (v.id === 'sampled' ? { ...v, seed: 6 } : v));
    const third = await runBatch({ ...first, variants: reseeded, resume: true });
    expect([third.resumed, third.redefined, third.ran]).toEqual([12, 1, 2]);
  });

  test('--resume runs again the rows solved from an earlier version of their base (a price fixed since), and keeps the others', async () => {
    const first = await settings(2, { baseInputs: new Map([['tiny', 'before']]) });
    await runBatch(first);
    expect((await fileRows(first.outDir)).every((r) => r.baseInput === 'before')).toBe(true);
    const same = await runBatch({ ...first, resume: true });
    expect([same.resumed, same.stale, same.ran]).toEqual([13, 0, 1]);
    const changed = await runBatch({ ...first, resume: true, baseInputs: new Map([['tiny', 'after']]) });
    expect([changed.resumed, changed.stale, changed.ran]).toEqual([0, 13, 14]);
    expect((await fileRows(first.outDir)).every((r) => r.baseInput === 'after')).toBe(true);
  });

  // mend17d: until then only the rows runVariant made named one; these were blank in batch.csv and batch.jsonl.
  test("every row names its base's currency: one failed outside its variant (a worker stopped, a queue job) and one kept by --resume from an older journal", async () => {
    const { scenario } = await readScenario(path.join(repoRoot, 'scenarios', 'tiny'));
    if (scenario === null) throw new Error('the tiny scenario has errors');
    const bases = new Map([['tiny', { ...scenario, currency: 'EUR' }]]);
    // As a zonal before mend17b wrote them: rows with no currency, all but the last three variants.
    const older: VariantExecutor = async (todo, land) => {
      for (const variant of todo.slice(0, -3))
        land({ ...failedRow(variant, ''), status: 'infeasible', error: null, diagnosis: 'relax it' });
    };
    const first = await settings(1, { executor: older });
    await runBatch(first);
    expect((await fileRows(first.outDir)).map((r) => r.currency)).toEqual(
      Array(variants.length - 3).fill(undefined),
    );
    const failing: VariantExecutor = async (todo, land) => {
      for (const variant of todo) land(failedRow(variant, 'the worker stopped: out of memory'));
    };
    const resumed = await runBatch({ ...first, executor: failing, resume: true, bases });
    expect([resumed.resumed, resumed.ran]).toEqual([variants.length - 3, 3]);
    const everyRow = Array(variants.length).fill('EUR');
    expect(resumed.rows.map((r) => r.currency)).toEqual(everyRow);
    expect((await fileRows(first.outDir)).map((r) => r.currency)).toEqual(everyRow);
    const csv = (await readFile(path.join(first.outDir, 'batch.csv'), 'utf8')).trim().split('\n');
    expect(csv.map((line) => line.split(',').at(-1))).toEqual(['currency', ...everyRow]);
  });

  test('--resume keeps rows written before rows recorded their base, and counts them as untraced, not stale', async () => {
    const first = await settings(2);
    await runBatch(first); // no base inputs: rows as an older zonal wrote them
    expect((await fileRows(first.outDir)).some((r) => r.baseInput !== undefined)).toBe(false);
    const resumed = await runBatch({ ...first, resume: true, baseInputs: new Map([['tiny', 'now']]) });
    expect([resumed.resumed, resumed.stale, resumed.untraced, resumed.ran]).toEqual([13, 0, 13, 1]);
  });
});

/**
 * A stand-in for piscina's run: a real thread that posts a row for each of
 * the first `finish` variants through the chunk's port, then ends as `how` says.
 */
function threadThat(finish: number, how: 'returns' | 'exits' | 'throws') {
  return (task: Pick<ChunkTask, 'tasks' | 'rows'>, options: { transferList: unknown[] }) =>
    new Promise<unknown>((resolve, reject) => {
      const worker = new Worker(
        `const { parentPort } = require('node:worker_threads');
         parentPort.once('message', ({ rows, ids, finish, how }) => {
           for (const id of ids.slice(0, finish)) rows.postMessage({ id, status: 'optimal' });
           if (how === 'exits') process.exit(7);
           if (how === 'throws') throw new Error('out of memory');
           rows.postMessage(null);
           rows.close();
           parentPort.postMessage(ids.length);
         });`,
        { eval: true },
      );
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`exit code ${code}`)));
      worker.postMessage(
        { rows: task.rows, ids: task.tasks.map((t) => t.variant.id), finish, how },
        options.transferList as never,
      );
    });
}

describe('landChunk', () => {
  const chunk = () => variants.slice(2, 7);
  const tasks = () => chunk().map((variant) => ({ variant, baseDir: 'x', timeLimit: 1, version: 't' }));

  test('every row lands once, as the worker posts it', async () => {
    const landed: Array<Pick<BatchRow, 'id' | 'status'>> = [];
    await landChunk(threadThat(5, 'returns'), chunk(), tasks(), (row) => landed.push(row));
    expect(landed).toEqual(chunk().map((v) => ({ id: v.id, status: 'optimal' })));
  });

  test.each(['exits', 'throws'] as const)(
    'a worker that %s mid-chunk keeps the rows it finished; only the rest are failed',
    async (how) => {
      const landed: BatchRow[] = [];
      await landChunk(threadThat(2, how), chunk(), tasks(), (row) => landed.push(row));
      const [done, rest] = [chunk().slice(0, 2), chunk().slice(2)];
      expect(landed.slice(0, 2)).toEqual(done.map((v) => ({ id: v.id, status: 'optimal' })));
      const reason = how === 'exits' ? 'exit code 7' : 'out of memory';
      expect(landed.slice(2)).toEqual(rest.map((v) => failedRow(v, `the worker stopped: ${reason}`)));
    },
  );

  test('a task that never reaches a worker fails every variant of its chunk', async () => {
    const landed: BatchRow[] = [];
    await landChunk(
      () => Promise.reject(new Error('pool closed')),
      chunk(),
      tasks(),
      (row) => landed.push(row),
    );
    expect(landed).toEqual(chunk().map((v) => failedRow(v, 'the worker stopped: pool closed')));
  });
});
