/**
 * A comparison in the shape the HTML report takes (report/html/comparison.ts).
 */
import type { ComparisonOption, ComparisonReportInput } from '../report/html/comparison.js';
import { optionStatus, type CompareOutcome, type ComparisonRow } from './compare.js';

function option(row: ComparisonRow): ComparisonOption {
  const m = row.metrics;
  return {
    key: row.key,
    rank: m === null ? null : row.rank,
    label: row.label,
    zoning: row.zoning,
    status: optionStatus(row),
    annualCost: m?.annualCost ?? null,
    allInAnnualCost: m?.allInAnnualCost ?? null,
    riskScore: m?.riskScore ?? null,
    unmetHoursPerWeek: m?.unmetHoursPerWeek ?? null,
    viabilityMean: m?.viabilityMean ?? null,
    viabilityWorst: m?.viabilityWorst ?? null,
    providers: m?.providers ?? null,
    dominatedBy: row.dominatedBy,
    buyable: row.buyable,
    ...(row.notBuyableBecause === null ? {} : { note: row.notBuyableBecause }),
  };
}

export function comparisonReportInput(
  { comparison, best }: CompareOutcome,
  currency: string,
): ComparisonReportInput {
  return {
    scenario: comparison.scenario,
    period: comparison.period,
    currency,
    options: comparison.rows.map(option),
    ...(best === null ? {} : { best }),
  };
}
