/**
 * batch.xlsx: every variant as one row a person can sort, filter and pivot:
 * a readable name, one column per setting the batch varies (zoning, lot
 * structure, lead share, caps, samples …) instead of a JSON cell, and numbers
 * rounded to what they mean. Pure apart from exceljs building the bytes.
 */
import type { Cell } from '../report/csv-write.js';
import { peopleTable } from '../report/xlsx/people-table.js';
import { tablesWorkbook } from '../report/xlsx/sheet.js';
import { batchCells, batchCsvHeader } from './batch-output.js';
import type { BatchRow } from './run-variant.js';

/** Setting path → value, for every leaf of a variant's overrides ({"award": {"maxShareOfTotalHours": 0.25}} → award.maxShareOfTotalHours). */
function settingLeaves(value: unknown, prefix = ''): [string, Cell][] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => settingLeaves(v, prefix === '' ? k : `${prefix}.${k}`));
  }
  const cell: Cell = Array.isArray(value) ? JSON.stringify(value) : (value as Cell);
  return prefix === '' ? [] : [[prefix, cell]];
}

const shortLabels: Readonly<Record<string, string>> = {
  maxShareOfTotalHours: 'cap',
  maxLotsPerProvider: 'max lots',
  minDistinctProviders: 'min providers',
  leadShare: 'lead',
  demandMultiplier: 'demand ×',
};

function settingText(path: string, value: Cell): string {
  const parts = path.split('.');
  const last = parts[parts.length - 1] ?? path;
  const shown =
    typeof value === 'number' && /share/i.test(last) && value <= 1
      ? `${Math.round(value * 1000) / 10}%`
      : String(value);
  if (last === 'structure' || last === 'geography') return `${parts[1] ?? ''} ${shown}`;
  if (last === 'zoning' || last === 'option') return shown;
  return `${shortLabels[last] ?? last} ${shown}`;
}

/** The variant's own name or id when given; else its settings in words ("twelve, standard lead-secondary, lead 70%"). */
function variantName(row: BatchRow, leaves: readonly [string, Cell][]): string {
  if (row.overrides.name !== undefined) return row.overrides.name;
  if (!/^v-[0-9a-f]{12}$/.test(row.id)) return row.id;
  const text = leaves.map(([p, v]) => settingText(p, v)).join(', ');
  return text === '' ? 'base scenario' : text;
}

const metricColumns = batchCsvHeader.filter(
  (h) => !['index', 'id', 'base', 'status', 'error', 'overrides'].includes(h),
);
/** Where each metric column is among batch.csv's cells. */
const metricCells = metricColumns.map((h) => batchCsvHeader.indexOf(h));

function batchTable(rows: readonly BatchRow[]): { header: string[]; cells: Cell[][] } {
  const leavesOf = rows.map((r) => settingLeaves(r.overrides));
  const settings = [...new Set(leavesOf.flatMap((leaves) => leaves.map(([p]) => p)))].filter(
    (p) => p !== 'name',
  );
  const header = ['index', 'name', 'id', 'base', ...settings, 'status', 'error', ...metricColumns];
  const cells = rows.map((r, i) => {
    const all = batchCells(r);
    const leaves = leavesOf[i] ?? [];
    const byPath = new Map(leaves);
    return [
      r.index,
      variantName(r, leaves),
      r.id,
      r.base,
      ...settings.map((p) => byPath.get(p) ?? null),
      r.status,
      r.error ?? '',
      ...metricCells.map((at) => all[at] ?? null),
    ];
  });
  return { header, cells };
}

/**
 * batch.xlsx for the batch named `name` (its batch file's "name"), of `total` variants. Written
 * as the batch starts (with the rows --resume kept) and again with every row when it ends; a
 * workbook with fewer rows than variants says so, since a batch stopped part way leaves it so.
 */
export function batchWorkbook(
  name: string | null,
  rows: readonly BatchRow[],
  total: number,
): Promise<Uint8Array> {
  const { header, cells } = batchTable(rows);
  const failed = rows.filter((r) => r.status === 'failed').length;
  const unfinished =
    rows.length < total
      ? [
          {
            label: 'Not finished',
            value: `${total - rows.length} of the batch's ${total} variants have no row here: this workbook was written as the batch started, and is written again with every row when the batch ends. If the batch was stopped, batch.csv and batch.jsonl hold every row finished so far; run it again with --resume to finish it.`,
          },
        ]
      : [];
  const summary = [
    { label: 'Variants', value: total, format: 'integer' as const },
    ...unfinished,
    { label: 'Failed', value: failed, format: 'integer' as const },
    {
      label: 'How to read',
      value:
        'One row per variant on the "variants" sheet: its settings, then its results. Use the filters, or a pivot table, to compare.',
    },
  ];
  const formats = Object.fromEntries(
    header.filter((h) => /share/i.test(h)).map((h) => [h, 'percent' as const]),
  );
  return tablesWorkbook(name ?? 'zonal batch', summary, [peopleTable('variants', header, cells, formats)]);
}
