/**
 * `zonal batch`: batch.json → variants run in worker threads → batch.csv and
 * batch.jsonl, streamed as variants finish; --resume skips finished ones.
 * Exits 0 even when some variants fail (their rows say why); 2 on a bad batch.json.
 */
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { parseBatchFile, type Variant } from '../../compare/batch-file.js';
import { isWorkbookPath } from '../../io/workbook-path.js';
import { runBatch } from '../../compare/batch-run.js';
import { CliExit, exitCodes } from '../exit.js';
import { version } from '../version.js';

export interface BatchFlags {
  readonly out: string;
  readonly workers?: string;
  readonly resume?: boolean;
  readonly timeLimit: string;
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

function workerCount(flag: string | undefined): number {
  if (flag === undefined) return availableParallelism();
  const n = Number(flag);
  if (!Number.isInteger(n) || n < 1) throw new CliExit(exitCodes.badInput, `--workers ${flag}: give a whole number of at least 1`);
  return n;
}

async function readVariants(file: string): Promise<Variant[]> {
  const text = await readFile(file, 'utf8').catch(() => null);
  const name = path.basename(file);
  if (text === null) throw new CliExit(exitCodes.badInput, `${file}: cannot read the batch file: check the path`);
  const parsed = parseBatchFile(text);
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
  const workers = workerCount(flags.workers);
  const timeLimit = Number(flags.timeLimit);
  if (!(timeLimit > 0)) throw new CliExit(exitCodes.badInput, `--time-limit ${flags.timeLimit}: give a number of seconds above 0`);
  const variants = await readVariants(file);
  const batchDir = path.dirname(path.resolve(file));
  await checkBases(variants, batchDir, path.basename(file));
  const bar = progressBar('variants');
  const started = performance.now();
  const summary = await runBatch({ variants, batchDir, outDir: flags.out, workers, resume: flags.resume === true, timeLimit, version, onProgress: (d, t) => bar.update(d, t) });
  bar.stop();
  const seconds = (performance.now() - started) / 1000;
  const rate = summary.ran > 0 ? `, ${(summary.ran / seconds).toFixed(1)} variants/s` : '';
  const resumed = summary.resumed > 0 ? ` (${summary.resumed} already done, skipped)` : '';
  process.stdout.write([
    `${summary.total} variants${resumed}: ran ${summary.ran} with ${workers} worker${workers === 1 ? '' : 's'} in ${seconds.toFixed(1)} s${rate}.`,
    summary.failed === 0 ? 'No variant failed.' : `${summary.failed} variant${summary.failed === 1 ? '' : 's'} failed: see the "error" column.`,
    ...summary.rows.filter((r) => r.status === 'failed').slice(0, 5).map((r) => `  ${r.id}: ${r.error ?? ''}`),
    `Written: ${summary.files.join(', ')}`,
    '',
  ].join('\n'));
}
