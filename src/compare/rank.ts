/**
 * Rank compared awards and find the dominated ones. Pure.
 *
 * Only options that buy every hour as specified are real choices: an option
 * that leaves hours unmet looks cheap because the care is not bought, and an
 * infeasible or failed one buys nothing. Those are "not buyable": listed
 * after the buyable ones (by unmet hours, then all-in cost), never called
 * cheapest or least risky, never dominating or dominated. Among buyable
 * options one is dominated when another is no worse on annual cost, risk and
 * unmet hours and strictly better on one of them.
 */
import type { AwardMetrics } from './metrics.js';
import { byText } from '../model/order.js';

interface Ranked<T> {
  readonly item: T;
  readonly rank: number;
  /** Keys of the awards that dominate this one (empty when none, and for options that are not buyable). */
  readonly dominatedBy: readonly string[];
}

export interface Ranking<T> {
  readonly ranked: readonly Ranked<T>[];
  /** Key of the cheapest buyable award; null when no option buys every hour. */
  readonly cheapest: string | null;
  /** Key of the buyable award with the lowest risk score (ties: the cheaper); null when none. */
  readonly leastRisky: string | null;
  /** Keys of the options that cannot be bought as specified, in rank order. */
  readonly notBuyable: readonly string[];
}

export interface Rankable {
  readonly key: string;
  /** null when the run failed or no award was possible. */
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

/** Hours a week left unmet, beyond the solver's rounding. */
export const isUnmet = (hoursPerWeek: number): boolean => hoursPerWeek > unmetTolerance;

/** An award that buys every hour of demand as specified. */
export function isBuyable(m: AwardMetrics | null): boolean {
  return m !== null && m.status !== 'infeasible' && !isUnmet(m.unmetHoursPerWeek);
}

export function dominates(b: AwardMetrics, a: AwardMetrics): boolean {
  const pairs: readonly (readonly [number, number])[] = [
    [b.annualCost, a.annualCost],
    [b.riskScore, a.riskScore],
    [b.unmetHoursPerWeek, a.unmetHoursPerWeek],
  ];
  return pairs.every(([x, y]) => notMore(x, y)) && pairs.some(([x, y]) => lessThan(x, y));
}

/**
 * Two awards no different on what ranks and dominates them (annual cost, risk, unmet hours):
 * neither beats the other, and which comes first is down to their names.
 */
export function ties(a: AwardMetrics, b: AwardMetrics): boolean {
  const same = (x: number, y: number) => notMore(x, y) && notMore(y, x);
  return (
    same(a.annualCost, b.annualCost) &&
    same(a.riskScore, b.riskScore) &&
    same(a.unmetHoursPerWeek, b.unmetHoursPerWeek)
  );
}

function byKeys(ka: readonly number[], kb: readonly number[]): number {
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] ?? 0;
    const y = kb[i] ?? 0;
    if (lessThan(x, y)) return -1;
    if (lessThan(y, x)) return 1;
  }
  return 0;
}

/** Buyable first (cost, then risk); then solved but short (unmet hours, then all-in cost); then infeasible or failed. */
function compareRankable(a: Rankable, b: Rankable): number {
  const tier = (m: AwardMetrics | null) =>
    m === null || m.status === 'infeasible' ? 2 : isBuyable(m) ? 0 : 1;
  const ta = tier(a.metrics);
  const tb = tier(b.metrics);
  if (ta !== tb) return ta - tb;
  const keys = (m: AwardMetrics | null): number[] =>
    m === null ? [] : ta === 0 ? [m.annualCost, m.riskScore] : [m.unmetHoursPerWeek, m.allInAnnualCost];
  return byKeys(keys(a.metrics), keys(b.metrics)) || byText(a.key, b.key);
}

export function rankAwards<T extends Rankable>(items: readonly T[]): Ranking<T> {
  const order = [...items].sort(compareRankable);
  const buyable = order.filter((i) => isBuyable(i.metrics));
  const dominatorsOf = (m: AwardMetrics | null) =>
    m !== null && isBuyable(m)
      ? buyable.filter((other) => other.metrics !== null && dominates(other.metrics, m)).map((o) => o.key)
      : [];
  const ranked = order.map((item, i) => ({ item, rank: i + 1, dominatedBy: dominatorsOf(item.metrics) }));
  const leastRisky = [...buyable].sort(
    (a, b) =>
      byKeys(
        [a.metrics?.riskScore ?? 0, a.metrics?.annualCost ?? 0],
        [b.metrics?.riskScore ?? 0, b.metrics?.annualCost ?? 0],
      ) || byText(a.key, b.key),
  )[0];
  return {
    ranked,
    cheapest: buyable[0]?.key ?? null,
    leastRisky: leastRisky?.key ?? null,
    notBuyable: order.filter((i) => !isBuyable(i.metrics)).map((i) => i.key),
  };
}
