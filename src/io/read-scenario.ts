/**
 * Read a scenario folder: scenario.json and its CSV files → validated Scenario.
 *
 *   1. read and parse scenario.json (zod, defaults filled)
 *   2. resolve every file reference inside the folder
 *   3. parse each CSV (fast-csv) and validate each row (zod)
 *   4. assemble and cross-check (pure, model/assemble.ts)
 *
 * All problems are collected; the caller decides what to do with them.
 */
import { createHash, type Hash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { IssueList } from '../diagnostics/issues.js';
import { assembleScenario } from '../model/assemble.js';
import { areaRowSchema, bidRowSchema, currentRowSchema, demandRowSchema, providerRowSchema, requiredColumns, zoneRowSchema } from '../model/row-schemas.js';
import { scenarioJsonSchema, type ScenarioJson } from '../model/scenario-schema.js';
import type { Scenario } from '../model/types.js';
import { parseCsv } from './csv-read.js';
import { checkColumns, readRows, type Lined } from './table-rows.js';

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

async function readText(file: string, hash?: Hash): Promise<string | null> {
  try {
    const text = await readFile(file, 'utf8');
    hash?.update(`${path.basename(file)}\0${text}\0`);
    return text;
  } catch {
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

/** Resolve a file reference; it must stay inside the scenario folder. */
function inside(dir: string, ref: string, jsonFile: string, line: number | null, issues: IssueList): string | null {
  const full = path.resolve(dir, ref);
  const rel = path.relative(dir, full);
  if (path.isAbsolute(ref) || rel.startsWith('..') || path.isAbsolute(rel)) {
    issues.error(jsonFile, line, `file "${ref}" is outside the scenario folder: give a path inside it`);
    return null;
  }
  return full;
}

async function readTable<S extends z.ZodType>(
  dir: string, ref: string, required: readonly string[], schema: S, jsonFile: string, jsonText: string, issues: IssueList, hash: Hash,
): Promise<Lined<z.output<S>>[]> {
  const full = inside(dir, ref, jsonFile, keyLine(jsonText, ref), issues);
  if (full === null) return [];
  const text = await readText(full, hash);
  if (text === null) {
    issues.error(ref, null, `cannot read the file (named in ${jsonFile}): check the name and that it exists in the scenario folder`);
    return [];
  }
  let table;
  try {
    table = await parseCsv(text);
  } catch (e) {
    issues.error(ref, null, `is not a readable CSV file (${(e as Error).message})`);
    return [];
  }
  const known = Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape);
  if (!checkColumns(ref, table, required, known, issues)) return [];
  return readRows(ref, table, schema, issues);
}

async function readBoundaries(dir: string, ref: string | undefined, jsonFile: string, jsonText: string, issues: IssueList, hash: Hash): Promise<unknown> {
  if (ref === undefined) return null;
  const full = inside(dir, ref, jsonFile, keyLine(jsonText, ref), issues);
  const text = full === null ? null : await readText(full, hash);
  if (text === null) {
    if (full !== null) issues.error(ref, null, 'cannot read the boundaries file: check the name');
    return null;
  }
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
  const dir = path.resolve(dirArg);
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  const jsonFile = 'scenario.json';
  if (!isDir) {
    issues.error(dirArg, null, 'is not a scenario folder: give a folder that holds scenario.json (try scenarios/tiny)');
    return { scenario: null, issues, inputHash: '' };
  }
  const text = await readText(path.join(dir, jsonFile), hash);
  if (text === null) {
    issues.error(path.join(dirArg, jsonFile), null, 'is missing: a scenario folder needs scenario.json (see `zonal init`)');
    return { scenario: null, issues, inputHash: '' };
  }
  const { json, raw } = parseJson(jsonFile, text, issues);
  const table = <S extends z.ZodType>(ref: string, required: readonly string[], schema: S) => readTable(dir, ref, required, schema, jsonFile, text, issues, hash);
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
    demand: await table(json.files.demand, requiredColumns.demand, demandRowSchema),
    providers: await table(json.files.providers, requiredColumns.providers, providerRowSchema),
    bids: await table(json.files.bids, requiredColumns.bids, bidRowSchema),
    current: json.files.current === undefined ? [] : await table(json.files.current, requiredColumns.current, currentRowSchema),
    boundaries: await readBoundaries(dir, json.files.boundaries, jsonFile, text, issues, hash),
  };
  const scenario = assembleScenario(rows, issues);
  return { scenario: issues.hasErrors ? null : scenario, issues, inputHash: digest() };
}
