/**
 * The worker's side of the queue (`zonal worker`): a BullMQ worker that
 * takes variant jobs and solves them in a pool of solver threads, the same
 * threads and code as a local batch (compare/batch-worker.ts).
 *
 * Each job: check it against the job schema (a worker never trusts the
 * queue) → fetch its scenario bundle once, check its hash, write it to a
 * folder of this worker's own → solve in a thread → return the row.
 *
 * Why threads: BullMQ renews a job's lock from this process's event loop;
 * a solve on the main thread would block it, the lock would lapse and the
 * job would be handed to a second worker. The threads stay up between jobs,
 * so each keeps its HiGHS runtime loaded and the scenarios it has read.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Piscina } from 'piscina';
import { workerEntry } from '../compare/batch-run.js';
import type { VariantTask } from '../compare/batch-worker.js';
import type { BatchRow } from '../compare/run-variant.js';
import { OutputError, writeFailureReason } from '../io/output-error.js';
import type { RedisAddress } from './redis-address.js';
import { openRedis } from './redis-client.js';
import { decodeBundle, unpackScenario } from './scenario-bundle.js';
import { solverBuild } from './solver-build.js';
import { keepSeconds, maxStalls, queueNameOf, scenarioKey, variantJobSchema } from './variant-job.js';

export interface WorkerSettings {
  readonly address: RedisAddress;
  /** Jobs solved at once, one solver thread each. */
  readonly concurrency: number;
  /**
   * Seconds a job's lock lasts without renewal (renewed every half of it):
   * after a worker dies, its jobs go back on the queue within about twice
   * this. @defaultValue 30
   */
  readonly lockSeconds: number;
  /** The package version; the solver's fingerprint is added to it (solver-build.ts). */
  readonly version: string;
  /** One line per event worth a log line (job started, done, failed; connection trouble). */
  readonly log: (line: string) => void;
}

export interface RunningWorker {
  /** Finish the jobs in hand, then disconnect and remove the scenario copies. */
  close(): Promise<void>;
}

/** Scenario bundles fetched from Redis, written once per worker under `root`; each gives the path to read (its folder, or its workbook). */
function scenarioFolders(
  root: string,
  fetch: (key: string) => Promise<string | null>,
): (hash: string) => Promise<string> {
  const folders = new Map<string, Promise<string>>();
  const load = async (hash: string): Promise<string> => {
    const text = await fetch(scenarioKey(hash));
    if (text === null)
      throw new UnrecoverableError(
        `scenario ${hash.slice(0, 12)} is not in Redis (bundles are kept ${keepSeconds / 86_400} days): queue the batch again`,
      );
    const bundle = decodeBundle(text, hash);
    if (typeof bundle === 'string') throw new UnrecoverableError(bundle);
    return unpackScenario(bundle, path.join(root, hash));
  };
  return (hash) => {
    let folder = folders.get(hash);
    if (folder === undefined) {
      folder = load(hash);
      folders.set(hash, folder);
      folder.catch(() => folders.delete(hash));
    }
    return folder;
  };
}

function variantOf(job: Job): string {
  const variant = (job.data as { variant?: { id?: unknown } } | null)?.variant;
  return typeof variant?.id === 'string' ? variant.id : `job ${job.id ?? '?'}`;
}

/** This worker's own folder for the scenarios it fetches, in the system's temporary folder; a message a user can act on when it cannot be made. */
async function scenarioRoot(): Promise<string> {
  const tmp = os.tmpdir();
  try {
    return await mkdtemp(path.join(tmp, 'zonal-worker-'));
  } catch (e) {
    const code = String((e as { code?: unknown } | null)?.code ?? '');
    const why =
      code === 'ENOENT'
        ? 'no such folder'
        : (writeFailureReason(code) ?? (e instanceof Error ? e.message : String(e)));
    throw new OutputError(
      `zonal worker: cannot make a folder for the scenarios in ${tmp} (the system's temporary folder, TMPDIR): ${why}: create it, or set TMPDIR to a folder this worker can write\nNo job was taken.`,
    );
  }
}

export async function startWorker(given: WorkerSettings): Promise<RunningWorker> {
  const settings = { ...given, version: solverBuild(given.version) };
  const root = await scenarioRoot();
  const client = openRedis(settings.address, (message) => settings.log(`${message} (retrying)`));
  const folderOf = scenarioFolders(root, (key) => client.get(key));
  const pool = new Piscina<VariantTask, BatchRow>({
    ...workerEntry(),
    minThreads: settings.concurrency,
    maxThreads: settings.concurrency,
  });

  const solve = async (job: Job): Promise<BatchRow> => {
    const parsed = variantJobSchema.safeParse(job.data);
    if (!parsed.success) {
      const why = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(job)'} ${i.message}`)
        .join('; ');
      throw new UnrecoverableError(`the job is not a zonal variant (${why}); nothing was solved`);
    }
    const { variant, scenario, timeLimit, version } = parsed.data;
    if (version !== settings.version)
      throw new UnrecoverableError(
        `queued by zonal ${version}, taken by a worker running zonal ${settings.version}: run the same version everywhere`,
      );
    return pool.run({ variant, baseDir: await folderOf(scenario), timeLimit, version });
  };

  const worker = new Worker(queueNameOf(settings.version), solve, {
    connection: client,
    concurrency: settings.concurrency,
    lockDuration: settings.lockSeconds * 1000,
    stalledInterval: settings.lockSeconds * 1000,
    maxStalledCount: maxStalls,
    name: `${os.hostname()}:${process.pid}`,
  });
  worker.on('active', (job) =>
    settings.log(
      `started ${variantOf(job)}${job.attemptsStarted > 1 ? ` (try ${job.attemptsStarted})` : ''}`,
    ),
  );
  worker.on('completed', (job, row: BatchRow) =>
    settings.log(`done ${variantOf(job)}: ${row.status}${row.error === null ? '' : ` (${row.error})`}`),
  );
  worker.on('failed', (job, error) =>
    settings.log(`failed ${job === undefined ? 'a job' : variantOf(job)}: ${error.message}`),
  );
  worker.on('error', () => undefined); // connection errors are logged once by openRedis
  await worker.waitUntilReady();

  return {
    async close() {
      await worker.close();
      await pool.destroy();
      client.disconnect();
      await rm(root, { recursive: true, force: true });
    },
  };
}
