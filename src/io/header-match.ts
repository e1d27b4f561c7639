/**
 * Match a table's header to the columns zonal knows, the way a person reads
 * it: "Area ID", "area id" and "AREA_ID" are all `area_id`. Pure.
 */
import { closestName, looseName } from '../diagnostics/did-you-mean.js';
import type { CsvRecord } from './csv-read.js';

interface MissingColumn {
  readonly column: string;
  /** The header cell that is probably meant, if any. */
  readonly typed: string | null;
}

export interface HeaderMatch {
  /** The header with every recognised cell renamed to its column name. */
  readonly header: readonly string[];
  readonly missing: readonly MissingColumn[];
  readonly extra: readonly string[];
  /** Columns zonal reads that the header gives more than once, with their places (1-based): which one is meant is not known. */
  readonly repeated: readonly { readonly column: string; readonly places: readonly number[] }[];
  /** A record of the table with its cells under their column names (records stream in one by one). */
  readonly rename: (record: CsvRecord) => CsvRecord;
}

export function matchHeader(
  typed: readonly string[],
  required: readonly string[],
  known: readonly string[],
): HeaderMatch {
  const byLoose = new Map(known.map((k) => [looseName(k), k]));
  const header = typed.map((h) => byLoose.get(looseName(h)) ?? h);
  const extra = header.filter((h) => !known.includes(h) && h !== '');
  const missing = required
    .filter((c) => !header.includes(c))
    .map((column) => ({ column, typed: extra.find((h) => closestName(h, [column]) !== null) ?? null }));
  const repeated = known
    .map((column) => ({ column, places: header.flatMap((h, i) => (h === column ? [i + 1] : [])) }))
    .filter((r) => r.places.length > 1);
  const same = header.every((h, i) => h === typed[i]);
  const rename = (record: CsvRecord): CsvRecord => {
    if (same) return record;
    const cells: Record<string, string> = {};
    typed.forEach((h, i) => {
      const name = header[i] ?? h;
      if (!(name in cells)) cells[name] = record.cells[h] ?? '';
    });
    return { ...record, cells };
  };
  return { header, missing, extra, repeated, rename };
}
