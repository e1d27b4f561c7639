/**
 * CSV-shaped tables (a header of snake_case names and rows of cells) made fit
 * for people in a workbook: each column's format read from its name, and
 * numbers rounded to what the format shows, so no `0.29876864400000025`.
 */
import type { Cell } from '../csv-write.js';
import type { ColumnFormat, SheetCell, SheetTable } from './sheet.js';

const rules: readonly [RegExp, ColumnFormat][] = [
  [/score$|^risk|^viability|^quality/, 'score'],
  [/(^|_)(cost|price|revenue)(_|$)|_per_hour$|floor/, 'currency'],
  [/share|^prob_|^gap$/, 'percent'],
  [/hours/, 'hours'],
  [/^(rank|index|providers|lots|hhi|samples|seed|eligible_bids)$/, 'integer'],
  [/seconds/, 'decimal'],
];

function formatFor(column: string): ColumnFormat {
  return rules.find(([pattern]) => pattern.test(column))?.[1] ?? 'general';
}

const digits: Readonly<Partial<Record<ColumnFormat, number>>> = {
  currency: 2,
  percent: 4,
  hours: 1,
  score: 1,
  integer: 0,
  decimal: 2,
  coordinate: 4,
};

/** A number rounded to the precision its column shows (text and empty cells as they are). */
function rounded(format: ColumnFormat, cell: Cell): SheetCell {
  if (typeof cell !== 'number') return cell;
  const d = digits[format];
  if (d === undefined) return Number(cell.toPrecision(6));
  const f = 10 ** d;
  return Math.round(cell * f) / f;
}

export function peopleTable(
  name: string,
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  formats: Readonly<Record<string, ColumnFormat>> = {},
): SheetTable {
  const columns = header.map((h) => ({ header: h, format: formats[h] ?? formatFor(h) }));
  return {
    name,
    columns,
    rows: rows.map((r) => r.map((cell, i) => rounded(columns[i]?.format ?? 'general', cell))),
  };
}
