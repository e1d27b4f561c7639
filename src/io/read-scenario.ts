/**
 * Read a scenario: a folder (scenario.json and its CSV files) or one `.xlsx`
 * workbook → validated Scenario. This file is the folder's ScenarioSource;
 * read-workbook.ts is the workbook's; scenario-source.ts checks either.
 *
 * A folder's files are opened safely (regular files inside the folder only,
 * size caps: scenario-file.ts). Each CSV file is read twice from the same open
 * handle, never held whole: a first pass learns its encoding (UTF-8, else
 * Windows-1252 with one warning) and hashes it; the second streams it through
 * papaparse into the row checks.
 *
 * All problems are collected; the caller decides what to do with them.
 */
import { jsonLine } from './json-line.js';
import type { FileHandle } from 'node:fs/promises';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { IssueList } from '../diagnostics/issues.js';
import * as msg from '../diagnostics/messages.js';
import type { Scenario } from '../model/types.js';
import { settingsCurrency } from '../model/scenario-schema.js';
import { csvText, csvTextOf, streamCsv } from './csv-read.js';
import { losesDuplicateKey } from './json-members.js';
import {
  fileSizeLimits,
  openScenarioFile,
  readOpened,
  readSmallOpened,
  streamChunkBytes,
} from './scenario-file.js';
import { readSource, type ScenarioSource } from './scenario-source.js';
import { namedFiles, TablePrefetch } from './table-prefetch.js';
import type { TableSink } from './table-rows.js';
import { encodingSniffer, jsonText, undecodableMessage } from './text-decode.js';
import { isWorkbookPath } from './workbook-path.js';
import { isWorkFileName } from './work-files.js';

/** What every file's bytes are fed to: sha256 for a run's input hash, or nothing (`zonal validate`). */
export interface InputHasher {
  update(data: string | Uint8Array): InputHasher;
}

const noHash: InputHasher = { update: () => noHash };

export interface ReadResult {
  readonly scenario: Scenario | null;
  readonly issues: IssueList;
  /** sha256 of every file read, in a fixed order: names a run's inputs ('' when not asked for). */
  readonly inputHash: string;
  /** The files the scenario is read from, as real paths, so a command never writes over one. */
  readonly inputs: readonly string[];
}

/** scenario.json and the files it names (those it could name, when it has errors), as real paths. */
function folderInputs(dir: string, settings: unknown): string[] {
  return ['scenario.json', ...namedFiles(settings)].map((f) => path.resolve(dir, f));
}

function keyLine(text: string, key: string): number | null {
  const index = text.split(/\r?\n/).findIndex((l) => l.includes(`"${key}"`));
  return index < 0 ? null : index + 1;
}

type Report = (reason: 'outside' | 'missing' | 'refused', message: string) => void;

/** A whole (small) file's bytes, or null after reporting why it cannot be read. */
async function readWhole(
  dir: string,
  ref: string,
  maxBytes: number,
  hash: InputHasher,
  report: Report,
): Promise<Buffer | null> {
  const opened = await openScenarioFile(dir, ref, maxBytes);
  if (opened.kind === 'bad') {
    report(opened.reason, opened.message);
    return null;
  }
  try {
    const bytes = await readOpened(opened.handle, maxBytes, opened.size);
    hash
      .update(`${path.basename(ref)}\0`)
      .update(bytes)
      .update('\0');
    return bytes;
  } catch (e) {
    report('refused', msg.fileCannotBeRead((e as Error).message));
    return null;
  } finally {
    await opened.handle.close().catch(() => undefined);
  }
}

async function parseJson(jsonFile: string, bytes: Buffer, issues: IssueList): Promise<unknown> {
  const decoded = jsonText(bytes);
  if ('problem' in decoded) {
    issues.error(jsonFile, null, decoded.problem);
    return undefined;
  }
  const json = decoded.text;
  let parsed: unknown;
  let failed: Error | null = null;
  try {
    parsed = JSON.parse(json) as unknown;
  } catch (e) {
    failed = e as Error;
  }
  // Told once the file is parsed: it names the currency the file itself sets.
  if (decoded.windows1252Line !== null)
    issues.warning(jsonFile, decoded.windows1252Line, msg.jsonReadAsWindows1252([settingsCurrency(parsed)]));
  if (failed !== null) {
    const { jsonProblem } = await import('./json-problem.js');
    const problem = jsonProblem(json) ?? { line: null, message: msg.jsonOther(failed.message, 1) };
    issues.error(jsonFile, problem.line, problem.message);
    return undefined;
  }
  if (!losesDuplicateKey(json, parsed)) return parsed;
  // A key given twice: JSON.parse kept the last; say which, and where, rather than read on.
  const { duplicateKey } = await import('./json-problem.js');
  const twice = duplicateKey(json);
  if (twice === null) return parsed;
  issues.error(jsonFile, twice.line, twice.message);
  return undefined;
}

/** A check of each chunk of a file as read: fails if the file grows past the cap while read. */
function sizeChecked(onChunk: (chunk: Buffer) => void = () => undefined): (chunk: Buffer) => void {
  let total = 0;
  return (chunk) => {
    total += chunk.length;
    if (total > fileSizeLimits.table) throw new Error('the file grew past the size limit while being read');
    onChunk(chunk);
  };
}

/** The bytes of an open file from its start, chunk by chunk. */
const bytesOf = (handle: FileHandle) =>
  handle.createReadStream({ start: 0, autoClose: false, highWaterMark: streamChunkBytes });

/** Stream one CSV file of the folder into `sink`; false when it cannot be read (reported). */
async function readCsvTable(
  dir: string,
  ref: string,
  jsonFile: string,
  jsonText: string,
  currency: string,
  issues: IssueList,
  hash: InputHasher,
  sink: TableSink,
  prefetch: TablePrefetch | null,
): Promise<boolean> {
  const fetched = prefetch?.take(ref);
  const opened =
    fetched === undefined ? await openScenarioFile(dir, ref, fileSizeLimits.table) : (await fetched).opened;
  if (opened.kind === 'bad') {
    if (opened.reason === 'outside') issues.error(jsonFile, keyLine(jsonText, ref), opened.message);
    else issues.error(ref, null, opened.message);
    return false;
  }
  try {
    // Pass 1: the encoding, and the bytes into the input hash.
    const sniffer = encodingSniffer();
    hash.update(`${path.basename(ref)}\0`);
    const whole =
      fetched === undefined ? await readSmallOpened(opened.handle, opened.size) : await (await fetched).whole;
    const first = sizeChecked((chunk) => {
      sniffer.push(chunk);
      hash.update(chunk);
    });
    if (whole !== null) first(whole);
    else for await (const chunk of bytesOf(opened.handle)) first(chunk as Buffer);
    hash.update('\0');
    const found = sniffer.finish();
    if (found.kind !== 'text') {
      issues.error(ref, null, undecodableMessage(found) ?? msg.notText());
      return false;
    }
    if (found.encoding === 'windows-1252')
      issues.warning(ref, found.firstNonAsciiLine, msg.readAsWindows1252(currency));
    // Pass 2: parse and check each record as it arrives.
    await streamCsv(
      whole !== null
        ? csvTextOf(whole, found.encoding)
        : bytesOf(opened.handle).pipe(csvText(sizeChecked(), found.encoding)),
      (header, line) => sink.header(header, line),
      (record) => sink.record(record),
    );
    return true;
  } catch (e) {
    const line = (e as { line?: unknown }).line;
    issues.error(ref, typeof line === 'number' ? line : null, msg.notReadableCsv((e as Error).message));
    return false;
  } finally {
    await opened.handle.close().catch(() => undefined);
  }
}

/** A GeoJSON file next to the scenario's settings (a folder, or the workbook's folder). */
export async function readBoundaries(
  dir: string,
  ref: string | undefined,
  place: { file: string; line: number | null },
  issues: IssueList,
  hash: InputHasher,
): Promise<unknown> {
  if (ref === undefined) return null;
  const bytes = await readWhole(dir, ref, fileSizeLimits.boundaries, hash, (reason, message) => {
    if (reason === 'outside') issues.error(place.file, place.line, message);
    else issues.error(ref, null, reason === 'missing' ? msg.boundariesMissing() : message);
  });
  if (bytes === null) return null;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (e) {
    issues.error(ref, null, msg.notValidGeoJson((e as Error).message));
    return null;
  }
}

/** A workbook in a folder that has no scenario.json, as the user would type its path, or null. */
/** Why a folder has no scenario.json: the workbook it holds instead, or that zonal wrote results there. */
async function whyNoSettings(dir: string, dirArg: string): Promise<string> {
  const names = await readdir(dir).catch(() => []);
  // Its result.xlsx is no scenario: the folder is an --out folder (its work files start .zonal-).
  if (names.some(isWorkFileName)) return msg.scenarioJsonMissingInOutput();
  const workbook = names.filter((n) => isWorkbookPath(n) && !n.startsWith('~$')).sort()[0];
  return msg.scenarioJsonMissing(workbook === undefined ? null : path.join(dirArg, workbook));
}

/**
 * `dir` is the folder's real path (scenario-file.ts compares real paths).
 * `prefetch`: open and read the table files side by side as soon as the
 * settings are read (table-prefetch.ts); the caller then calls `close` once done.
 */
export async function folderSource(
  dir: string,
  dirArg: string,
  issues: IssueList,
  hash: InputHasher,
  prefetch = false,
): Promise<(ScenarioSource & { close(): Promise<void> }) | null> {
  const jsonFile = 'scenario.json';
  let missing = false;
  const bytes = await readWhole(dir, jsonFile, fileSizeLimits.json, hash, (reason, message) => {
    if (reason === 'missing') missing = true;
    else issues.error(path.join(dirArg, jsonFile), null, message);
  });
  if (missing) issues.error(path.join(dirArg, jsonFile), null, await whyNoSettings(dir, dirArg));
  if (bytes === null) return null;
  const text = bytes.toString('utf8');
  const settings = await parseJson(jsonFile, bytes, issues);
  const tables = prefetch ? new TablePrefetch(dir, settings) : null;
  return {
    settingsFile: jsonFile,
    settings,
    line: jsonLine(text),
    table: (ref, sink) =>
      readCsvTable(dir, ref, jsonFile, text, settingsCurrency(settings), issues, hash, sink, tables),
    boundaries: (ref) =>
      readBoundaries(
        dir,
        ref,
        { file: jsonFile, line: ref === undefined ? null : keyLine(text, ref) },
        issues,
        hash,
      ),
    close: async () => tables?.close(),
  };
}

/**
 * `options.hash` false: no input hash (a folder's inputHash is ''), and node:crypto,
 * which takes a few milliseconds to load, is not loaded.
 */
export async function readScenario(dirArg: string, options = { hash: true }): Promise<ReadResult> {
  if (isWorkbookPath(dirArg)) return (await import('./read-workbook.js')).readWorkbookScenario(dirArg);
  const issues = new IssueList();
  const sha256 = options.hash ? (await import('./sha256.js')).sha256() : null;
  const hash = sha256 ?? noHash;
  const dir = await realpath(path.resolve(dirArg)).catch(() => path.resolve(dirArg));
  const found = await stat(dir).catch(() => null);
  if (found?.isDirectory() !== true) {
    // A file of a scenario folder (scenario.json, bids.csv): the folder is what was meant.
    const inScenario =
      found !== null &&
      (await stat(path.join(path.dirname(dir), 'scenario.json')).catch(() => null)) !== null;
    issues.error(
      dirArg,
      null,
      msg.notScenarioFolder(
        inScenario ? path.dirname(dirArg) : null,
        path.basename(dirArg) === 'scenario.json',
      ),
    );
    return { scenario: null, issues, inputHash: '', inputs: [] };
  }
  const source = await folderSource(dir, dirArg, issues, hash, true);
  let scenario: Scenario | null = null;
  try {
    scenario = source === null ? null : await readSource(source, issues);
  } finally {
    await source?.close();
  }
  return {
    scenario,
    issues,
    inputHash: scenario === null || sha256 === null ? '' : sha256.digest('hex').slice(0, 16),
    inputs: folderInputs(dir, source?.settings),
  };
}
