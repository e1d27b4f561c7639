/**
 * A lot's annual cost as every output shows it. A lot nobody is awarded buys no care, so it
 * has no cost to show: the printout and report.html say "not awarded", and lots.csv and
 * result.xlsx leave the cell empty. Until 2026-12-02 they all showed £0.00 (0 in the CSV),
 * which a spreadsheet adds up as care bought for nothing.
 */
import type { LotResult } from '../model/result.js';
import { lotNotAwarded } from '../diagnostics/messages.js';

type LotCost = Pick<LotResult, 'allocatedHoursPerWeek' | 'annualCost'>;

/** The lot's annual cost, or null when nobody is awarded any of its hours. */
export const awardedCost = (lot: LotCost): number | null =>
  lot.allocatedHoursPerWeek > 0 ? lot.annualCost : null;

/** The lot's annual cost written by `money`, or "not awarded". */
export function lotCostText(lot: LotCost, money: (x: number) => string): string {
  const cost = awardedCost(lot);
  return cost === null ? lotNotAwarded() : money(cost);
}
