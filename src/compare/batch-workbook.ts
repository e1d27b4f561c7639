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
import * as msg from '../diagnostics/messages.js';
import { isUnproven, unboughtRows } from './unbought-rows.js';
import type { BatchRow } from './run-variant.js';
import { settingLeaves, variantName } from './variant-name.js';

const metricColumns = batchCsvHeader.filter(
  // The currency has a column of its own beside the base, when the bases price in more than one.
  (h) => !['index', 'id', 'base', 'status', 'error', 'overrides', 'currency'].includes(h),
);
/** Where each metric column is among batch.csv's cells. */
const metricCells = metricColumns.map((h) => batchCsvHeader.indexOf(h));

/** `currencies`: each base's currency, for a column of its own when the bases price in more than one (else null). */
function batchTable(
  rows: readonly BatchRow[],
  currencies: ReadonlyMap<string, string> | null,
): { header: string[]; cells: Cell[][] } {
  const leavesOf = rows.map((r) => settingLeaves(r.overrides));
  const settings = [...new Set(leavesOf.flatMap((leaves) => leaves.map(([p]) => p)))].filter(
    (p) => p !== 'name',
  );
  const currency = currencies === null ? [] : ['currency'];
  const header = [
    'index',
    'name',
    'id',
    'base',
    ...currency,
    ...settings,
    'status',
    'error',
    ...metricColumns,
  ];
  const cells = rows.map((r, i) => {
    const all = batchCells(r);
    const leaves = leavesOf[i] ?? [];
    const byPath = new Map(leaves);
    return [
      r.index,
      variantName(r, leaves),
      r.id,
      r.base,
      ...(currencies === null ? [] : [currencies.get(r.base) ?? null]),
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
 * Money in its bases' currency (`currencies`, by base); when they price in more than one, in
 * none, with a currency column saying each row's and a summary row saying they do not add up
 * (until explore22 nothing told a row in euros from one in pounds).
 */
export function batchWorkbook(
  name: string | null,
  rows: readonly BatchRow[],
  total: number,
  currencies: ReadonlyMap<string, string>,
): Promise<Uint8Array> {
  const distinct = [...new Set(currencies.values())];
  const currency = distinct.length === 1 ? (distinct[0] ?? null) : null;
  const mixed = distinct.length > 1;
  const { header, cells } = batchTable(rows, mixed ? currencies : null);
  const count = (test: (r: BatchRow) => boolean) => rows.filter(test).length;
  const failed = count((r) => r.status === 'failed');
  const unbought = unboughtRows(rows);
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
    ...(mixed ? [{ label: 'Currencies', value: msg.batchCurrencies(currencies) }] : []),
    { label: 'Failed', value: failed, format: 'integer' as const },
    // What the printed summary says of the rows too (until 2026-12-02 "Failed 0" stood alone).
    {
      label: 'No possible award (status "infeasible")',
      value: count((r) => r.status === 'infeasible'),
      format: 'integer' as const,
    },
    {
      // Those the time limit cut short are not proven unbuyable (until 2026-12-02 counted as if they were).
      label: msg.batchUnboughtLabel(unbought.unproven),
      value: unbought.rows.length,
      format: 'integer' as const,
    },
    {
      label: 'Stopped at the time limit (not proven best)',
      value: count(isUnproven),
      format: 'integer' as const,
    },
    {
      label: 'How to read',
      value:
        'One row per variant on the "variants" sheet: its settings, then its results. Use the filters, or a pivot table, to compare.',
    },
  ];
  const formats = Object.fromEntries(
    header.filter((h) => /share/i.test(h)).map((h) => [h, 'percent' as const]),
  );
  return tablesWorkbook(
    name ?? 'zonal batch',
    summary,
    [peopleTable('variants', header, cells, formats)],
    currency,
  );
}
