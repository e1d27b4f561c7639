/**
 * CSV output with papaparse's writer (`unparse`), the library that reads every
 * CSV zonal takes in (io/csv-read.ts). A field holding a comma, a quote mark, a
 * line break or a space at either end is put in quote marks, its quote marks
 * doubled; lines end in "\n". Text cells that a spreadsheet would run as a
 * formula (starting with = + - @ tab or CR) are prefixed with a quote mark.
 *
 * A line at a time, synchronously: a batch formats each row's line the moment
 * it lands, on the thread that shares the cores with the workers
 * (compare/batch-journal.ts). fast-csv's writer, used before, formats through a
 * stream, so each call set up a stream and answered asynchronously: the batch's
 * main thread took 0.33-0.39 s of CPU over the bundled grid's 504 rows with it,
 * 0.18-0.22 s after (docs/performance.md, "session 12").
 */
import Papa from 'papaparse';

export type Cell = string | number | boolean | null;

const formulaStart = /^[=+\-@\t\r]/;

export function escapeCell(cell: Cell): string | number | boolean {
  if (cell === null) return '';
  if (typeof cell !== 'string') return cell;
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

/** One row as a line of CSV, "\n" included. */
export function csvLine(cells: readonly Cell[]): string {
  return `${Papa.unparse([cells.map(escapeCell)], { newline: '\n' })}\n`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvLine(header) + rows.map(csvLine).join('');
}
