/**
 * One way to read a scenario, whatever holds it (a folder of CSV files or one
 * workbook): the holder is a ScenarioSource that yields the settings and
 * streams each table, header then records, into a sink; checking is shared, so
 * a workbook and a folder get the same checks and the same messages.
 *
 *   1. check the settings (their plans, or zod when the plans decline them:
 *      model/settings-plan.ts); every problem names its key path
 *   2. read each table, match its header, validate each row (zod)
 *   3. if a table could not be read or misses a column, stop there: the
 *      cross-table checks would only repeat that one mistake many times
 *   4. cross-check the tables (pure, model/assemble.ts, checkTables): this
 *      needs only the settings' file names and zonings, so it runs even when
 *      other settings are wrong, and a user fixes both in one round
 *   5. with the settings right, assemble (the checks that need them too)
 */
import type { z } from 'zod';
import type { IssueList } from '../diagnostics/issues.js';
import type { LineOf } from '../diagnostics/nearest-line.js';
import { assembleScenario, checkTables, type TableRows, type ZoningRows } from '../model/assemble.js';
import { demandRowReader } from '../model/demand-fast-path.js';
import { checkAreaPlaces } from '../model/geography.js';
import {
  areaRows,
  bidRows,
  currentRows,
  demandInputSchema,
  demandRows,
  foreignPriceSigns,
  providerRows,
  referencedColumns,
  requiredColumns,
  type RowKind,
  zoneRows,
} from '../model/row-schemas.js';
import type { Scenario } from '../model/types.js';
import { settingsCurrency } from '../model/scenario-schema.js';
import { checkSettings, tableRefs } from './scenario-settings.js';
import type { Lined, LinedColumns } from '../model/lined.js';
import { linedRows, type RejectedIds, type RowOptions, tableReader, type TableSink } from './table-rows.js';
import { type DemandTable, demandTableBuilder } from '../model/demand-table.js';

export interface ScenarioSource {
  /** Name of the settings in messages: `scenario.json`, or the workbook's `scenario` sheet. */
  readonly settingsFile: string;
  /** The settings as parsed, before checking; undefined when they could not be read (already reported). */
  readonly settings: unknown;
  /** Line (or row) of a key path in the settings, for messages; null when the path has none of its own. */
  readonly line: LineOf;
  /** Stream a table by its reference (file name or sheet) into `sink`; false when it cannot be read (already reported). */
  table(ref: string, sink: TableSink): Promise<boolean>;
  /** The boundaries GeoJSON, or null (problems reported). */
  boundaries(ref: string | undefined): Promise<unknown>;
}

type Table = keyof typeof requiredColumns;
const noneRejected: RejectedIds = new Map();

export async function readSource(source: ScenarioSource, issues: IssueList): Promise<Scenario | null> {
  if (source.settings === undefined) return null;
  const json = checkSettings(source.settings, { file: source.settingsFile, line: source.line }, issues);
  let broken = false;
  const rejected = new Map<string, RejectedIds>();
  const unreadable = new Map<string, RejectedIds>();
  const rejectedRows = new Map<string, number>();
  /** Coordinates are checked even when the settings have errors: a swapped pair is worth knowing at once. */
  const areas = async (ref: string) => {
    const rows = await table(ref, 'areas', areaRows);
    checkAreaPlaces(
      rows.map(({ line, row }) => ({ line, id: row.area_id, lat: row.lat, lon: row.lon })),
      json?.bounds,
      ref,
      issues,
    );
    return rows;
  };
  /** `known`: the table's columns; `schema` checks a row the quick reader (`options.fast`) declines. */
  const columnsOf = async <T>(
    ref: string,
    kind: Table,
    known: readonly string[],
    schema: () => z.ZodType<T>,
    options: Omit<RowOptions<T>, 'idColumns'> = {},
  ): Promise<LinedColumns<T>> => {
    const reader = tableReader(
      ref,
      { required: requiredColumns[kind], known, ids: referencedColumns[kind] },
      schema,
      issues,
      options,
    );
    const read = await source.table(ref, reader);
    const rows = reader.finish();
    if (!read || rows === null) broken = true;
    if (rows !== null) {
      rejected.set(ref, rows.rejected);
      unreadable.set(ref, rows.unreadable);
      rejectedRows.set(ref, rows.rejectedRows);
    }
    return read && rows !== null ? rows : { rows: [], lines: [] };
  };
  /** `mistakes`: what the row's schema cannot see (see RowOptions.mistakes). */
  const table = async <T>(
    ref: string,
    kind: Table,
    rows: RowKind<T>,
    mistakes?: RowOptions<T>['mistakes'],
  ): Promise<Lined<T>[]> =>
    linedRows(
      await columnsOf(ref, kind, rows.columns, rows.schema, {
        fast: rows.read,
        warnings: rows.warnings,
        ...(mistakes === undefined ? {} : { mistakes }),
      }),
    );
  /** The demand file, stored compactly as its rows stream in (model/demand-table.ts). */
  const demandOf = async (ref: string): Promise<DemandTable> => {
    const demand = demandTableBuilder();
    await columnsOf(ref, 'demand', demandRows.columns, demandInputSchema, {
      fast: demandRowReader(),
      collect: demand.push,
      warnings: demandRows.warnings,
    });
    return demand.finish();
  };
  /** Ids of the rejected rows of a table, by id column (already reported). */
  const rejectedIn = (ref: string, column: string): ReadonlySet<string> =>
    (rejected.get(ref) ?? noneRejected).get(column) ?? new Set();
  /** The bad cells of an id column in a table's rejected rows (the ids they meant are unknown). */
  const unreadableIn = (ref: string, column: string): ReadonlySet<string> =>
    (unreadable.get(ref) ?? noneRejected).get(column) ?? new Set();
  // The file names and zonings: all the cross-table checks need of the settings (model/assemble.ts, checkTables).
  const refs = json ?? tableRefs(source.settings);
  if (refs === null) return null;
  const zonings = new Map<string, ZoningRows>();
  for (const [name, ref] of Object.entries(refs.zonings)) {
    const zoning = await table(ref, 'zones', zoneRows);
    zonings.set(name, { file: ref, rows: zoning, hasRejected: (rejectedRows.get(ref) ?? 0) > 0 });
  }
  const files = {
    areas: refs.files.areas,
    demand: refs.files.demand,
    providers: refs.files.providers,
    bids: refs.files.bids,
    current: refs.files.current ?? null,
  };
  const zoneFiles = Object.values(refs.zonings);
  const tables: TableRows = {
    jsonFile: source.settingsFile,
    jsonLine: (...path: readonly string[]) => source.line(path),
    files,
    areas: await areas(files.areas),
    zonings,
    demand: await demandOf(files.demand),
    demandHasRejected: (rejectedRows.get(files.demand) ?? 0) > 0,
    providers: await table(files.providers, 'providers', providerRows),
    // A price in another currency's sign is told whether or not the rest of the settings are right.
    bids: await table(
      files.bids,
      'bids',
      bidRows,
      foreignPriceSigns(json?.currency ?? settingsCurrency(source.settings)),
    ),
    // After the bids are read: their rejected rows are counted as they are read.
    bidsHaveRejected: (rejectedRows.get(files.bids) ?? 0) > 0,
    current: files.current === null ? [] : await table(files.current, 'current', currentRows),
    rejected: {
      areas: rejectedIn(files.areas, 'area_id'),
      zones: new Set(zoneFiles.flatMap((ref) => [...rejectedIn(ref, 'zone_id')])),
      providers: rejectedIn(files.providers, 'provider_id'),
      unreadable: {
        areas: unreadableIn(files.areas, 'area_id'),
        zones: new Set(zoneFiles.flatMap((ref) => [...unreadableIn(ref, 'zone_id')])),
        providers: unreadableIn(files.providers, 'provider_id'),
      },
    },
  };
  if (json === null) {
    // Settings with errors (reported): the tables are still checked against each other, so both are told in one round.
    if (!broken) checkTables(tables, issues);
    return null;
  }
  const boundaries = await source.boundaries(json.files.boundaries);
  if (broken) return null;
  const rows = { ...tables, json, boundaries };
  const scenario = assembleScenario(rows, issues);
  if (issues.hasErrors) return null;
  const setting = (keyPath: readonly string[]) =>
    issues.place(source.settingsFile, source.line(keyPath), 'value');
  /** A file, or a workbook's sheet (placed as `sheet demand`): `the demand sheet of tender.xlsx`. */
  const named = (file: string) => {
    const { file: shown, cell } = issues.place(file, null);
    return cell === undefined ? shown : `the ${file} sheet of ${shown}`;
  };
  const places = {
    names: {
      settings: named(source.settingsFile),
      areas: named(json.files.areas),
      demand: named(json.files.demand),
    },
    bids: new Map(
      rows.bids.map(({ line, row }) => [row.bid_id, issues.place(json.files.bids, line, 'price_per_hour')]),
    ),
    lots: new Map(Object.keys(json.lots).map((careType) => [careType, setting(['lots', careType])])),
    award: new Map(Object.keys(json.award).map((rule) => [rule, setting(['award', rule])])),
  };
  return { ...scenario, places };
}
