/**
 * Workbooks of formatted tables: a summary sheet first (label in A, value in
 * B), then one sheet per table with a bold frozen header, filter buttons,
 * widths that fit and number formats per column. Written by xlsx-write.ts;
 * exceljs-sheet.ts writes the same table sheets through exceljs, for the
 * scenario template. Text is always written as text, so a cell such as
 * "=HYPERLINK(…)" from a provider's name can never run as a formula.
 */
import { currencySymbol } from '../../model/money.js';
import type { CellStyle } from './xlsx-styles.js';
import type { RowModel, SheetModel } from './xlsx-sheet-xml.js';
import { writeWorkbook } from './xlsx-write.js';

export type ColumnFormat =
  | 'general'
  | 'text'
  | 'integer'
  | 'decimal'
  | 'hours'
  | 'currency'
  | 'percent'
  | 'score'
  | 'coordinate';

export interface SheetColumn {
  readonly header: string;
  readonly format: ColumnFormat;
}

export type SheetCell = string | number | boolean | null;

export interface SheetTable {
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly (readonly SheetCell[])[];
}

/**
 * Excel number formats; the currency symbol comes from the scenario (one sign as it is, `"US$"`
 * quoted), and is left out when the figures are in more than one currency (null: a batch of bases
 * that price in different currencies).
 */
export function numberFormat(format: ColumnFormat, currency: string | null): string | undefined {
  const sign = currency === null ? '' : currencySymbol(currency);
  const symbol = sign === '' || /^\p{Sc}$/u.test(sign) ? sign : `"${sign}"`;
  const formats: Record<ColumnFormat, string | undefined> = {
    general: undefined,
    text: '@',
    integer: '#,##0',
    decimal: '#,##0.00',
    hours: '#,##0.0',
    currency: `${symbol}#,##0.00`,
    percent: '0.0%',
    score: '0.0',
    coordinate: '0.0000',
  };
  return formats[format];
}

/** A cell as written: non-finite numbers become empty. */
export function literal(cell: SheetCell): SheetCell {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  return cell;
}

/** A column wide enough for its header and its first 500 values, within 8-60 characters. */
export function columnWidth(
  column: SheetColumn,
  rows: readonly (readonly SheetCell[])[],
  index: number,
): number {
  const longest = rows.slice(0, 500).reduce((w, r) => {
    const cell = r[index];
    const text = typeof cell === 'number' ? cell.toFixed(2) : String(cell ?? '');
    return Math.max(w, text.length);
  }, column.header.length);
  return Math.min(60, Math.max(8, longest + 2));
}

/** The header row's look: bold, vertically centred, General whatever its column's format. */
export const headerStyle = { font: { bold: true }, alignment: { vertical: 'middle' } } as const;

function tableSheet(table: SheetTable, currency: string | null): SheetModel {
  const columns = table.columns.map((c, i) => {
    const numFmt = numberFormat(c.format, currency);
    return { width: columnWidth(c, table.rows, i), style: numFmt === undefined ? {} : { numFmt } };
  });
  const header: RowModel = {
    style: headerStyle,
    cells: table.columns.map((c) => ({ value: c.header, style: { ...headerStyle, numFmt: 'General' } })),
  };
  const rows = table.rows.map((row) => ({
    cells: row.map((cell, i) => ({ value: literal(cell), style: columns[i]?.style ?? {} })),
  }));
  return { name: table.name, columns, rows: [header, ...rows], frozenHeader: true, filter: true };
}

/** A summary sheet: label in A, value in B (with its own format), for a committee to read first. */
export interface SummaryLine {
  readonly label: string;
  readonly value: SheetCell;
  readonly format?: ColumnFormat;
}

function summarySheet(
  name: string,
  title: string,
  lines: readonly SummaryLine[],
  currency: string | null,
): SheetModel {
  const titleStyle = { font: { bold: true, size: 14 } } as const;
  const line = ({ label, value, format }: SummaryLine): RowModel => {
    const numFmt = format === undefined ? undefined : numberFormat(format, currency);
    const style: CellStyle = {
      ...(numFmt !== undefined && typeof value === 'number' ? { numFmt } : {}),
      alignment: { horizontal: 'left', wrapText: typeof value === 'string' && value.length > 60 },
    };
    return {
      cells: [
        { value: label, style: { font: { bold: true } } },
        { value: literal(value), style },
      ],
    };
  };
  return {
    name,
    columns: [
      { width: 34, style: {} },
      { width: 60, style: {} },
    ],
    rows: [
      { style: titleStyle, cells: [{ value: title, style: titleStyle }] },
      { cells: [] },
      ...lines.map(line),
    ],
    frozenHeader: false,
    filter: false,
  };
}

/** A fixed date keeps the same input → the same file. */
export const workbookDate = new Date(Date.UTC(2026, 0, 1));

/** A workbook of a summary sheet and then one formatted sheet per table. */
export async function tablesWorkbook(
  title: string,
  summary: readonly SummaryLine[],
  tables: readonly SheetTable[],
  currency: string | null,
): Promise<Uint8Array> {
  const sheets = [
    summarySheet('summary', title, summary, currency),
    ...tables.map((t) => tableSheet(t, currency)),
  ];
  return writeWorkbook(sheets, 'zonal', workbookDate);
}
