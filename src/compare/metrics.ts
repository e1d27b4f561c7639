/**
 * The headline numbers of one award, as compared side by side by `compare`
 * and `batch`: cost, unmet hours, risk, viability and market shape.
 */
import type { Result } from '../model/result.js';
import type { SolveStatus } from '../model/types.js';
import { paymentTotals, type PaymentTotals } from '../contract/payment-compare.js';
import type { Cell } from '../report/csv-write.js';

export interface AwardMetrics {
  readonly status: SolveStatus;
  /** Relative MIP gap (0 when proven optimal; null when the search stopped before the solver had a bound). */
  readonly gap: number | null;
  /** Money paid to the winners a year. */
  readonly annualCost: number;
  /** annualCost plus the unmet hours bought on spot contracts (award.spotPricePerHour): money a council would spend to buy every hour. */
  readonly allInAnnualCost: number;
  readonly costPerHour: number;
  readonly demandHoursPerWeek: number;
  readonly unmetHoursPerWeek: number;
  /** 0-100, higher is worse. */
  readonly riskScore: number;
  /** Viability of the award as a whole (0-100, higher is better), from the scoring stage. */
  readonly viabilityScore: number;
  /** Mean viability (0-100) of the providers that win hours. */
  readonly viabilityMean: number;
  /** Lowest viability (0-100) among the providers that win hours. */
  readonly viabilityWorst: number;
  readonly providers: number;
  readonly largestShare: number;
  readonly hhi: number;
  readonly lots: number;
  /** Lots no bid may win as tendered (no bidder offered a price for them). */
  readonly unpricedLots: readonly string[];
  /** Cost a year under each payment model the scenario compares (only with `payment`). */
  readonly payment?: PaymentTotals;
}

export function awardMetrics(result: Result): AwardMetrics {
  const winners = result.providers.filter((p) => p.hoursPerWeek > 0);
  const scores = winners.map((p) => p.viabilityScore);
  const t = result.totals;
  return {
    status: result.status,
    gap: result.gap,
    annualCost: t.annualCost,
    allInAnnualCost: t.allInAnnualCost,
    costPerHour: t.costPerHour,
    demandHoursPerWeek: t.demandHoursPerWeek,
    unmetHoursPerWeek: t.unmetHoursPerWeek,
    riskScore: t.riskScore,
    viabilityScore: t.viabilityScore,
    viabilityMean:
      scores.length === 0 ? 0 : Math.round((10 * scores.reduce((a, b) => a + b, 0)) / scores.length) / 10,
    viabilityWorst: scores.length === 0 ? 0 : Math.min(...scores),
    providers: t.providersAwarded,
    largestShare: t.largestShare,
    hhi: t.hhi,
    lots: result.lots.length,
    unpricedLots: result.lots.filter((l) => l.eligibleOffers === 0).map((l) => l.lotId),
    ...(result.payment === undefined ? {} : { payment: paymentTotals(result.payment) }),
  };
}

/** The award's figures as columns of comparison.csv and batch.csv, in the order both give them. */
export const metricCsvHeader = [
  'gap',
  'annual_cost',
  'cost_per_hour',
  'demand_hours_per_week',
  'unmet_hours_per_week',
  'risk_score',
  'viability_score',
  'viability_mean',
  'viability_worst',
  'providers',
  'largest_share',
  'hhi',
  'lots',
] as const;

/** The cells under metricCsvHeader; empty when the option or variant has no award. */
export function metricCsvCells(m: AwardMetrics | null): Cell[] {
  return [
    m?.gap ?? null,
    m?.annualCost ?? null,
    m?.costPerHour ?? null,
    m?.demandHoursPerWeek ?? null,
    m?.unmetHoursPerWeek ?? null,
    m?.riskScore ?? null,
    m?.viabilityScore ?? null,
    m?.viabilityMean ?? null,
    m?.viabilityWorst ?? null,
    m?.providers ?? null,
    m?.largestShare ?? null,
    m?.hhi ?? null,
    m?.lots ?? null,
  ];
}
