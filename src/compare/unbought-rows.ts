/**
 * The variants that leave hours unbought, and how many of them the solver stopped at the time
 * limit (status "feasible"): those are not proven unbuyable, since a longer --time-limit may buy
 * the hours. One count for batch's printed summary and batch.xlsx's summary sheet.
 */
import { isUnmet } from './rank.js';

interface Row {
  readonly status: string;
  readonly metrics?: { readonly unmetHoursPerWeek: number } | null;
}

export interface Unbought<R> {
  /** The rows that leave hours unbought, the most unbought first. */
  readonly rows: R[];
  /** How many of them the time limit cut short. */
  readonly unproven: number;
}

/** Whether the solver stopped this row at the time limit: its figures are not proven best. */
export const isUnproven = (row: { readonly status: string }): boolean => row.status === 'feasible';

export function unboughtRows<R extends Row>(rows: readonly R[]): Unbought<R> {
  const unbought = rows
    .filter((r) => r.metrics != null && isUnmet(r.metrics.unmetHoursPerWeek))
    .sort((a, b) => (b.metrics?.unmetHoursPerWeek ?? 0) - (a.metrics?.unmetHoursPerWeek ?? 0));
  return { rows: unbought, unproven: unbought.filter(isUnproven).length };
}
