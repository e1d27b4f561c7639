/**
 * The contract term: which calendar years it spans, and each lot's demand in
 * each of them. Demand comes from every period of demand.csv that is a year:
 * a year between two given years is interpolated linearly, a year after the
 * last given one holds the last, a year before the first holds the first
 * (docs/contract.md, "Demand in each contract year"). Pure.
 */
import type { Lot } from '../model/types.js';
import type { ContractSettings } from '../model/contract-settings.js';

export interface ContractYear {
  /** 0 for the first year of the term. */
  readonly index: number;
  readonly period: string;
  /** Part of the base term (false: an extension year). */
  readonly base: boolean;
}

export interface YearPoint {
  readonly year: number;
  readonly hours: number;
}

/** The base term's years, then every extension year, in order. */
export function contractYears(contract: ContractSettings, designPeriod: string): ContractYear[] {
  const start = Number(contract.startPeriod ?? designPeriod);
  const first = Number.isInteger(start) ? start : 0;
  const total = contract.years + contract.extensions.reduce((t, e) => t + e, 0);
  return Array.from({ length: total }, (_, index) => ({
    index,
    period: String(first + index),
    base: index < contract.years,
  }));
}

/** Hours in `year` from points sorted by year: linear between points, the nearest end held outside them. */
export function demandInYear(points: readonly YearPoint[], year: number): number {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return 0;
  if (year <= first.year) return first.hours;
  if (year >= last.year) return last.hours;
  const after = points.findIndex((p) => p.year >= year);
  const hi = points[after] as YearPoint;
  const lo = points[after - 1] as YearPoint;
  return lo.hours + ((hi.hours - lo.hours) * (year - lo.year)) / (hi.year - lo.year);
}

/** A lot's demand points: the design period and every later period that is a year. */
function lotDemandPoints(lot: Lot, designPeriod: string): YearPoint[] {
  const given = [{ period: designPeriod, hours: lot.demand }, ...lot.laterDemand];
  return given
    .filter((p) => /^[0-9]{4}$/.test(p.period))
    .map((p) => ({ year: Number(p.period), hours: p.hours }))
    .sort((a, b) => a.year - b.year);
}

/**
 * The lot's demand in each contract year as a multiple of its design demand:
 * the winners serve each year's demand in their role shares (1 when the
 * design period is not a year, so nothing can be interpolated).
 */
export function demandRatios(lot: Lot, designPeriod: string, years: readonly ContractYear[]): number[] {
  const points = lotDemandPoints(lot, designPeriod);
  if (points.length === 0 || lot.demand <= 0) return years.map(() => 1);
  return years.map((y) => demandInYear(points, Number(y.period)) / lot.demand);
}

/** (1 + rate)^-k: what a pound in contract year k is worth today. */
export const discountFactor = (rate: number, index: number) => (1 + rate) ** -index;
