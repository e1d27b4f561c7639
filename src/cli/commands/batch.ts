/**
 * `zonal batch`: batch.json → variants run in worker threads → batch.csv and
 * batch.jsonl, streamed as variants finish; --resume skips finished ones.
 * Exits 0 even when some variants fail (their rows say why); 2 on a bad batch.json.
 * With --queue, the variants run on `zonal worker`s through Redis (queue/).
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism, constants } from 'node:os';
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { baseLine, parseBatchFile, type BatchProblem, type ParsedBatch } from '../../compare/batch-file.js';
import { closestName } from '../../diagnostics/did-you-mean.js';
import type { Issue } from '../../diagnostics/issues.js';
import * as msg from '../../diagnostics/messages.js';
import { type TenderedLots, tenderIssues, tenderLots } from '../../lots/tender-lots.js';
import { buildProgram } from '../../solve/build-program.js';
import type { Lot, Scenario } from '../../model/types.js';
import { readScenario } from '../../io/read-scenario.js';
import { isWorkbookPath } from '../../io/workbook-path.js';
import { batchFiles } from '../../compare/batch-journal.js';
import {
  basesCurrencies,
  runBatch,
  type BatchSummary,
  type VariantExecutor,
} from '../../compare/batch-run.js';
import { isUnproven, unboughtRows } from '../../compare/unbought-rows.js';
import { hours } from '../../report/html/format.js';
import { batchProblems, problemsByLine } from '../../compare/batch-checks.js';
import type { Overrides } from '../../compare/overrides-schema.js';
import { variantName } from '../../compare/variant-name.js';
import { fileSizeLimits, readRegularBytes } from '../../io/scenario-file.js';
import { jsonText } from '../../io/text-decode.js';
import { describeAddress } from '../../queue/redis-address.js';
import { CliExit, exitCodes, printIssues, problemsFound } from '../exit.js';
import { maxVariantsFlag, timeLimitFlag, workersFlag } from '../flags.js';
import { standardErr, writeOut } from '../terminal.js';
import { version } from '../version.js';
import { counted, nounFor } from '../../model/counted.js';

export interface BatchFlags {
  readonly out: string;
  readonly workers?: string;
  readonly resume?: boolean;
  readonly timeLimit: string;
  readonly maxVariants?: string;
  /** Redis URL, or true for ZONAL_REDIS_URL. */
  readonly queue?: string | true;
}

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** Rows of this run before the time left is shown: the first pays the workers' start (from it alone: 548 s for a 4 s batch). */
const rowsBeforeEta = 5;

/**
 * ` | eta 12s` once `rowsBeforeEta` rows of this run have landed (cli-progress's own
 * `{eta_formatted}` showed "NFs" before any had). The bar's token is `{timeLeft}`: `{eta}`
 * is cli-progress's own.
 */
export function etaText(done: number, total: number, first: number, seconds: number): string {
  const ran = done - first;
  return ran < rowsBeforeEta || done >= total ? '' : ` | eta ${Math.ceil(((total - done) * seconds) / ran)}s`;
}

/** A progress bar on stderr when it is a terminal; silent otherwise (logs and pipes stay clean). */
export function progressBar(what: string): Progress {
  if (process.stderr.isTTY !== true) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      stream: standardErr(),
      format: `${what} [{bar}] {value}/{total} {percentage}%{timeLeft}`,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let start: { done: number; at: number } | null = null;
  return {
    update(done, total) {
      if (start === null) {
        start = { done, at: performance.now() };
        bar.start(total, done, { timeLeft: '' });
      }
      bar.setTotal(total);
      bar.update(done, { timeLeft: etaText(done, total, start.done, (performance.now() - start.at) / 1000) });
    },
    stop: () => (start === null ? undefined : bar.stop()),
  };
}

/** A batch file's problems, each `batch.json:line: message`, then how many: exit 2, nothing run. */
function batchFileProblems(name: string, problems: readonly BatchProblem[]): CliExit {
  const lines = problems.map((p) => `${name}${p.line === null ? '' : `:${p.line}`}: ${p.message}`);
  return new CliExit(exitCodes.badInput, `${lines.join('\n')}\n${problemsFound(problems.length, 'run')}`);
}

/**
 * The batch file's variants (or what is left to check of a file with mistakes), its mistakes
 * found so far, and its warning if it was read as Windows-1252.
 */
async function readVariants(
  file: string,
  maxVariants: number,
): Promise<{ batch: ParsedBatch; told: BatchProblem[]; windows1252Line: number | null }> {
  const read = await readRegularBytes(file, fileSizeLimits.json);
  if (read.kind === 'bad')
    throw new CliExit(
      exitCodes.badInput,
      `${file}: ${read.reason === 'missing' ? msg.batchFileMissing() : read.message}`,
    );
  const name = path.basename(file);
  // A workbook scenario given where its batch file goes: how to make one, not the JSON slip its bytes make.
  if (isWorkbookPath(file))
    throw batchFileProblems(name, [{ line: null, message: msg.batchFileIsWorkbook(name) }]);
  // Not UTF-8 at all (UTF-16): that, once, rather than the JSON slip it makes at column 1.
  const decoded = jsonText(read.bytes);
  if ('problem' in decoded) throw batchFileProblems(name, [{ line: null, message: decoded.problem }]);
  const parsed = parseBatchFile(decoded.text, { maxVariants });
  const [batch, told] = 'problems' in parsed ? [parsed.rest, parsed.problems] : [parsed, []];
  if (batch === undefined) throw batchFileProblems(name, told);
  return { batch, told, windows1252Line: decoded.windows1252Line };
}

/** Bases that price in more than one currency, said after the outcome (explore22: until then not at all). */
function currencyLines(bases: ReadonlyMap<string, Scenario>): string[] {
  const currencies = basesCurrencies(bases);
  return new Set(currencies.values()).size > 1
    ? [
        msg.batchCurrencies(
          currencies,
          "the currency column of batch.csv, batch.jsonl and batch.xlsx's variants sheet",
        ),
      ]
    : [];
}

/** The batch file's own warning, when it was read as Windows-1252: told with its bases' currencies, once they are read. */
function batchFileWarnings(file: string, line: number | null, bases: ReadonlyMap<string, Scenario>): Issue[] {
  if (line === null) return [];
  const currencies = [...bases.values()].map((b) => b.currency);
  return [{ severity: 'warning', file, line, message: msg.jsonReadAsWindows1252(currencies) }];
}

/** The bases of a batch as read and checked, by the name the batch file gives them. */
interface CheckedBases {
  readonly bases: Map<string, Scenario>;
  /** Each base's input hash (--resume keeps rows of the same). */
  readonly inputs: Map<string, string>;
  readonly warnings: Issue[];
  /** Each base with its lots as tendered (its bids below the legal pay floor rejected, when the tender says so). */
  readonly tenders: readonly Tender[];
}

interface Tender {
  readonly scenario: Scenario;
  readonly lots: readonly Lot[];
}

/**
 * Variables of the largest base's award model, as written: how long its variants solve, which
 * decides with their number how HiGHS is compiled for the worker threads (solve/highs-shared.ts).
 * Built on a cold main thread before the workers start: the bundled county's in 8-14 ms, the
 * bench's L in 270 ms and its national XL in 0.7 s (whose variants take a minute each).
 */
function largestModel(tenders: readonly Tender[]): number {
  return Math.max(0, ...tenders.map(({ scenario, lots }) => buildProgram(scenario, lots).variables.length));
}

/**
 * Each base read once; its mistakes stop the batch here, a missing base with the batch file's
 * mistakes found so far (`told`). Returned: each base by the name the file gives it, and its
 * warnings, placed in its folder.
 */
async function checkBases(
  batch: ParsedBatch,
  batchDir: string,
  name: string,
  told: readonly BatchProblem[],
): Promise<CheckedBases> {
  const warnings: Issue[] = [];
  const bases = new Map<string, Scenario>();
  const inputs = new Map<string, string>();
  const tenders: Tender[] = [];
  const names = [...new Set(batch.variants.map((v) => v.base))];
  // Every base that is not there, each at its line, in the file's order with its other mistakes
  // (until mend17b the first alone, after them).
  const missing = await missingBases(batch, batchDir, names);
  if (missing.length > 0) throw batchFileProblems(name, problemsByLine([...told, ...missing]));
  for (const base of names) {
    const full = path.resolve(batchDir, base);
    // Read once here, so a mistake in a base is one message before anything is written,
    // not a failed row (the same message) for every variant of it; its warnings, in its files
    // and about its tender as set (validate's), are printed once, as solve prints them.
    // A variant's overrides may change the tender; the warnings are about the base as written.
    // Hashed, so --resume can tell rows solved from an earlier version of this base.
    const { scenario, issues, inputHash } = await readScenario(full, { hash: true });
    const folder = isWorkbookPath(base) ? path.dirname(full) : full;
    const place = (i: Issue): Issue => ({ ...i, file: path.relative('.', path.resolve(folder, i.file)) });
    // With the batch file's own mistakes found so far: both files' mistakes in one run.
    if (scenario === null || issues.hasErrors) {
      const errors = [
        ...told.map((p): Issue => ({ severity: 'error', file: name, line: p.line, message: p.message })),
        ...issues.errors.map(place),
      ];
      printIssues(errors);
      // Ends as a batch file's own mistakes end: one command, one ending (until 2026-12-02 "nothing was written" here).
      throw new CliExit(exitCodes.badInput, problemsFound(errors.length, 'run'));
    }
    const tendered = tenderLots(scenario);
    warnings.push(...[...issues.warnings, ...tenderIssuesOf(scenario, tendered)].map(place));
    bases.set(base, scenario);
    inputs.set(base, inputHash);
    tenders.push({ scenario, lots: tendered.lots });
  }
  return { bases, inputs, warnings, tenders };
}

/** A problem for each of `names` (the bases the batch file names) that is no scenario folder or workbook. */
async function missingBases(
  batch: ParsedBatch,
  batchDir: string,
  names: readonly string[],
): Promise<BatchProblem[]> {
  const problems: BatchProblem[] = [];
  for (const base of names) {
    const full = path.resolve(batchDir, base);
    const workbook = isWorkbookPath(base);
    const ok = await stat(workbook ? full : path.join(full, 'scenario.json')).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!ok)
      problems.push({
        line: baseLine(batch, base),
        message: msg.batchBaseMissing(base, workbook ? null : full, await nearbyBase(base, full)),
      });
  }
  return problems;
}

/** A scenario folder or workbook beside the missing base `full` whose name is close to the one written (`base`), as the batch file would name it; or null. */
async function nearbyBase(base: string, full: string): Promise<string | null> {
  const entries = await readdir(path.dirname(full), { withFileTypes: true }).catch(() => []);
  const scenarios = entries
    .filter((e) =>
      e.isDirectory()
        ? existsSync(path.join(path.dirname(full), e.name, 'scenario.json'))
        : isWorkbookPath(e.name),
    )
    .map((e) => e.name);
  const guess = closestName(path.basename(base), scenarios);
  return guess === null ? null : path.join(path.dirname(base), guess);
}

/** The warnings validate gives about a scenario's tender as set (a rejected bid, a rule no bids can meet), as issues. */
function tenderIssuesOf(scenario: Scenario, { lots, rejections }: TenderedLots): Issue[] {
  return tenderIssues(scenario, lots, rejections).map(({ place, message }) => ({
    severity: 'warning',
    ...(place ?? { file: '', line: null }),
    message,
  }));
}

/** The queue's executor and how the summary names it, once Redis has answered (nothing is written before). */
async function queueRun(
  flags: BatchFlags,
  batchDir: string,
  timeLimit: number,
): Promise<{ executor: VariantExecutor; close: () => Promise<void>; where: string }> {
  if (flags.workers !== undefined)
    throw new CliExit(
      exitCodes.badInput,
      `--workers ${flags.workers} counts local threads and does nothing with --queue: leave it out, and give each machine's \`zonal worker\` a --concurrency instead`,
    );
  const { reachableRedis, cannotUse } = await import('./redis.js');
  const { connectQueueBatch } = await import('../../queue/queue-batch.js');
  const address = await reachableRedis(
    'zonal batch',
    flags.queue === true ? undefined : flags.queue,
    'Nothing was written.',
  );
  const notice = (line: string) => standardErr().write(`${line}\n`);
  const queue = await connectQueueBatch({
    address,
    batchDir,
    timeLimit,
    version,
    resume: flags.resume === true,
    notice,
  }).catch((e: unknown) => {
    throw cannotUse('zonal batch', address, e, 'Nothing was written.');
  });
  return { executor: queue.run, close: queue.close, where: `on the queue at ${describeAddress(address)}` };
}

/** What --resume did with the rows already finished, as the summary line tells it: ` (13 already done, skipped; …)`, or ''. */
export function resumeNotes(
  summary: Pick<BatchSummary, 'resumed' | 'redefined' | 'stale' | 'untraced'>,
): string {
  const notes = [
    ...(summary.resumed > 0 ? [`${summary.resumed} already done, skipped`] : []),
    ...(summary.redefined > 0
      ? [
          `${summary.redefined} defined differently in the batch file since ${summary.redefined === 1 ? 'it was' : 'they were'} solved, run again`,
        ]
      : []),
    ...(summary.stale > 0
      ? [
          `${summary.stale} solved from an earlier version of ${summary.stale === 1 ? 'its' : 'their'} base, run again`,
        ]
      : []),
    ...(summary.untraced > 0
      ? [
          `${summary.untraced} of those kept from an earlier zonal that did not record ${summary.untraced === 1 ? 'its base: if its base' : 'their base: if a base'} has changed since, run without --resume`,
        ]
      : []),
  ];
  return notes.length === 0 ? '' : ` (${notes.join('; ')})`;
}

/** Variants named with their unbought hours under the summary's count of them, the most unbought first. */
const unboughtNamed = 3;
/** Failed variants named with their error under the summary's count of them. */
const failedNamed = 5;

/**
 * A variant as the summary names it: its id, and its settings in words when the id is a
 * hash of them (`v-f700eb45a88d (one, lead 80%, cap 40%)`), so a nightly log says which
 * variant without batch.csv's "overrides" column beside it.
 */
function named(row: { readonly id: string; readonly overrides?: Overrides }): string {
  if (row.overrides === undefined) return row.id;
  const words = variantName({ id: row.id, overrides: row.overrides });
  return words === row.id ? row.id : `${row.id} (${words})`;
}

/** "  and 4 more: …" under a list cut short. */
const moreLine = (more: number, note = ''): string[] =>
  more > 0 ? [`  and ${more} more${note}: batch.csv and batch.xlsx list every one.`] : [];

/**
 * What the summary says of the rows' outcomes: the failed ones (the first five with their
 * error), how many have no possible award, and how many leave hours unbought (solved, yet not
 * buyable as specified: compare's word for them), answers a nightly log should show too.
 */
export function outcomeLines(
  rows: readonly {
    readonly id: string;
    readonly status: string;
    readonly error: string | null;
    readonly overrides?: Overrides;
    readonly metrics?: { readonly unmetHoursPerWeek: number; readonly demandHoursPerWeek: number } | null;
  }[],
): string[] {
  const failed = rows.filter((r) => r.status === 'failed');
  const infeasible = rows.filter((r) => r.status === 'infeasible').length;
  const stopped = rows.filter(isUnproven).length;
  const one = infeasible === 1;
  // Cut short by the time limit: the hours such an award leaves unbought may be the solver's.
  const unbought = unboughtRows(rows);
  const all = unbought.rows.length;
  // Each named one marked only when some are proven and some not: the count says it otherwise.
  const mixed = unbought.unproven > 0 && unbought.unproven < all;
  const unproven = (r: { readonly status: string }) =>
    mixed && isUnproven(r) ? msg.notProvenMark(null) : '';
  const hidden = unbought.rows.slice(unboughtNamed).filter(isUnproven).length;
  return [
    failed.length === 0
      ? 'No variant failed.'
      : `${counted(failed.length, 'variant')} failed: see the "error" column.`,
    ...failed.slice(0, failedNamed).map((r) => `  ${named(r)}: ${r.error ?? ''}`),
    ...moreLine(failed.length - failedNamed),
    ...(infeasible === 0
      ? []
      : [
          `${counted(infeasible, 'variant')} ${nounFor(infeasible, 'has', 'have')} no possible award under ${one ? 'its' : 'their'} rules (status "infeasible"): the "diagnosis" column says which rules to relax.`,
        ]),
    ...(stopped === 0 ? [] : [msg.batchStoppedVariants(stopped)]),
    ...(all === 0
      ? []
      : [
          msg.batchUnboughtVariants(all, unbought.unproven),
          ...unbought.rows
            .slice(0, unboughtNamed)
            .map(
              (u) =>
                `  ${named(u)}: ${hours(u.metrics?.unmetHoursPerWeek ?? 0)} of ${hours(u.metrics?.demandHoursPerWeek ?? 0)} hours a week unbought${unproven(u)}`,
            ),
          ...moreLine(all - unboughtNamed, mixed && hidden > 0 ? msg.notProvenMark(hidden) : ''),
        ]),
  ];
}

/** " with 2 workers": the threads a run started (none when every variant was kept by --resume). */
const threadsText = (workers: number) => (workers === 0 ? '' : ` with ${counted(workers, 'worker')}`);

/**
 * A batch stopped by Ctrl-C or a scheduler (SIGINT, SIGTERM) says how far it got and how to
 * finish, then ends as the signal would have (exit 130, 143): a nightly log showed nothing.
 * The rows landed so far are whole (each is written at once). Returns what undoes it.
 */
function tellWhenStopped(progress: { readonly done: number; readonly total: number }, bar: Progress) {
  const stop = (signal: NodeJS.Signals) => {
    bar.stop();
    standardErr().write(`${msg.batchStopped(signal, progress.done, progress.total)}\n`, () =>
      process.exit(128 + (constants.signals[signal] ?? 0)),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
}

export async function batchCommand(file: string, flags: BatchFlags): Promise<void> {
  const workers =
    flags.queue === undefined
      ? flags.workers === undefined
        ? availableParallelism()
        : workersFlag(flags.workers)
      : 0;
  const timeLimit = timeLimitFlag(flags.timeLimit);
  const { batch, told, windows1252Line } = await readVariants(file, maxVariantsFlag(flags.maxVariants));
  const { variants } = batch;
  const batchDir = path.dirname(path.resolve(file));
  const { bases, inputs, warnings, tenders } = await checkBases(batch, batchDir, path.basename(file), told);
  const fileWarnings = batchFileWarnings(path.basename(file), windows1252Line, bases);
  const problems = batchProblems(told, batch, bases);
  if (problems.length > 0) throw batchFileProblems(path.basename(file), problems);
  const queue = flags.queue === undefined ? null : await queueRun(flags, batchDir, timeLimit);
  // A queue's --resume collects the results its workers finished, rows written here or not.
  const nothingToResume =
    flags.resume === true && queue === null && !existsSync(path.join(flags.out, batchFiles.jsonl));
  const bar = progressBar('variants');
  const progress = { done: 0, total: variants.length };
  const unwatch = tellWhenStopped(progress, bar);
  const started = performance.now();
  const summary = await runBatch({
    variants,
    batchDir,
    outDir: flags.out,
    workers,
    resume: flags.resume === true,
    baseInputs: inputs,
    bases,
    // Its threads' compile of HiGHS; a queue's workers run elsewhere and compile their own.
    largestModel: queue === null ? largestModel(tenders) : 0,
    name: batch.name,
    timeLimit,
    version,
    // After the output folder is known to be usable, so a bad --out is its one message.
    onStart: () => {
      printIssues([...fileWarnings, ...warnings]);
      if (nothingToResume) standardErr().write(`${msg.nothingToResume(flags.out)}\n`);
    },
    onProgress: (d, t) => {
      progress.done = d;
      progress.total = t;
      bar.update(d, t);
    },
    ...(queue === null ? {} : { executor: queue.executor }),
  }).finally(async () => {
    unwatch();
    bar.stop();
    await queue?.close();
  });
  const seconds = (performance.now() - started) / 1000;
  // A resumed queue batch collects the rows its workers finished while no coordinator
  // listened, so its count over this run's seconds is no rate of solving.
  const rate =
    summary.ran === 0
      ? ''
      : queue !== null && flags.resume === true
        ? ' (some may have been solved before this run, so no rate is given)'
        : `, ${(summary.ran / seconds).toFixed(1)} variants/s`;
  const resumedText = resumeNotes(summary);
  writeOut(
    [
      `${counted(summary.total, 'variant')}${resumedText}: ran ${summary.ran}${queue === null ? threadsText(summary.workers) : ` ${queue.where}`} in ${seconds.toFixed(1)} s${rate}.`,
      ...outcomeLines(summary.rows),
      ...currencyLines(bases),
      `Written: ${summary.files.join(', ')}`,
      '',
    ].join('\n'),
  );
}
