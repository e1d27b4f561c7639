/**
 * Rank compared awards and find the dominated ones. Pure.
 *
 * An award that leaves demand unmet looks cheap only because the unmet hours
 * are not paid for, so ranking puts every award that meets all demand first
 * (cheapest first), then the others by unmet hours. An award is dominated
 * when another is no worse on annual cost, risk and unmet hours and strictly
 * better on at least one of them.
 */
import type { AwardMetrics } from './metrics.js';

export interface Ranked<T> {
  readonly item: T;
  readonly rank: number;
  /** Keys of the awards that dominate this one (empty when none). */
  readonly dominatedBy: readonly string[];
}

export interface Ranking<T> {
  readonly ranked: readonly Ranked<T>[];
  /** Key of the cheapest award that meets all demand (or the best ranked, when none does). */
  readonly cheapest: string | null;
  /** Key of the award with the lowest risk score (ties: the better ranked). */
  readonly leastRisky: string | null;
}

export interface Rankable {
  readonly key: string;
  /** null when the run failed. */
  readonly metrics: AwardMetrics | null;
}

const relTol = 1e-9;
/** Hours per week below which demand counts as met. */
const unmetTolerance = 1e-6;

function lessThan(a: number, b: number): boolean {
  return a < b - relTol * Math.max(1, Math.abs(a), Math.abs(b));
}

function notMore(a: number, b: number): boolean {
  return !lessThan(b, a);
}

function solved(m: AwardMetrics | null): m is AwardMetrics {
  return m !== null && m.status !== 'infeasible';
}

export function dominates(b: AwardMetrics, a: AwardMetrics): boolean {
  const pairs: readonly (readonly [number, number])[] = [
    [b.annualCost, a.annualCost],
    [b.riskScore, a.riskScore],
    [b.unmetHoursPerWeek, a.unmetHoursPerWeek],
  ];
  return pairs.every(([x, y]) => notMore(x, y)) && pairs.some(([x, y]) => lessThan(x, y));
}

function compareRankable(a: Rankable, b: Rankable): number {
  const ma = a.metrics;
  const mb = b.metrics;
  if (!solved(ma) || !solved(mb)) return Number(!solved(ma)) - Number(!solved(mb)) || (a.key < b.key ? -1 : 1);
  const keys = (m: AwardMetrics) => [m.unmetHoursPerWeek > unmetTolerance ? 1 : 0, m.unmetHoursPerWeek, m.annualCost, m.riskScore];
  const ka = keys(ma);
  const kb = keys(mb);
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] ?? 0;
    const y = kb[i] ?? 0;
    if (lessThan(x, y)) return -1;
    if (lessThan(y, x)) return 1;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function rankAwards<T extends Rankable>(items: readonly T[]): Ranking<T> {
  const order = [...items].sort(compareRankable);
  const dominatorsOf = (m: AwardMetrics | null) =>
    solved(m) ? order.filter((other) => solved(other.metrics) && dominates(other.metrics, m)).map((o) => o.key) : [];
  const ranked = order.map((item, i) => ({ item, rank: i + 1, dominatedBy: dominatorsOf(item.metrics) }));
  const live = order.filter((i) => solved(i.metrics));
  const meetsAll = live.find((i) => (i.metrics?.unmetHoursPerWeek ?? Infinity) <= unmetTolerance);
  const leastRisky = [...live].sort((a, b) => (a.metrics?.riskScore ?? 0) - (b.metrics?.riskScore ?? 0))[0];
  return { ranked, cheapest: (meetsAll ?? live[0])?.key ?? null, leastRisky: leastRisky?.key ?? null };
}
