/**
 * Turn a table (a CSV file streamed record by record, or a workbook sheet)
 * into typed rows with a zod row schema (built on first use: a quick reader
 * takes the plainly right rows, model/row-schemas.ts), reporting every bad cell as
 * `file:line: column: what is wrong`. A mistake repeated down a column (a
 * misspelt value, a £ from the wrong encoding) is one message with the rows it
 * affects, not one per row. A rejected row's ids are kept, so the checks
 * across tables can skip references to it: one bad cell in areas.csv is one
 * message, not one more for every demand row, zone row and bid naming that area.
 */
import type { z } from 'zod';
import type { IssueList } from '../diagnostics/issues.js';
import { repeatedMistakes } from '../diagnostics/repeated-mistakes.js';
import * as msg from '../diagnostics/messages.js';
import type { CsvRecord, CsvTable } from './csv-read.js';
import { matchHeader, type HeaderMatch } from './header-match.js';
import { looseName } from '../diagnostics/did-you-mean.js';

import type { Lined, LinedColumns } from '../model/lined.js';
import type { CellWarning } from '../model/row-schemas.js';

export type { Lined };

/** Each row with its line, for the small tables. */
export function linedRows<T>(table: LinedColumns<T>): Lined<T>[] {
  return table.rows.map((row, i) => ({ line: table.lines[i] ?? 0, row }));
}

/** Distinct mistakes told for one file; the rest are counted. */
const maxIssuesPerFile = 50;

/**
 * The character that splits a header's cells into the required columns
 * (`area_id;name;...` from an Excel set to use semicolons, read as one cell, or a
 * header with only some of its commas replaced), or null: one mistake, one
 * message, instead of a "missing column" for every column.
 */
function otherSeparator(header: readonly string[], required: readonly string[]): string | null {
  const has = (cells: readonly string[]) => required.every((column) => cells.includes(looseName(column)));
  if (has(header.map(looseName))) return null;
  for (const separator of [';', '\t', '|']) {
    if (!header.some((cell) => cell.includes(separator))) continue;
    if (has(header.flatMap((cell) => cell.split(separator)).map(looseName))) return separator;
  }
  return null;
}

/**
 * Check the header (case, spaces and underscores do not matter) and return how
 * its cells map to zonal's column names, or null when a required column is
 * missing: then nothing below it is checked, so one missing column is one message.
 */
function checkColumns(
  file: string,
  header: readonly string[],
  line: number,
  required: readonly string[],
  known: readonly string[],
  issues: IssueList,
): HeaderMatch | null {
  if (header.length === 0 || (header.length === 1 && header[0] === '')) {
    issues.error(file, line, msg.tableEmpty(required));
    return null;
  }
  const separator = otherSeparator(header, required);
  if (separator !== null) {
    issues.error(file, line, msg.columnsNotCommaSeparated(separator));
    return null;
  }
  // One text where the header should be: a title typed above the table (merged across it, the text in every cell).
  const filled = [...new Set(header.map((cell) => cell.trim()).filter((cell) => cell !== ''))];
  const [only] = filled;
  if (filled.length === 1 && only !== undefined && !required.some((c) => looseName(c) === looseName(only))) {
    issues.error(file, line, msg.headerIsTitle(only, required));
    return null;
  }
  const match = matchHeader(header, required, known);
  if (match.missing.length > 0) {
    const misnamed = match.missing.filter((m) => m.typed !== null);
    for (const m of misnamed)
      issues.error(file, line, msg.columnMisnamed(m.column, m.typed), m.typed ?? undefined);
    const absent = match.missing.filter((m) => m.typed === null).map((m) => m.column);
    if (absent.length > 0) issues.error(file, line, msg.columnsMissing(absent, required));
    return null;
  }
  // The same column twice (an updated price column pasted beside the old one): which one is meant is not known.
  for (const r of match.repeated) issues.error(file, line, msg.columnRepeated(r.column, r.places), r.column);
  if (match.repeated.length > 0) return null;
  if (match.extra.length > 0)
    issues.warning(file, line, msg.extraColumnsIgnored(match.extra), match.extra[0]);
  return match;
}

/** The typed rows of a table, and the ids (by id column) of the rows rejected with a message. */
export interface TableRows<T> extends LinedColumns<T> {
  readonly rejected: RejectedIds;
  /**
   * Id column → its cells that were themselves bad in rejected rows (`A 1`,
   * or '' for an empty one; reported): the id such a row meant is not known,
   * so another table's reference to an unknown id may be to it.
   */
  readonly unreadable: RejectedIds;
  /** How many rows were rejected (a row whose id cell was empty or bad has no id to keep). */
  readonly rejectedRows: number;
}

/** Id column → the values it held in rejected rows (trimmed, as written). */
export type RejectedIds = ReadonlyMap<string, ReadonlySet<string>>;

/** Keeps the id cells of rejected rows; `idColumns` are the columns other tables refer to. */
function rejectedKeeper(idColumns: readonly string[]) {
  const rejected = new Map(idColumns.map((c) => [c, new Set<string>()]));
  const unreadable = new Map<string, Set<string>>();
  let count = 0;
  return {
    rejected: rejected as RejectedIds,
    unreadable: unreadable as RejectedIds,
    count: () => count,
    /** `badColumns`: the columns whose cells failed their checks. */
    keep(record: CsvRecord, badColumns: readonly string[] = []) {
      count++;
      for (const column of badColumns) {
        if (!rejected.has(column)) continue;
        const cells = unreadable.get(column) ?? new Set<string>();
        unreadable.set(column, cells);
        cells.add(record.cells[column]?.trim() ?? '');
      }
      for (const [column, ids] of rejected) {
        const id = record.cells[column]?.trim() ?? '';
        if (id !== '') ids.add(id);
      }
    },
  };
}

export interface RowOptions<T> {
  /** Columns other tables refer to: the ids of rejected rows are kept (see rejectedKeeper). */
  readonly idColumns?: readonly string[];
  /** The row without zod when every cell is plainly right, else null (zod then gives the messages); must accept only what the schema accepts, with the same result. */
  readonly fast?: (cells: Readonly<Record<string, string>>) => T | null;
  /** Where each accepted row goes as it is read, instead of into `rows` and `lines` (which then stay empty). */
  readonly collect?: (row: T, line: number) => void;
  /** What to warn of in an accepted row's cells (model/row-schemas.ts, RowKind.warnings). */
  readonly warnings?: (cells: Readonly<Record<string, string>>) => readonly CellWarning[];
  /** Mistakes in an accepted row's cells that the row's schema cannot see (a price's currency sign: model/row-schemas.ts, foreignPriceSigns). */
  readonly mistakes?: (cells: Readonly<Record<string, string>>) => readonly CellWarning[];
}

/** What a cell's issue says without its own value (model/number-text.ts, `same`), or its message. */
function sameMistake(issue: z.core.$ZodIssue): string {
  const same = issue.code === 'custom' ? (issue.params as { same?: unknown } | undefined)?.same : undefined;
  return typeof same === 'string' ? same : issue.message;
}

/** A first cell of a spreadsheet's totals row: Total, Totals, Grand total, Sub-total, Sum. */
const totalsCell = /^(grand\s*|sub-?\s*)?(totals?|sum):?$/i;

/**
 * What is wrong with a row that is not a row of the table, and the cell that shows it, or
 * null: a totals row, or a note (one cell filled). Such a row fails the checks of every cell
 * it leaves empty; it is one mistake, so it is one message (grouped with the rows that
 * repeat it, as a cell's mistake is). Asked only of a row that failed in more than one column.
 */
function strayRow(cells: Readonly<Record<string, string>>): { message: string; got: string } | null {
  const filled = Object.entries(cells)
    .map(([column, value]) => [column, value.trim()] as const)
    .filter(([, value]) => value !== '');
  const total = filled.find(([, value]) => totalsCell.test(value));
  if (total !== undefined) return { message: msg.rowIsTotals(total[0]), got: total[1] };
  const only = filled.length === 1 ? filled[0] : undefined;
  return only === undefined ? null : { message: msg.rowIsNote(only[0]), got: only[1] };
}

/**
 * Typed rows, one record at a time (records stream in from a large file).
 * Memory stays bounded: at most maxIssuesPerFile distinct mistakes are kept,
 * each with a few row numbers and a count.
 */
function rowReader<T>(
  file: string,
  width: number,
  schema: () => z.ZodType<T>,
  issues: IssueList,
  options: RowOptions<T> = {},
): { add(record: CsvRecord): void; headerAgain(record: CsvRecord): void; finish(): TableRows<T> } {
  const rows: T[] = [];
  const lines: number[] = [];
  const mistakes = repeatedMistakes(maxIssuesPerFile);
  const doubts = repeatedMistakes(maxIssuesPerFile);
  const keeper = rejectedKeeper(options.idColumns ?? []);
  const fast = options.fast ?? (() => null);
  const keep =
    options.collect ??
    ((row: T, line: number) => {
      rows.push(row);
      lines.push(line);
    });
  const warnings = options.warnings ?? (() => []);
  const cellMistakes = options.mistakes ?? (() => []);
  /**
   * An accepted row, and a warning (once, with the rows that repeat it) for each cell that may
   * not say what was meant; a mistake its schema cannot see is told the same way, as an error.
   */
  const collect = (row: T, record: CsvRecord) => {
    keep(row, record.line);
    for (const { column, message, same } of warnings(record.cells))
      doubts.note(`${column}\0${same}`, `${column} ${message}`, record.line, column);
    for (const { column, message, same } of cellMistakes(record.cells))
      mistakes.note(
        `${column}\0${same}`,
        `${column} ${message} (got "${record.cells[column]}")`,
        record.line,
        column,
      );
  };
  /** Rows longer than the header: each told, up to the limit. */
  let wide = 0;
  /** One mistake once, with the rows that repeat it; `got` is the first row's value; `same` (default `message`) says which rows hold the same one. */
  const note = (column: string, message: string, got: string, line: number, same = message) =>
    mistakes.note(
      `${column}\0${same}`,
      `${column === '' ? message : `${column} ${message}`}${got}`,
      line,
      column === '' ? undefined : column,
    );
  return {
    add(record: CsvRecord) {
      if (record.width > width) {
        keeper.keep(record);
        if (wide++ < maxIssuesPerFile) issues.error(file, record.line, msg.rowTooWide(record.width, width));
        return;
      }
      if (record.unnamed !== undefined) {
        keeper.keep(record);
        const { column, value } = record.unnamed;
        note('', msg.cellWithoutHeader(column, value), '', record.line, 'unnamed');
        return;
      }
      const quick = fast(record.cells);
      if (quick !== null) {
        collect(quick, record);
        return;
      }
      const parsed = schema().safeParse(record.cells);
      if (parsed.success) {
        collect(parsed.data, record);
        return;
      }
      const badColumns = parsed.error.issues.map((issue) => String(issue.path[0] ?? ''));
      keeper.keep(record, badColumns);
      const stray = new Set(badColumns).size > 1 ? strayRow(record.cells) : null;
      if (stray !== null) {
        note('', stray.message, ` (got "${stray.got}")`, record.line);
        return;
      }
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? '');
        const value = record.cells[column];
        note(
          column,
          issue.message,
          value === undefined || value === '' ? '' : ` (got "${value}")`,
          record.line,
          sameMistake(issue),
        );
      }
    },
    headerAgain(record: CsvRecord) {
      keeper.keep(record);
      note('', msg.headerRepeated(), '', record.line);
    },
    finish() {
      mistakes.tell(issues, file);
      doubts.tell(issues, file, 'warning');
      const more = Math.max(0, wide - maxIssuesPerFile) + mistakes.unshown();
      if (more > 0) issues.error(file, null, msg.moreProblemsNotShown(more));
      return {
        rows,
        lines,
        rejected: keeper.rejected,
        unreadable: keeper.unreadable,
        rejectedRows: keeper.count(),
      };
    },
  };
}

/**
 * The header line again, whole or its first columns (files joined one after
 * another): one message, not one per cell. The first cell is compared first,
 * so a row costs one string comparison.
 */
function repeatsHeader(record: CsvRecord, header: readonly string[]): boolean {
  const first = header[0];
  return (
    first !== undefined &&
    record.cells[first] === first &&
    header.every((name) => {
      const cell = (record.cells[name] ?? '').trim();
      return cell === '' || cell === name;
    })
  );
}

/** Where a table's header (with its line) and records go as they are read; `header` returns false to stop reading. */
export interface TableSink {
  /** The columns the table must have: a message about a sheet not there names them. */
  readonly required: readonly string[];
  header(header: readonly string[], line: number): boolean;
  record(record: CsvRecord): void;
}

/**
 * A table's header check and row reader as one sink: `finish` gives the typed
 * rows, or null when the header was wrong or never came (nothing to check).
 * `known`: the columns zonal knows in this table; `idColumns`: those other
 * tables refer to (see rowReader).
 */
export function tableReader<T>(
  file: string,
  columns: {
    readonly required: readonly string[];
    readonly known: readonly string[];
    readonly ids: readonly string[];
  },
  schema: () => z.ZodType<T>,
  issues: IssueList,
  options: Omit<RowOptions<T>, 'idColumns'> = {},
): TableSink & { finish(): TableRows<T> | null } {
  let match: HeaderMatch | null = null;
  let reader: ReturnType<typeof rowReader<T>> | null = null;
  let seenHeader: readonly string[] = [];
  return {
    required: columns.required,
    header(header, line) {
      seenHeader = header;
      match = checkColumns(file, header, line, columns.required, columns.known, issues);
      if (match !== null)
        reader = rowReader(file, header.length, schema, issues, { ...options, idColumns: columns.ids });
      return match !== null;
    },
    record(record) {
      if (match === null || reader === null) return;
      if (repeatsHeader(record, seenHeader)) reader.headerAgain(record);
      else reader.add(match.rename(record));
    },
    finish: () => reader?.finish() ?? null,
  };
}

/** Feed a table held whole (a workbook sheet) to a sink. */
export function feedTable(table: CsvTable, sink: TableSink): void {
  if (!sink.header(table.header, table.headerLine)) return;
  for (const record of table.records) sink.record(record);
}
