/**
 * CSV output: a line per row, quoted as RFC 4180 says (a field holding a comma,
 * a quote mark or a line break is put in quote marks, its quote marks doubled),
 * lines ending in "\n". Text cells that a spreadsheet would run as a formula
 * (starting with = + - @ tab or CR) are prefixed with a quote mark.
 *
 * fast-csv reads every CSV zonal takes in; its writer, used here before, formats
 * through a stream, so each call set up a stream and answered asynchronously. A
 * batch formats each row's line the moment it lands, on the thread that shares
 * the cores with the workers (compare/batch-journal.ts): the bundled grid's 504
 * rows took 30-37 ms of that thread's CPU through fast-csv (docs/performance.md,
 * "session 12"). The lines are the same as fast-csv's but for one quirk: fast-csv
 * also quoted a field holding "|". test/report/csv-write.test.ts checks both
 * against fast-csv on random rows.
 */
export type Cell = string | number | boolean | null;

const formulaStart = /^[=+\-@\t\r]/;

export function escapeCell(cell: Cell): string | number | boolean {
  if (cell === null) return '';
  if (typeof cell !== 'string') return cell;
  return formulaStart.test(cell) ? `'${cell}` : cell;
}

const needsQuotes = /[",\r\n]/;

function csvField(cell: Cell): string {
  const text = String(escapeCell(cell)).replaceAll('\0', '');
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row as a line of CSV, "\n" included. */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\n`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return csvLine(header) + rows.map(csvLine).join('');
}
