/**
 * Read a scenario: a folder (scenario.json and its CSV files) or one `.xlsx`
 * workbook → validated Scenario. This file is the folder's ScenarioSource;
 * read-workbook.ts is the workbook's; scenario-source.ts checks either.
 *
 * All problems are collected; the caller decides what to do with them.
 */
import { createHash, type Hash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { IssueList } from '../diagnostics/issues.js';
import type { Scenario } from '../model/types.js';
import { parseCsv, type CsvTable } from './csv-read.js';
import { readSource, type ScenarioSource } from './scenario-source.js';
import { decodeTableBytes, undecodableMessage, windows1252Warning } from './text-decode.js';
import { isWorkbookPath } from './workbook-path.js';

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

async function readBytes(file: string, hash?: Hash): Promise<Buffer | null> {
  try {
    const bytes = await readFile(file);
    hash?.update(`${path.basename(file)}\0`).update(bytes).update('\0');
    return bytes;
  } catch {
    return null;
  }
}

function parseJson(jsonFile: string, text: string, issues: IssueList): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : null;
    issues.error(jsonFile, line, `is not valid JSON (${(e as Error).message}): check for a missing comma or quote`);
    return undefined;
  }
}

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

/** The first line holding a character outside ASCII: where a wrong encoding shows. */
function firstNonAsciiLine(text: string): number {
  const at = text.search(/[^\x00-\x7f]/);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

async function readCsvTable(dir: string, ref: string, jsonFile: string, jsonText: string, issues: IssueList, hash: Hash): Promise<CsvTable | null> {
  const full = inside(dir, ref, jsonFile, keyLine(jsonText, ref), issues);
  if (full === null) return null;
  const bytes = await readBytes(full, hash);
  if (bytes === null) {
    issues.error(ref, null, `cannot read the file (named in ${jsonFile}): check the name and that it exists in the scenario folder`);
    return null;
  }
  const decoded = decodeTableBytes(bytes);
  const problem = undecodableMessage(decoded);
  if (decoded.kind !== 'text' || problem !== null) {
    issues.error(ref, null, problem ?? 'cannot be read as text');
    return null;
  }
  if (decoded.encoding === 'windows-1252') issues.warning(ref, firstNonAsciiLine(decoded.text), windows1252Warning);
  try {
    return await parseCsv(decoded.text);
  } catch (e) {
    issues.error(ref, null, `is not a readable CSV file (${(e as Error).message})`);
    return null;
  }
}

/** A GeoJSON file next to the scenario's settings (a folder, or the workbook's folder). */
export async function readBoundaries(dir: string, ref: string | undefined, place: { file: string; line: number | null }, issues: IssueList, hash: Hash): Promise<unknown> {
  if (ref === undefined) return null;
  const full = inside(dir, ref, place.file, place.line, issues);
  const bytes = full === null ? null : await readBytes(full, hash);
  if (bytes === null) {
    if (full !== null) issues.error(ref, null, 'cannot read the boundaries file: check the name');
    return null;
  }
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (e) {
    issues.error(ref, null, `is not valid GeoJSON (${(e as Error).message})`);
    return null;
  }
}

export async function folderSource(dir: string, dirArg: string, issues: IssueList, hash: Hash): Promise<ScenarioSource | null> {
  const jsonFile = 'scenario.json';
  const bytes = await readBytes(path.join(dir, jsonFile), hash);
  if (bytes === null) {
    issues.error(path.join(dirArg, jsonFile), null, 'is missing: a scenario folder needs scenario.json (see `zonal init`)');
    return null;
  }
  const text = bytes.toString('utf8');
  return {
    settingsFile: jsonFile,
    settings: parseJson(jsonFile, text, issues),
    line: (keyPath) => keyLine(text, String(keyPath[keyPath.length - 1] ?? '')),
    table: (ref) => readCsvTable(dir, ref, jsonFile, text, issues, hash),
    boundaries: (ref) => readBoundaries(dir, ref, { file: jsonFile, line: ref === undefined ? null : keyLine(text, ref) }, issues, hash),
  };
}

export async function readScenario(dirArg: string): Promise<ReadResult> {
  if (isWorkbookPath(dirArg)) return (await import('./read-workbook.js')).readWorkbookScenario(dirArg);
  const issues = new IssueList();
  const hash = createHash('sha256');
  const dir = path.resolve(dirArg);
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) {
    issues.error(dirArg, null, 'is not a scenario folder: give a folder that holds scenario.json, or an .xlsx workbook (try scenarios/tiny)');
    return { scenario: null, issues, inputHash: '' };
  }
  const source = await folderSource(dir, dirArg, issues, hash);
  const scenario = source === null ? null : await readSource(source, issues);
  return { scenario, issues, inputHash: scenario === null ? '' : hash.digest('hex').slice(0, 16) };
}
