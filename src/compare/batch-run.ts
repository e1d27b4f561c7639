/**
 * runBatch: variants → a pool of worker threads → rows streamed to
 * batch.jsonl and batch.csv as they finish. This is the batch's I/O edge.
 *
 *   1. with --resume, keep the finished rows of the last run (batch.jsonl)
 *   2. rewrite both files from those rows (a clean start without --resume)
 *   3. run the other variants (in piscina workers, or through a Redis queue when
 *      an executor is given); append each row as it lands, so a killed run
 *      keeps everything finished so far
 *   4. rewrite both files in variant order, so the output does not depend on
 *      the number of workers or on which finished first
 */
import { setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { compileSharedHighs, type PooledHighs } from '../solve/highs-shared.js';
import type { Variant } from './batch-file.js';
import { chunkVariants } from './batch-chunks.js';
import { optimiseOnlyLastingHotCode } from './batch-jit.js';
import { scavengeForThreads } from './batch-gc.js';
import { answersVariant, readJournal, sortRows } from './batch-output.js';
import {
  batchFiles,
  journalLine,
  openJournal,
  rewriteBatchFiles,
  type JournalLine,
} from './batch-journal.js';
import type { ChunkTask, HandedBases, VariantTask } from './batch-worker.js';
import type { Scenario } from '../model/types.js';
import { failedRow, type BatchRow } from './run-variant.js';

/**
 * Runs variants somewhere and hands each row to `land` as it finishes, at
 * most once per variant: worker threads here (`startThreadPool`), a Redis
 * queue in queue/queue-batch.ts. `stop` is aborted when a row cannot be
 * written (a full disk): start no variant after it; runBatch fails at once,
 * without waiting for those in flight.
 */
export type VariantExecutor = (
  todo: readonly Variant[],
  land: (row: BatchRow) => void,
  stop: AbortSignal,
) => Promise<void>;

export interface BatchSettings {
  readonly variants: readonly Variant[];
  /** Folder of batch.json: variant bases are relative to it. */
  readonly batchDir: string;
  readonly outDir: string;
  /** Worker threads of the default executor. */
  readonly workers: number;
  /** Where the variants run. @defaultValue worker threads (startThreadPool) */
  readonly executor?: VariantExecutor;
  readonly resume: boolean;
  readonly timeLimit: number;
  readonly version: string;
  /** The batch file's "name", the title of batch.xlsx. @defaultValue null ("zonal batch") */
  readonly name?: string | null;
  /** Each base's input hash, by the name the batch file gives it: rows are stamped with it, and --resume keeps only rows of the same. */
  readonly baseInputs?: ReadonlyMap<string, string>;
  /**
   * The base scenarios as read and checked before the batch, by the name the batch file gives
   * them: handed to each worker thread as it starts (batch-worker.ts `HandedBases`); a base
   * not here is read by each worker on its first variant.
   */
  readonly bases?: ReadonlyMap<string, Scenario>;
  /** Called once the output folder is ready (it holds the rows kept by --resume), before any variant runs. */
  readonly onStart?: () => void;
  /** Called once before solving (with the rows kept by --resume) and after every row. */
  readonly onProgress?: (done: number, total: number) => void;
  /** How the worker threads run HiGHS (solve/highs-shared.ts). @defaultValue 'by-size' */
  readonly highs?: PooledHighs;
  /** Variables of the award model of the largest base, as written: with the variants to run, it decides how HiGHS is compiled (solve/highs-shared.ts). @defaultValue 0 */
  readonly largestModel?: number;
}

export interface BatchSummary {
  readonly total: number;
  readonly resumed: number;
  /** Finished rows --resume ran again because their variant is defined differently in the batch file now. */
  readonly redefined: number;
  /** Finished rows --resume ran again because their base has changed since they were solved. */
  readonly stale: number;
  /** Finished rows --resume kept though it cannot tell their base's version: written before rows recorded it. */
  readonly untraced: number;
  readonly ran: number;
  /** Worker threads this run started: no more than the variants it ran (--resume may leave a few); 0 when an executor ran them. */
  readonly workers: number;
  readonly failed: number;
  readonly rows: readonly BatchRow[];
  readonly files: readonly string[];
}

/**
 * A worker's young generation (V8's heap for short-lived objects), in MB.
 * A variant makes many short-lived objects, and a larger nursery collects
 * them less often, but each page it grows into is a page fault the first time it
 * is touched (15-20 µs each on the 2-core machine zonal is measured on), paid
 * again by every worker. On the bench's grid, alternating in one spell, four rounds
 * each (docs/performance.md, "Batch"): 32 MB gave 63.8-66.7 variants/s with one worker
 * and 101.5-108.6 with two (17.4-18.8 ms of CPU a variant with two), against
 * 60.1-68.9 and 93.2-100.2 (19.1-20.1 ms) with 64 MB; 60-65 page faults a variant
 * with one worker and 90-94 with two, against 80-82 and 123-127. 16 MB was no
 * better than 32 and varied more.
 */
export const workerYoungGenerationMb = 32;

/** The file a worker thread of the batch's pool loads, and the arguments it is given (piscina's `argv`). */
export interface WorkerEntry {
  readonly filename: string;
  readonly argv: string[];
}

/**
 * The compiled worker: the bundled one that `zonal batch` runs, also for callers of the
 * unbundled dist/ (the bench, `zonal worker`, tests), so that they measure what a user
 * runs; the unbundled worker (dist/compare/batch-worker.js) when there is no bundle.
 * Tests run the TypeScript sources, whose worker must still be a built one (piscina
 * loads a file), so they point at dist/.
 *
 * The bundled worker is CommonJS (dist/bundle/batch-worker.cjs and its chunks), loaded
 * through launch.cjs with V8's code cache as the command line's own code is
 * (src/cli/launch.ts): piscina requires launch.cjs, which finds the entry in the
 * thread's argv and hands back its exports. As an ES module, each worker compiled
 * Node's own ES module loader (about 100 ms of CPU) and the bundle from source
 * (docs/performance.md, "Batch").
 */
export function workerEntry(): WorkerEntry {
  const here = import.meta.url;
  const dist = here.endsWith('.ts') ? new URL('../../dist/', here) : new URL('../', here);
  const bundled = fileURLToPath(new URL('bundle/batch-worker.cjs', dist));
  if (existsSync(bundled))
    return { filename: fileURLToPath(new URL('bundle/launch.cjs', dist)), argv: [path.basename(bundled)] };
  const unbundled = fileURLToPath(new URL('compare/batch-worker.js', dist));
  if (existsSync(unbundled)) return { filename: unbundled, argv: [] };
  throw new Error(`the batch worker ${unbundled} is missing: run \`npm run build\` first`);
}

/**
 * The rows --resume keeps; how many it drops because their variant is defined differently
 * in the batch file now (an edited variant that kept its id) or their base has changed since
 * (a bid fixed, say); and how many it keeps without knowing: a row written before rows
 * recorded their base (before 2026-12-01) may or may not be stale, and running a finished
 * batch again is what --resume exists to avoid, so it is kept and counted for the user.
 */
async function finishedRows(
  settings: BatchSettings,
): Promise<{ kept: BatchRow[]; redefined: number; stale: number; untraced: number }> {
  if (!settings.resume) return { kept: [], redefined: 0, stale: 0, untraced: 0 };
  const text = await readFile(path.join(settings.outDir, batchFiles.jsonl), 'utf8').catch(() => '');
  const variants = new Map(settings.variants.map((v) => [v.id, v]));
  const rows = readJournal(text, new Map(settings.variants.map((v) => [v.id, v.index])));
  const current = rows.filter((r) => {
    const variant = variants.get(r.id);
    return variant !== undefined && answersVariant(r, variant);
  });
  const inputs = settings.baseInputs;
  const kept =
    inputs === undefined
      ? current
      : current.filter((r) => r.baseInput === undefined || r.baseInput === inputs.get(r.base));
  const untraced = inputs === undefined ? 0 : kept.filter((r) => r.baseInput === undefined).length;
  return { kept, redefined: rows.length - current.length, stale: current.length - kept.length, untraced };
}

/** How a chunk is handed to a worker: piscina's `run` (with the pool's HiGHS), or a stand-in in tests. */
type RunChunk = (
  task: Pick<ChunkTask, 'tasks' | 'rows'>,
  options: { transferList: MessagePort[] },
) => Promise<unknown>;

/**
 * Runs one chunk and lands each row the moment the worker posts it. If the
 * worker fails (a thread that dies, a task that never starts), each variant
 * it had not finished lands as a failed row with the reason; the finished
 * ones keep their rows.
 */
export async function landChunk(
  run: RunChunk,
  chunk: readonly Variant[],
  tasks: readonly VariantTask[],
  land: (row: BatchRow) => void,
): Promise<void> {
  const { port1: rows, port2: workerEnd } = new MessageChannel();
  const landed = new Set<string>();
  rows.on('message', (row: BatchRow | null) => {
    if (row === null) rows.close();
    else {
      landed.add(row.id);
      land(row);
    }
  });
  // The channel closes when the worker says the chunk is done, when its thread
  // dies (after every row it posted has arrived), or below if the task never left.
  const drained = new Promise<void>((resolve) => rows.once('close', resolve));
  const failure = await run({ tasks, rows: workerEnd }, { transferList: [workerEnd] }).then(
    () => null,
    (e: unknown) => e ?? 'no reason given',
  );
  workerEnd.close(); // a no-op once handed over; ends the channel if the task never left
  await drained;
  if (failure === null) return;
  const why = `the worker stopped: ${failure instanceof Error ? failure.message : String(failure)}`;
  for (const variant of chunk) if (!landed.has(variant.id)) land(failedRow(variant, why));
}

/** Worker threads started for one batch: `run` the variants, then `stop` them. */
interface ThreadPool {
  readonly run: VariantExecutor;
  readonly stop: () => Promise<void>;
}

/**
 * A piscina pool of `settings.workers` threads, made for one batch of `variants`
 * and destroyed after it. The threads start while the main thread's one compile of
 * HiGHS runs on V8's background threads (optimised code when the batch or its tenders are
 * large enough to repay it, else baseline code: solve/highs-shared.ts), and each chunk
 * brings the compiled module to its worker; they optimise only lastingly hot
 * JavaScript (batch-jit.ts). Each task is a chunk of neighbouring variants
 * (batch-chunks.ts), so that variants building the same model meet the
 * worker that remembers its answer.
 */
function startThreadPool(
  settings: Pick<
    BatchSettings,
    'batchDir' | 'workers' | 'timeLimit' | 'version' | 'highs' | 'bases' | 'largestModel'
  >,
  variants: number,
): ThreadPool {
  optimiseOnlyLastingHotCode();
  scavengeForThreads(settings.workers);
  // Its V8 flags are set before this returns, so before any worker loads its code (they name its cache).
  const highs = compileSharedHighs({ variants, largestModel: settings.largestModel ?? 0 }, settings.highs);
  highs.catch(() => undefined); // awaited by the first chunk; a batch stopped before it must not leave a stray rejection
  const pool = new Piscina<ChunkTask, void>({
    ...workerEntry(),
    name: 'runChunk',
    minThreads: settings.workers,
    maxThreads: settings.workers,
    idleTimeout: 1000,
    resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb },
    workerData: {
      bases: [...(settings.bases ?? [])].map(([base, scenario]) => [
        path.resolve(settings.batchDir, base),
        scenario,
      ]),
    } satisfies HandedBases,
  });
  const taskOf = (variant: Variant): VariantTask => ({
    variant,
    baseDir: path.resolve(settings.batchDir, variant.base),
    timeLimit: settings.timeLimit,
    version: settings.version,
  });
  return {
    run: async (todo, land, stop) => {
      const module = await highs;
      // Stopped, piscina drops the chunks still queued and ends the threads of those in flight.
      const run: RunChunk = (task, options) =>
        pool.run({ ...task, highs: module }, { ...options, signal: stop });
      await Promise.all(
        chunkVariants(todo, settings.workers).map((chunk) => landChunk(run, chunk, chunk.map(taskOf), land)),
      );
    },
    stop: () => pool.destroy(),
  };
}

/**
 * A row in its base's currency, as the coordinator read the base: the one place rows get it, so
 * a row failed outside its variant (a worker that stopped, a queue job given up) and one kept by
 * --resume from a journal written before rows had one (mend17b) name it too (until mend17d blank).
 */
function inBaseCurrency(row: BatchRow, bases: ReadonlyMap<string, Scenario> | undefined): BatchRow {
  const currency = bases?.get(row.base)?.currency;
  return currency === undefined || currency === row.currency ? row : { ...row, currency };
}

/** The currency each base prices in, by base: batch.xlsx's, and the printout's line when they differ. */
export const basesCurrencies = (
  bases: ReadonlyMap<string, Scenario> | undefined,
): ReadonlyMap<string, string> =>
  new Map([...(bases ?? [])].map(([base, scenario]) => [base, scenario.currency]));

export async function runBatch(settings: BatchSettings): Promise<BatchSummary> {
  const total = settings.variants.length;
  const finished = await finishedRows(settings);
  const kept = finished.kept.map((row) => journalLine(inBaseCurrency(row, settings.bases)));
  const done = new Set(kept.map((l) => l.row.id));
  const todo = settings.variants.filter((v) => !done.has(v.id));
  const book = { name: settings.name ?? null, total, currencies: basesCurrencies(settings.bases) };
  await rewriteBatchFiles(settings.outDir, kept, book);
  settings.onStart?.();
  const journal = openJournal(settings.outDir);
  // A thread more than the variants to run would only start and wait.
  const workers = settings.executor === undefined ? Math.min(settings.workers, todo.length) : 0;
  let threads: ThreadPool | null;
  try {
    threads = workers > 0 ? startThreadPool({ ...settings, workers }, todo.length) : null;
  } catch (e) {
    journal.close(); // a pool that cannot start (no built worker) must not leave the files open
    throw e;
  }
  const lines: JournalLine[] = [...kept];
  let landed = kept.length;
  settings.onProgress?.(landed, total);
  // A row that cannot be written (a full disk) stops the journal and the variants (`stop`); the batch throws it at once.
  const unwritten: unknown[] = [];
  const stop = new AbortController();
  setMaxListeners(0, stop.signal); // piscina listens once for each chunk it holds: hundreds, not a leak
  const stopped = new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve()));
  const land = (solved: BatchRow) => {
    if (unwritten.length > 0) return;
    try {
      const baseInput = settings.baseInputs?.get(solved.base);
      const line = journalLine(
        inBaseCurrency(baseInput === undefined ? solved : { ...solved, baseInput }, settings.bases),
      );
      journal.append(line);
      lines.push(line);
      settings.onProgress?.(++landed, total);
    } catch (error) {
      unwritten.push(error);
      stop.abort(error);
    }
  };
  // The threads stop while the final files are written (they wind down on their own cores).
  let stopping = Promise.resolve();
  try {
    try {
      const run = settings.executor ?? threads?.run;
      if (run !== undefined) {
        const running = run(todo, land, stop.signal);
        // Stopped, the batch does not wait for the variants in flight, nor heed what they throw after.
        running.catch(() => undefined);
        await Promise.race([running, stopped]);
      }
    } finally {
      if (threads !== null) {
        stopping = threads.stop();
        stopping.catch(() => undefined); // awaited (and thrown) below, after the final files
      }
      journal.close();
    }
    if (unwritten.length > 0) throw unwritten[0];
    await rewriteBatchFiles(settings.outDir, lines, book);
  } finally {
    await stopping;
  }
  const rows = sortRows(lines.map((l) => l.row));
  return {
    total,
    resumed: kept.length,
    redefined: finished.redefined,
    stale: finished.stale,
    untraced: finished.untraced,
    ran: todo.length,
    workers,
    failed: rows.filter((r) => r.status === 'failed').length,
    rows,
    files: Object.values(batchFiles).map((name) => path.join(settings.outDir, name)),
  };
}
