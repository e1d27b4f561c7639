/**
 * Match a table's header to the columns zonal knows, the way a person reads
 * it: "Area ID", "area id" and "AREA_ID" are all `area_id`. Pure.
 */
import { closestName, looseName } from '../diagnostics/did-you-mean.js';
import type { CsvRecord, CsvTable } from './csv-read.js';

export interface MissingColumn {
  readonly column: string;
  /** The header cell that is probably meant, if any. */
  readonly typed: string | null;
}

export interface HeaderMatch {
  /** The table with every recognised header cell renamed to its column name. */
  readonly table: CsvTable;
  readonly missing: readonly MissingColumn[];
  readonly extra: readonly string[];
}

export function matchHeader(table: CsvTable, required: readonly string[], known: readonly string[]): HeaderMatch {
  const byLoose = new Map(known.map((k) => [looseName(k), k]));
  const header = table.header.map((h) => byLoose.get(looseName(h)) ?? h);
  const extra = header.filter((h) => !known.includes(h) && h !== '');
  const missing = required
    .filter((c) => !header.includes(c))
    .map((column) => ({ column, typed: extra.find((h) => closestName(h, [column]) !== null) ?? null }));
  const rename = (record: CsvRecord): CsvRecord => {
    const cells: Record<string, string> = {};
    table.header.forEach((h, i) => {
      const name = header[i] ?? h;
      if (!(name in cells)) cells[name] = record.cells[h] ?? '';
    });
    return { ...record, cells };
  };
  return { table: { header, records: table.records.map(rename) }, missing, extra };
}
