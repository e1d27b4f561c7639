/**
 * A scenario held in one `.xlsx` workbook: a `scenario` sheet of settings (key,
 * value) and one sheet per table with the CSV files' column names. This is the
 * workbook's ScenarioSource: it yields the same settings and tables a folder
 * does, and places problems at `tender.xlsx: bids!C7` instead of a file line.
 */
import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { looseName } from '../diagnostics/did-you-mean.js';
import { IssueList, type SheetPlaces } from '../diagnostics/issues.js';
import * as msg from '../diagnostics/messages.js';
import type { ReadResult } from './read-scenario.js';
import { readBoundaries } from './read-scenario.js';
import { fileSizeLimits, readRegularBytes } from './scenario-file.js';
import { readSource, type ScenarioSource } from './scenario-source.js';
import { feedTable } from './table-rows.js';
import { copiesOfSheet } from './sheet-copies.js';
import { sheetNames, zoningOfSheet } from './workbook-path.js';
import { tableFileKeys } from '../model/scenario-schema.js';
import { columnName } from '../report/xlsx/xlsx-xml.js';
import {
  hiddenRows,
  mergedHeaderCells,
  shownTwin,
  nestSettings,
  settingRows,
  sheetHeader,
  sheetTable,
  type SettingRow,
} from './workbook-sheets.js';
import { settingsAsMeant } from './setting-cells.js';

const fail = (file: string, message: string): ReadResult => {
  const issues = new IssueList();
  issues.error(file, null, message);
  return { scenario: null, issues, inputHash: '', inputs: [] };
};

async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook | string> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return bytes[0] === 0xd0 && bytes[1] === 0xcf ? msg.workbookIsXls() : msg.notAWorkbook();
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  } catch (e) {
    return msg.workbookCannotOpen((e as Error).message);
  }
}

/** Sheets by name; a sheet named "Bids" or " bids " is the bids sheet (the first so named, unless one has the very name: a later one is told as a copy). */
function sheetLookup(workbook: ExcelJS.Workbook): (name: string) => ExcelJS.Worksheet | undefined {
  return (name) =>
    workbook.worksheets.find((s) => s.name === name) ??
    workbook.worksheets.find((s) => looseName(s.name) === looseName(name));
}

/** Settings every scenario gives: a sheet whose column A names two of them holds the settings, whatever its name. */
const requiredSettings = ['name', 'period', 'lots'];

/** The sheet holding the settings under another name (the scenario sheet renamed `Settings`), or null. */
function renamedSettingsSheet(workbook: ExcelJS.Workbook): string | null {
  const holds = (ws: ExcelJS.Worksheet) => {
    const keys = new Set(settingRows(ws).map((r) => looseName(r.path[0] ?? '')));
    return requiredSettings.filter((key) => keys.has(key)).length >= 2;
  };
  return workbook.worksheets.find(holds)?.name ?? null;
}

/** A sheet zonal reads no table from whose header row names every one of `columns` (a table sheet renamed), or null. */
function renamedTableSheet(unread: readonly ExcelJS.Worksheet[], columns: readonly string[]): string | null {
  const holds = (ws: ExcelJS.Worksheet) => {
    const header = new Set(sheetHeader(ws).map(looseName));
    return columns.every((c) => header.has(looseName(c)));
  };
  return unread.find(holds)?.name ?? null;
}

/** The tables a workbook holds, as the `files` and `zonings` of scenario.json; the scenario sheet may name others. */
function tableRefs(workbook: ExcelJS.Workbook, settings: Record<string, unknown>): Record<string, unknown> {
  const names = workbook.worksheets.map((s) => s.name.trim());
  const find = (name: string) => names.find((n) => looseName(n) === looseName(name));
  const files: Record<string, string> = {};
  for (const key of tableFileKeys) files[key] = find(sheetNames[key]) ?? sheetNames[key];
  if (find(sheetNames.current) === undefined) delete files['current'];
  const zonings: Record<string, string> = {};
  // A copy of a zoning sheet ("zones-two (2)", or "Zones_two" after "zones-two") is no zoning: reading the first tells it as a copy.
  const sheets = workbook.worksheets;
  const isCopy = (ws: ExcelJS.Worksheet, at: number) =>
    sheets.some(
      (other, i) =>
        other !== ws &&
        copiesOfSheet(other.name, [ws.name]).length > 0 &&
        (looseName(other.name) !== looseName(ws.name) || i < at),
    );
  for (const ws of sheets.filter((s, at) => !isCopy(s, at))) {
    const header = sheetHeader(ws).map(looseName);
    const zoning = zoningOfSheet(
      ws.name,
      ['area_id', 'zone_id'].every((c) => header.includes(looseName(c))),
    );
    if (zoning !== null) zonings[zoning] = ws.name.trim();
  }
  const given = (key: string) =>
    typeof settings[key] === 'object' && settings[key] !== null
      ? (settings[key] as Record<string, unknown>)
      : {};
  return {
    ...settings,
    files: { ...files, ...given('files') },
    zonings: { ...zonings, ...given('zonings') },
  };
}

/** The sheet names (loose) that the `files` and `zonings` of `refs` read tables from. */
function tablesNamed(refs: Record<string, unknown>): Set<string> {
  const names = (key: string) => Object.values((refs[key] ?? {}) as Record<string, unknown>);
  return new Set(
    [...names('files'), ...names('zonings')].filter((n) => typeof n === 'string').map(looseName),
  );
}

function places(workbookName: string, sheet: (name: string) => ExcelJS.Worksheet | undefined): SheetPlaces {
  return {
    workbook: workbookName,
    place(file, line, column) {
      const ws = sheet(file);
      if (ws === undefined) return null;
      if (line === null) return `sheet ${ws.name}`;
      // A setting's problem is in its value (column B) unless it is the key itself (column A) or a setting left out (the row of what holds it).
      const index =
        looseName(ws.name) === looseName(sheetNames.settings)
          ? column === 'key'
            ? 0
            : column === 'row'
              ? -1
              : 1
          : column === undefined
            ? -1
            : sheetHeader(ws).findIndex((h) => looseName(h) === looseName(column));
      return index < 0 ? `${ws.name} row ${line}` : `${ws.name}!${columnName(index + 1)}${line}`;
    },
  };
}

/** Row of a key path on the scenario sheet: the key itself, else the first key under it. */
function settingLine(rows: readonly SettingRow[], keyPath: readonly PropertyKey[]): number | null {
  const wanted = keyPath.map(String).join('.');
  const exact = rows.find((r) => r.path.join('.') === wanted);
  const under = rows.find((r) => r.path.join('.').startsWith(`${wanted}.`));
  return (exact ?? under)?.line ?? null;
}

export async function readWorkbookScenario(fileArg: string): Promise<ReadResult> {
  const read = await readRegularBytes(fileArg, fileSizeLimits.workbook);
  if (read.kind === 'bad')
    return fail(fileArg, read.reason === 'missing' ? msg.workbookMissing() : read.message);
  const { bytes } = read;
  const workbook = await openWorkbook(bytes);
  if (typeof workbook === 'string') return fail(fileArg, workbook);
  const name = path.basename(fileArg);
  const sheet = sheetLookup(workbook);
  const issues = new IssueList(places(name, sheet));
  const settingsSheet = sheet(sheetNames.settings);
  if (settingsSheet === undefined) {
    issues.error(
      name,
      null,
      msg.workbookNoSettingsSheet(
        sheetNames.settings,
        workbook.worksheets.map((s) => s.name),
        renamedSettingsSheet(workbook),
      ),
    );
    return { scenario: null, issues, inputHash: '', inputs: [] };
  }
  /** Tells each copy of `ws` ("bids (2)"): true when there is one, so that neither is read as meant. */
  const toldCopies = (ws: ExcelJS.Worksheet): boolean => {
    const copies = copiesOfSheet(
      ws.name,
      workbook.worksheets.map((s) => s.name),
    );
    for (const copy of copies)
      issues.error(copy, null, msg.workbookSheetCopy(ws.name, ws.state !== 'visible'));
    return copies.length > 0;
  };
  if (toldCopies(settingsSheet)) return { scenario: null, issues, inputHash: '', inputs: [] };
  const rows = settingRows(settingsSheet);
  const hash = createHash('sha256').update(bytes);
  const refs = tableRefs(workbook, nestSettings(rows));
  /** The sheets zonal reads no table from: notes, or a table kept under another name. */
  const tableSheets = tablesNamed(refs);
  const unread = workbook.worksheets.filter((s) => !tableSheets.has(looseName(s.name)));
  const source: ScenarioSource = {
    settingsFile: settingsSheet.name,
    settings: settingsAsMeant(refs),
    line: (keyPath) => settingLine(rows, keyPath),
    table: async (ref, sink) => {
      const ws = sheet(ref);
      if (ws !== undefined) {
        if (toldCopies(ws)) return false;
        const twin = shownTwin(ws, unread);
        if (twin !== undefined) {
          issues.error(ws.name, null, msg.workbookHiddenTwin(ws.name, twin));
          return false;
        }
        const table = sheetTable(ws);
        const merged = mergedHeaderCells(ws);
        if (merged.length > 0) {
          issues.error(ws.name, table.headerLine, msg.workbookHeaderMerged(merged));
          return false;
        }
        const [first, ...more] = hiddenRows(ws, table);
        if (first !== undefined)
          issues.warning(
            ws.name,
            first,
            msg.workbookRowsHidden(more.length, more.slice(0, msg.repeatedRowsShown)),
          );
        feedTable(table, sink);
        return true;
      }
      issues.error(
        name,
        null,
        msg.workbookNoSheet(
          ref,
          workbook.worksheets.map((s) => s.name),
          sink.required,
          renamedTableSheet(unread, sink.required),
        ),
      );
      return false;
    },
    boundaries: async (ref) =>
      readBoundaries(
        await realpath(path.dirname(path.resolve(fileArg))),
        ref,
        { file: settingsSheet.name, line: settingLine(rows, ['files', 'boundaries']) },
        issues,
        hash,
      ),
  };
  const scenario = await readSource(source, issues);
  return {
    scenario,
    issues,
    inputHash: scenario === null ? '' : hash.digest('hex').slice(0, 16),
    inputs: [await realpath(fileArg)],
  };
}
