/**
 * A worksheet read as a table, the same header + records a CSV file gives
 * (records carry their row number as their line), and the `scenario` sheet
 * read as settings. exceljs does the reading; this file only turns its cells
 * into what the shared checks expect.
 */
import type ExcelJS from 'exceljs';
import type { CsvRecord, CsvTable } from './csv-read.js';

/**
 * A formula saved without its value (a program wrote the file; Excel and LibreOffice keep
 * each formula's last value): its text, `=E3*0.97`, so the checks tell it as a formula, not
 * as an empty cell (model/number-text.ts).
 */
function unsavedFormula(value: ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue): string {
  return `=${'formula' in value ? value.formula : value.sharedFormula}`;
}

/** A cell as the text a CSV file would hold. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return value.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if ('formula' in value || 'sharedFormula' in value)
    return value.result === undefined ? unsavedFormula(value) : cellText(value.result);
  if ('hyperlink' in value) return String(value.text).trim();
  return value.error;
}

/** A table cell as the text a CSV file saved from it holds: a number formatted as a percentage as shown (`75%` for 0.75). */
function tableCellText(cell: ExcelJS.Cell): string {
  const format = (cell.numFmt ?? '').replace(/"[^"]*"/g, '');
  return typeof cell.value === 'number' && format.includes('%')
    ? `${Number((cell.value * 100).toPrecision(12))}%`
    : cellText(cell.value);
}

/** The header's row: the first row with a cell filled (empty rows above a table are skipped, as empty rows within it are). */
function headerRow(sheet: ExcelJS.Worksheet): number {
  if (rowFilled(sheet.getRow(1))) return 1;
  let first = 1;
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (first === 1 && rowFilled(row)) first = n;
  });
  return first;
}

function rowFilled(row: ExcelJS.Row): boolean {
  for (let c = 1; c <= row.cellCount; c++) if (cellText(row.getCell(c).value) !== '') return true;
  return false;
}

export function sheetHeader(sheet: ExcelJS.Worksheet): string[] {
  const row = sheet.getRow(headerRow(sheet));
  const header: string[] = [];
  for (let c = 1; c <= row.cellCount; c++) header.push(cellText(row.getCell(c).value));
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  return header;
}

export function sheetTable(sheet: ExcelJS.Worksheet): CsvTable {
  const header = sheetHeader(sheet);
  const first = headerRow(sheet);
  const records: CsvRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= first) return;
    const cells: Record<string, string> = {};
    header.forEach((name, i) => {
      if (name !== '' && !(name in cells)) cells[name] = tableCellText(row.getCell(i + 1));
    });
    if (Object.values(cells).every((c) => c === '')) return;
    records.push({ line: rowNumber, cells, width: header.length });
  });
  return { header, headerLine: first, records };
}

/**
 * The merged ranges of the header row ("A1:D1"), or none: a header names each column in its own
 * cell, so a row of merged cells is a group title above it, or a header to unmerge. A title merged
 * across the whole table (one text) is left to the check that tells a title.
 */
export function mergedHeaderCells(sheet: ExcelJS.Worksheet): string[] {
  const row = sheet.getRow(headerRow(sheet));
  const ranges = new Map<string, string>();
  const texts = new Set<string>();
  for (let c = 1; c <= row.cellCount; c++) {
    const cell = row.getCell(c);
    const text = cellText(cell.value);
    if (text !== '') texts.add(text);
    if (cell.isMerged && cell.master.address !== cell.address) ranges.set(cell.master.address, cell.address);
  }
  return texts.size < 2 ? [] : [...ranges].map(([first, last]) => `${first}:${last}`);
}

/**
 * A shown sheet among `sheets` (those zonal reads no table from) with the same header as the
 * hidden sheet `sheet` (the bids hidden, their update kept as "Bids final"), or undefined:
 * which one is meant is not known.
 */
export function shownTwin(
  sheet: ExcelJS.Worksheet,
  sheets: readonly ExcelJS.Worksheet[],
): string | undefined {
  if (sheet.state === 'visible') return undefined;
  const header = sheetHeader(sheet).join('\t');
  return sheets.find((s) => s !== sheet && s.state === 'visible' && sheetHeader(s).join('\t') === header)
    ?.name;
}

/** The rows of `table`, read from `sheet`, that are hidden (by hand, or filtered out). */
export function hiddenRows(sheet: ExcelJS.Worksheet, table: CsvTable): number[] {
  return table.records.map((r) => r.line).filter((line) => sheet.getRow(line).hidden);
}

type SettingValue = string | number | boolean | null;

/** A settings cell: numbers and true/false stay typed; "null" is null; empty is no setting. */
function settingValue(value: ExcelJS.CellValue): SettingValue | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value))
    return value.result === undefined ? unsavedFormula(value) : settingValue(value.result);
  const text = cellText(value ?? null);
  if (text === '') return undefined;
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  return /^null$/i.test(text) ? null : text;
}

export interface SettingRow {
  readonly path: readonly string[];
  readonly value: SettingValue;
  readonly line: number;
}

/** The `scenario` sheet: column A a dotted key path (`lots.standard.leadShare`), column B its value; a `key,value` header is allowed. */
export function settingRows(sheet: ExcelJS.Worksheet): SettingRow[] {
  const rows: SettingRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const key = cellText(row.getCell(1).value);
    const value = settingValue(row.getCell(2).value);
    if (key === '' || value === undefined || (line === 1 && key.toLowerCase() === 'key')) return;
    rows.push({ path: key.split('.').map((k) => k.trim()), value, line });
  });
  return rows;
}

/** Setting rows → the nested object scenario.json would hold. */
export function nestSettings(rows: readonly SettingRow[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const { path, value } of rows) {
    let node = root;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>;
      else {
        const child: Record<string, unknown> = {};
        node[key] = child;
        node = child;
      }
    }
    node[path[path.length - 1] ?? ''] = value;
  }
  return root;
}
