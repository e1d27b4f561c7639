/**
 * CSV output with fast-csv. Text cells that a spreadsheet would run as a
 * formula (starting with = + - @ tab or CR) are prefixed with a quote mark.
 */
import { writeToString } from 'fast-csv';

export type Cell = string | number | boolean | null;

const formulaStart = /^[=+\-@\t\r]/;

export function escapeCell(cell: Cell): string | number | boolean {
  if (cell === null) return '';
  if (typeof cell !== 'string') return cell;
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): Promise<string> {
  const body = rows.map((r) => r.map(escapeCell));
  return writeToString([[...header], ...body], { headers: false, includeEndRowDelimiter: true });
}
