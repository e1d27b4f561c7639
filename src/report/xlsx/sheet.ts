/**
 * One formatted worksheet from a table of columns and rows (exceljs): bold
 * frozen header, filter buttons, widths that fit, number formats per column.
 * Text is always written as text, so a cell such as "=HYPERLINK(…)" from a
 * provider's name can never run as a formula.
 */
// exceljs's prebuilt bundle of the same version: one minified file without polyfills, which costs less CPU
// to load than the package's CommonJS modules (docs/performance.md); the workbooks are the same, cell by cell.
import ExcelJS from 'exceljs/dist/exceljs.bare.min.js';

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

/** Excel number formats; the currency symbol comes from the scenario. */
function numberFormat(format: ColumnFormat, currency = 'GBP'): string | undefined {
  const symbol = currency === 'GBP' ? '£' : currency === 'EUR' ? '€' : `"${currency} "`;
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

/** A cell value exceljs writes literally: strings stay strings (never `{formula}`), non-finite numbers become empty. */
function literal(cell: SheetCell): ExcelJS.CellValue {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  return cell;
}

function width(column: SheetColumn, rows: readonly (readonly SheetCell[])[], index: number): number {
  const longest = rows.slice(0, 500).reduce((w, r) => {
    const cell = r[index];
    const text = typeof cell === 'number' ? cell.toFixed(2) : String(cell ?? '');
    return Math.max(w, text.length);
  }, column.header.length);
  return Math.min(60, Math.max(8, longest + 2));
}

export function addTableSheet(
  workbook: ExcelJS.Workbook,
  table: SheetTable,
  currency?: string,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => {
    const numFmt = numberFormat(c.format, currency);
    return {
      header: c.header,
      width: width(c, table.rows, i),
      ...(numFmt === undefined ? {} : { style: { numFmt } }),
    };
  });
  for (const row of table.rows) sheet.addRow(row.map(literal));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.eachCell((cell) => {
    cell.numFmt = 'General';
  });
  if (table.columns.length > 0)
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length },
    };
  return sheet;
}

/** A summary sheet: label in A, value in B (with its own format), for a committee to read first. */
export interface SummaryLine {
  readonly label: string;
  readonly value: SheetCell;
  readonly format?: ColumnFormat;
}

function addSummarySheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  lines: readonly SummaryLine[],
  currency?: string,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [{ width: 34 }, { width: 60 }];
  const top = sheet.addRow([title]);
  top.font = { bold: true, size: 14 };
  sheet.addRow([]);
  for (const line of lines) {
    const row = sheet.addRow([line.label, literal(line.value)]);
    row.getCell(1).font = { bold: true };
    const fmt = line.format === undefined ? undefined : numberFormat(line.format, currency);
    if (fmt !== undefined && typeof line.value === 'number') row.getCell(2).numFmt = fmt;
    row.getCell(2).alignment = {
      horizontal: 'left',
      wrapText: typeof line.value === 'string' && line.value.length > 60,
    };
  }
  return sheet;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  workbook.creator = 'zonal';
  // A fixed date keeps the same input → the same file.
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = workbook.created;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A workbook of a summary sheet and then one formatted sheet per table. */
export function tablesWorkbook(
  title: string,
  summary: readonly SummaryLine[],
  tables: readonly SheetTable[],
  currency?: string,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  addSummarySheet(workbook, 'summary', title, summary, currency);
  for (const table of tables) addTableSheet(workbook, table, currency);
  return workbookBytes(workbook);
}
