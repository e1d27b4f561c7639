/**
 * The batch worker thread (run by piscina: compare/batch-run.ts `workerEntry`).
 * Each worker keeps each base scenario: those `zonal batch` read and checked
 * before the batch, handed to every worker as its thread starts (`HandedBases`),
 * any other read once, on its first variant. HiGHS loads one
 * WASM runtime per thread (solve/backend-highs.ts), from the module the main
 * thread compiled for the whole pool when its chunks bring one (a batch), or
 * compiled by the worker itself (`zonal worker`'s tasks).
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { readScenario, type ReadResult } from '../io/read-scenario.js';
import { IssueList } from '../diagnostics/issues.js';
import { reviveScenario } from '../model/demand-table.js';
import type { Scenario } from '../model/types.js';
import { recordCodeCache } from '../cli/code-cache-record.js';
import { formatIssue } from '../diagnostics/issues.js';
import { highsBackend, useCompiledHighs } from '../solve/backend-highs.js';
import type { CompiledWasm } from '../solve/highs-shared.js';
import { variantMemory } from './variant-memory.js';
import type { Variant } from './batch-file.js';
import { failedRow, runVariant, type BatchRow } from './run-variant.js';

export interface VariantTask {
  readonly variant: Variant;
  /** Absolute path of the variant's base scenario folder. */
  readonly baseDir: string;
  readonly timeLimit: number;
  readonly version: string;
}

/**
 * Base scenarios the main thread has read, checked and hashed, by the absolute path of
 * their folder or workbook: piscina's `workerData` for every thread of the pool
 * (batch-run.ts). A worker then neither reads the files again (20-30 ms of CPU and the
 * reading code run cold, in each worker) nor can see a version of them other than the
 * one the rows' `baseInput` names.
 */
export interface HandedBases {
  readonly bases: readonly (readonly [dir: string, scenario: Scenario])[];
}

function handedBases(data: unknown): [string, Promise<ReadResult>][] {
  const bases = (data as Partial<HandedBases> | null | undefined)?.bases ?? [];
  return bases.map(([dir, scenario]) => [
    dir,
    Promise.resolve({
      scenario: reviveScenario(scenario),
      issues: new IssueList(),
      inputHash: '',
      inputs: [],
    }),
  ]);
}

const scenarios = new Map<string, Promise<ReadResult>>(handedBases(workerData));

/** What this worker remembers between variants (compare/variant-memory.ts). */
const memory = variantMemory(highsBackend);

function baseScenario(dir: string): Promise<ReadResult> {
  let read = scenarios.get(dir);
  if (read === undefined) {
    read = readScenario(dir);
    scenarios.set(dir, read);
  }
  return read;
}

export default async function runTask(task: VariantTask): Promise<BatchRow> {
  try {
    const { scenario, issues, inputHash } = await baseScenario(task.baseDir);
    if (scenario === null)
      return failedRow(
        task.variant,
        `base scenario ${task.variant.base} has errors: ${issues.errors.slice(0, 3).map(formatIssue).join('; ')}`,
      );
    return await runVariant(scenario, task.variant, {
      ...memory,
      timeLimit: task.timeLimit,
      inputHash,
      version: task.version,
    });
  } catch (e) {
    return failedRow(task.variant, `unexpected error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Whether this worker has loaded its HiGHS runtime from the pool's module. */
let highsLoaded = false;

/** A chunk of neighbouring variants (compare/batch-chunks.ts) and the port its rows go back through. */
export interface ChunkTask {
  readonly tasks: readonly VariantTask[];
  /** HiGHS compiled once for the pool (solve/highs-shared.ts): the worker's first chunk loads its runtime from it. */
  readonly highs: CompiledWasm;
  /** Each row is posted here as soon as its variant has run, then `null` when the chunk is done. */
  readonly rows: MessagePort;
}

/**
 * Neighbouring variants one after another in this worker, so they share its
 * memo. Each row goes back the moment it is ready, not with the chunk, so a
 * worker that dies mid-chunk loses only the variant it was running, and the
 * journal (batch.jsonl) keeps every finished one for --resume. The closing
 * `null` says that no more rows follow: in Node 20.20, a port closed by a
 * piscina worker, whose thread lives on, gave the other side no 'close'
 * (tried); a thread that ends does close its ports.
 */
export async function runChunk({ tasks, rows, highs }: ChunkTask): Promise<void> {
  if (!highsLoaded) useCompiledHighs(highs);
  highsLoaded = true;
  try {
    for (const task of tasks) rows.postMessage(await runTask(task));
  } finally {
    rows.postMessage(null);
    rows.close();
    recordCodeCache(); // `npm run build` only: the code this chunk ran, before piscina stops the thread
  }
}
