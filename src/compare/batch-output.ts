/**
 * Batch rows as lines of batch.csv and batch.jsonl, and batch.jsonl read back
 * for --resume. Pure.
 */
import stableStringify from 'safe-stable-stringify';
import type { Variant } from './batch-file.js';
import { csvLine, type Cell } from '../report/csv-write.js';
import type { BatchRow } from './run-variant.js';
import { metricCsvCells, metricCsvHeader } from './metrics.js';

export const batchCsvHeader = [
  'index',
  'id',
  'base',
  'status',
  'error',
  ...metricCsvHeader,
  'samples',
  'seed',
  'prob_unmet',
  'mean_unmet_hours_per_week',
  'p95_unmet_hours_per_week',
  'prob_over_capacity',
  'prob_below_min_viable',
  'solve_seconds',
  'overrides',
  'all_in_annual_cost',
  'diagnosis',
  'currency',
] as const;

export function batchCells(r: BatchRow): Cell[] {
  const m = r.metrics;
  const s = r.sampling;
  return [
    r.index,
    r.id,
    r.base,
    r.status,
    r.error ?? '',
    ...metricCsvCells(m),
    s?.samples ?? null,
    s?.seed ?? null,
    s?.probUnmet ?? null,
    s?.meanUnmetHoursPerWeek ?? null,
    s?.p95UnmetHoursPerWeek ?? null,
    s?.probOverCapacity ?? null,
    s?.probBelowMinViable ?? null,
    r.solveSeconds,
    JSON.stringify(r.overrides),
    m?.allInAnnualCost ?? null,
    r.diagnosis ?? '',
    r.currency ?? '',
  ];
}

export function batchCsvHeaderLine(): string {
  return csvLine(batchCsvHeader);
}

/** 12 significant digits: every digit that means something, without float noise such as 0.29876864400000025. */
const withoutNoise = (cell: Cell): Cell =>
  typeof cell === 'number' && Number.isFinite(cell) ? Number(cell.toPrecision(12)) : cell;

export function batchCsvRows(rows: readonly BatchRow[]): string {
  return rows.map((r) => csvLine(batchCells(r).map(withoutNoise))).join('');
}

export function jsonlLine(row: BatchRow): string {
  return `${JSON.stringify(row)}\n`;
}

export function isBatchRow(x: unknown): x is BatchRow {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return typeof r['id'] === 'string' && typeof r['index'] === 'number' && typeof r['status'] === 'string';
}

/**
 * The finished rows of an earlier run. A line cut short by a killed run, a
 * row of a variant no longer in the batch, or a failed row (an error, or a
 * worker that stopped) is dropped: that variant runs again.
 */
export function readJournal(text: string, wanted: ReadonlyMap<string, number>): BatchRow[] {
  const rows = new Map<string, BatchRow>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    const index = isBatchRow(parsed) ? wanted.get(parsed.id) : undefined;
    if (isBatchRow(parsed) && index !== undefined && parsed.status !== 'failed')
      rows.set(parsed.id, { ...parsed, index });
  }
  return sortRows([...rows.values()]);
}

/**
 * Whether a finished row still answers its variant as the batch file defines it now: the
 * same base and overrides, and the same sampling when it was sampled. A variant with an id
 * of its own keeps that id when it is edited between runs (a price change made larger), and
 * --resume must not keep the row of what it was.
 */
export function answersVariant(row: BatchRow, variant: Variant): boolean {
  if (row.base !== variant.base || stableStringify(row.overrides) !== stableStringify(variant.overrides))
    return false;
  // An infeasible variant has no award to sample, whatever it asked for.
  if (row.sampling === null) return variant.samples === null || row.status === 'infeasible';
  return row.sampling.samples === variant.samples && row.sampling.seed === variant.seed;
}

export function sortRows(rows: readonly BatchRow[]): BatchRow[] {
  return [...rows].sort((a, b) => a.index - b.index);
}
