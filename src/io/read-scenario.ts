/**
 * Read a scenario folder: scenario.json and its CSV files → validated Scenario.
 *
 *   1. read and parse scenario.json (zod, defaults filled)
 *   2. open every file it names: regular files inside the folder only (scenario-file.ts)
 *   3. stream each CSV (papaparse) and validate each row (zod) as it arrives
 *   4. assemble and cross-check (pure, model/assemble.ts)
 *
 * All problems are collected; the caller decides what to do with them.
 */
import { createHash, type Hash } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { IssueList } from '../diagnostics/issues.js';
import { assembleScenario } from '../model/assemble.js';
import { areaRowSchema, bidRowSchema, currentRowSchema, demandInputSchema, demandRowSchema, providerRowSchema, requiredColumns, zoneRowSchema } from '../model/row-schemas.js';
import { scenarioJsonSchema, type ScenarioJson } from '../model/scenario-schema.js';
import type { Scenario } from '../model/types.js';
import { csvText, streamCsv } from './csv-read.js';
import { fileSizeLimits, openScenarioFile, readOpened } from './scenario-file.js';
import { checkColumns, rowReader, type Lined } from './table-rows.js';

export interface ReadResult {
  readonly scenario: Scenario | null;
  readonly issues: IssueList;
  /** sha256 of every file read, in a fixed order: names a run's inputs. */
  readonly inputHash: string;
}

function keyLine(text: string, key: string): number | null {
  const index = text.split(/\r?\n/).findIndex((l) => l.includes(`"${key}"`));
  return index < 0 ? null : index + 1;
}

/** A whole (small) file as text, or null after reporting why it cannot be read. */
async function readText(dir: string, ref: string, maxBytes: number, hash: Hash, report: (reason: 'outside' | 'missing' | 'refused', message: string) => void): Promise<string | null> {
  const opened = await openScenarioFile(dir, ref, maxBytes);
  if (opened.kind === 'bad') {
    report(opened.reason, opened.message);
    return null;
  }
  try {
    const bytes = await readOpened(opened.handle, maxBytes);
    hash.update(`${path.basename(ref)}\0`).update(bytes).update('\0');
    return bytes.toString('utf8');
  } catch (e) {
    report('refused', `cannot be read (${(e as Error).message})`);
    return null;
  }
}

function parseJson(jsonFile: string, text: string, issues: IssueList): { json: ScenarioJson | null; raw: unknown } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : null;
    issues.error(jsonFile, line, `is not valid JSON (${(e as Error).message}): check for a missing comma or quote`);
    return { json: null, raw: null };
  }
  const parsed = scenarioJsonSchema.safeParse(raw);
  if (parsed.success) return { json: parsed.data, raw };
  for (const issue of parsed.error.issues) {
    const where = issue.path.map(String).join('.');
    const last = issue.path[issue.path.length - 1];
    issues.error(jsonFile, keyLine(text, String(last ?? '')), `${where || '(top level)'} ${issue.message}`);
  }
  return { json: null, raw };
}

/** When scenario.json has errors, still check the CSV files it names, so every problem is reported at once. */
const filesOnlySchema = scenarioJsonSchema.pick({ files: true, zonings: true });

async function readTable<S extends z.ZodType>(
  dir: string, ref: string, required: readonly string[], schema: S, jsonFile: string, jsonText: string, issues: IssueList, hash: Hash, known: readonly string[],
): Promise<Lined<z.output<S>>[]> {
  const opened = await openScenarioFile(dir, ref, fileSizeLimits.table);
  if (opened.kind === 'bad') {
    if (opened.reason === 'outside') issues.error(jsonFile, keyLine(jsonText, ref), opened.message);
    else issues.error(ref, null, opened.message);
    return [];
  }
  let reader: ReturnType<typeof rowReader<S>> | null = null;
  let bytes = 0;
  hash.update(`${path.basename(ref)}\0`);
  const text = opened.handle.createReadStream({ highWaterMark: 1 << 20 }).pipe(csvText((chunk) => {
    bytes += chunk.length;
    if (bytes > fileSizeLimits.table) throw new Error('the file grew past the size limit while being read');
    hash.update(chunk);
  }));
  try {
    await streamCsv(text, (header) => {
      if (!checkColumns(ref, { header }, required, known, issues)) return false;
      reader = rowReader(ref, header.length, schema, issues);
      return true;
    }, (record) => reader?.add(record));
  } catch (e) {
    const line = (e as { line?: unknown }).line;
    issues.error(ref, typeof line === 'number' ? line : null, `is not a readable CSV file: ${(e as Error).message}`);
    return [];
  } finally {
    await opened.handle.close().catch(() => undefined);
  }
  hash.update('\0');
  return (reader as ReturnType<typeof rowReader<S>> | null)?.finish() ?? [];
}

async function readBoundaries(dir: string, ref: string | undefined, jsonFile: string, jsonText: string, issues: IssueList, hash: Hash): Promise<unknown> {
  if (ref === undefined) return null;
  const text = await readText(dir, ref, fileSizeLimits.boundaries, hash, (reason, message) => {
    if (reason === 'outside') issues.error(jsonFile, keyLine(jsonText, ref), message);
    else issues.error(ref, null, reason === 'missing' ? 'cannot read the boundaries file: check the name' : message);
  });
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    issues.error(ref, null, `is not valid GeoJSON (${(e as Error).message})`);
    return null;
  }
}

export async function readScenario(dirArg: string): Promise<ReadResult> {
  const issues = new IssueList();
  const hash = createHash('sha256');
  const digest = () => hash.digest('hex').slice(0, 16);
  const dir = await realpath(path.resolve(dirArg)).catch(() => path.resolve(dirArg));
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  const jsonFile = 'scenario.json';
  if (!isDir) {
    issues.error(dirArg, null, 'is not a scenario folder: give a folder that holds scenario.json (try scenarios/tiny)');
    return { scenario: null, issues, inputHash: '' };
  }
  const text = await readText(dir, jsonFile, fileSizeLimits.json, hash, (reason, message) =>
    issues.error(path.join(dirArg, jsonFile), null, reason === 'missing' ? 'is missing: a scenario folder needs scenario.json (see `zonal init`)' : message));
  if (text === null) return { scenario: null, issues, inputHash: '' };
  const { json, raw } = parseJson(jsonFile, text, issues);
  /** `columns`: the schema whose keys are the file's known columns (the row schema itself, unless it reshapes rows). */
  const table = <S extends z.ZodType>(ref: string, required: readonly string[], schema: S, columns: z.ZodObject = schema as unknown as z.ZodObject) =>
    readTable(dir, ref, required, schema, jsonFile, text, issues, hash, Object.keys(columns.shape));
  if (json === null) {
    const files = filesOnlySchema.safeParse(raw);
    if (files.success) {
      for (const ref of Object.values(files.data.zonings)) await table(ref, requiredColumns.zones, zoneRowSchema);
      await table(files.data.files.areas, requiredColumns.areas, areaRowSchema);
      await table(files.data.files.demand, requiredColumns.demand, demandRowSchema);
      await table(files.data.files.providers, requiredColumns.providers, providerRowSchema);
      await table(files.data.files.bids, requiredColumns.bids, bidRowSchema);
      if (files.data.files.current !== undefined) await table(files.data.files.current, requiredColumns.current, currentRowSchema);
    }
    return { scenario: null, issues, inputHash: '' };
  }
  const zonings = new Map<string, { file: string; rows: Lined<z.output<typeof zoneRowSchema>>[] }>();
  for (const [name, ref] of Object.entries(json.zonings)) zonings.set(name, { file: ref, rows: await table(ref, requiredColumns.zones, zoneRowSchema) });
  const rows = {
    json,
    jsonFile,
    jsonLine: (key: string) => keyLine(text, key),
    files: { areas: json.files.areas, demand: json.files.demand, providers: json.files.providers, bids: json.files.bids, current: json.files.current ?? null },
    areas: await table(json.files.areas, requiredColumns.areas, areaRowSchema),
    zonings,
    demand: await table(json.files.demand, requiredColumns.demand, demandInputSchema, demandRowSchema),
    providers: await table(json.files.providers, requiredColumns.providers, providerRowSchema),
    bids: await table(json.files.bids, requiredColumns.bids, bidRowSchema),
    current: json.files.current === undefined ? [] : await table(json.files.current, requiredColumns.current, currentRowSchema),
    boundaries: await readBoundaries(dir, json.files.boundaries, jsonFile, text, issues, hash),
  };
  const scenario = assembleScenario(rows, issues);
  return { scenario: issues.hasErrors ? null : scenario, issues, inputHash: digest() };
}
