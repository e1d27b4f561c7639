/**
 * A batch file that is a table, not JSON: a grid built in a spreadsheet and saved as CSV
 * (Excel in a comma-decimal locale splits it with semicolons and writes 0.3 as "0,3"). Said
 * as such, with the grid its columns would be in JSON to start from, rather than "not valid
 * JSON at column 1". Pure.
 */
import * as msg from '../diagnostics/messages.js';

/** What splits a header's cells: semicolons first, as Excel writes them where a comma is the decimal mark. */
const separators = [';', '\t', ','] as const;

/** A cell as a grid value: a number (a decimal comma read as a point where semicolons split the cells), else its text; null when blank. */
function gridValue(cell: string | undefined, separator: string): string | number | null {
  const text = (cell ?? '').trim().replace(/^"(.*)"$/, '$1');
  if (text === '') return null;
  const decimal = separator === ';' ? text.replace(/^(-?\d+),(\d+)$/, '$1.$2') : text;
  return /^-?\d+(\.\d+)?$/.test(decimal) ? Number(decimal) : text;
}

/** JSON on one line with a space after each colon and comma, as a person writes it. */
function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

/** Why `text` reads as a table (its first line a header of column names), with the grid it would be; null when it does not. */
export function tableInsteadOfJson(text: string): string | null {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const [head, ...rows] = lines;
  if (head === undefined || rows.length === 0 || /^\s*[{["]/.test(head)) return null;
  const separator = separators.find((s) => head.includes(s));
  if (separator === undefined) return null;
  const columns = head.split(separator).map((c) => c.trim());
  // Column names (zoning, award.maxShareOfTotalHours), not JSON written without its braces.
  if (columns.some((c) => !/^[A-Za-z][\w.]*$/.test(c))) return null;
  const grid = Object.fromEntries(
    columns.map((column, i) => {
      const values = rows.map((row) => gridValue(row.split(separator)[i], separator));
      return [column, [...new Set(values.filter((v) => v !== null))]];
    }),
  );
  const example = oneLine({ base: 'my-county', grid });
  return msg.batchFileIsTable(columns, example);
}
