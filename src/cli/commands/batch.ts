/**
 * `zonal batch`: batch.json → variants run in worker threads → batch.csv and
 * batch.jsonl, streamed as variants finish; --resume skips finished ones.
 * Exits 0 even when some variants fail (their rows say why); 2 on a bad batch.json.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { parseBatchFile, type Variant } from '../../compare/batch-file.js';
import { isWorkbookPath } from '../../io/workbook-path.js';
import { runBatch } from '../../compare/batch-run.js';
import { fileSizeLimits, readRegularFile } from '../../io/scenario-file.js';
import { CliExit, exitCodes } from '../exit.js';
import { maxVariantsFlag, timeLimitFlag, workersFlag } from '../flags.js';
import { writeOut } from '../terminal.js';
import { version } from '../version.js';

export interface BatchFlags {
  readonly out: string;
  readonly workers?: string;
  readonly resume?: boolean;
  readonly timeLimit: string;
  readonly maxVariants?: string;
}

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal; silent otherwise (logs and pipes stay clean). */
export function progressBar(what: string): Progress {
  if (process.stderr.isTTY !== true) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ stream: process.stderr, format: `${what} [{bar}] {value}/{total} {percentage}% | eta {eta_formatted}`, hideCursor: true }, Presets.shades_classic);
  let started = false;
  return {
    update(done, total) {
      if (!started) bar.start(total, done);
      started = true;
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => (started ? bar.stop() : undefined),
  };
}

async function readVariants(file: string, maxVariants: number): Promise<Variant[]> {
  const read = await readRegularFile(file, fileSizeLimits.json);
  const name = path.basename(file);
  if (read.kind === 'bad') throw new CliExit(exitCodes.badInput, `${file}: ${read.reason === 'missing' ? 'cannot read the batch file: check the path' : read.message}`);
  const parsed = parseBatchFile(read.text, { maxVariants });
  if ('problems' in parsed) {
    const lines = parsed.problems.map((p) => `${name}${p.line === null ? '' : `:${p.line}`}: ${p.message}`);
    throw new CliExit(exitCodes.badInput, `${lines.join('\n')}\n${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'} found: nothing was run. Fix them and run again.`);
  }
  return parsed.variants;
}

async function checkBases(variants: readonly Variant[], batchDir: string, name: string): Promise<void> {
  for (const base of new Set(variants.map((v) => v.base))) {
    const full = path.resolve(batchDir, base);
    const ok = await stat(isWorkbookPath(base) ? full : path.join(full, 'scenario.json')).then((s) => s.isFile(), () => false);
    if (!ok) throw new CliExit(exitCodes.badInput, `${name}: base "${base}" is not a scenario folder or workbook (no ${isWorkbookPath(base) ? 'such file' : `scenario.json in ${full}`}): give a folder or .xlsx file relative to the batch file`);
  }
}

export async function batchCommand(file: string, flags: BatchFlags): Promise<void> {
  const workers = flags.workers === undefined ? availableParallelism() : workersFlag(flags.workers);
  const timeLimit = timeLimitFlag(flags.timeLimit);
  const variants = await readVariants(file, maxVariantsFlag(flags.maxVariants));
  const batchDir = path.dirname(path.resolve(file));
  await checkBases(variants, batchDir, path.basename(file));
  const bar = progressBar('variants');
  const started = performance.now();
  const summary = await runBatch({ variants, batchDir, outDir: flags.out, workers, resume: flags.resume === true, timeLimit, version, onProgress: (d, t) => bar.update(d, t) });
  bar.stop();
  const seconds = (performance.now() - started) / 1000;
  const rate = summary.ran > 0 ? `, ${(summary.ran / seconds).toFixed(1)} variants/s` : '';
  const resumed = summary.resumed > 0 ? ` (${summary.resumed} already done, skipped)` : '';
  writeOut([
    `${summary.total} variants${resumed}: ran ${summary.ran} with ${workers} worker${workers === 1 ? '' : 's'} in ${seconds.toFixed(1)} s${rate}.`,
    summary.failed === 0 ? 'No variant failed.' : `${summary.failed} variant${summary.failed === 1 ? '' : 's'} failed: see the "error" column.`,
    ...summary.rows.filter((r) => r.status === 'failed').slice(0, 5).map((r) => `  ${r.id}: ${r.error ?? ''}`),
    `Written: ${summary.files.join(', ')}`,
    '',
  ].join('\n'));
}
