/**
 * Demand uncertainty for a fixed award. Each design-period demand row (area ×
 * care type) is drawn from a triangular distribution over its low, central and
 * high hours; the award's hours follow their lot's demand (a framework
 * member's follow each area's); then we count how often
 *   - some hours go unmet (roles left empty, or hours above a provider's capacity),
 *   - a provider is asked for more than its capacity,
 *   - a provider that won work falls below its minimum viable volume.
 * Pure and reproducible: the same seed gives the same numbers (Mersenne
 * Twister from pure-rand).
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mersenne } from 'pure-rand/generator/mersenne';
import type { Result } from '../model/result.js';
import type { Allocation, Lot, Scenario } from '../model/types.js';
import { demandWhere } from '../model/demand-table.js';
import { ascending } from '../model/order.js';
import { counted } from '../model/counted.js';

interface ProviderSampling {
  readonly providerId: string;
  readonly meanHoursPerWeek: number;
  readonly probOverCapacity: number;
  readonly probBelowMinViable: number;
}

export interface SamplingSummary {
  readonly samples: number;
  readonly seed: number;
  /** Probability that some hours are unmet. */
  readonly probUnmet: number;
  readonly meanUnmetHoursPerWeek: number;
  readonly p95UnmetHoursPerWeek: number;
  /** Probability that at least one provider is asked for more than its capacity. */
  readonly probOverCapacity: number;
  /** Probability that at least one winning provider falls below its minimum viable volume. */
  readonly probBelowMinViable: number;
  readonly providers: readonly ProviderSampling[];
}

/** Hours per week below which an amount counts as zero. */
const tolerance = 1e-6;

/** Inverse CDF of the triangular distribution on [low, high] with mode `mode`. */
export function triangular(u: number, low: number, mode: number, high: number): number {
  if (!(high > low)) return mode;
  const c = (mode - low) / (high - low);
  return u < c
    ? low + Math.sqrt(u * (high - low) * (mode - low))
    : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

interface Draw {
  readonly low: number;
  readonly mode: number;
  readonly high: number;
  readonly lot: number;
  readonly areaId: string;
}

/** Design-period demand rows in a fixed order, each tied to the lot that carries it. */
function draws(scenario: Scenario, lots: readonly Lot[]): Draw[] {
  const lotIndex = new Map<string, number>();
  for (const [i, lot] of lots.entries()) for (const a of lot.areaIds) lotIndex.set(`${lot.careType}|${a}`, i);
  const carriedBy = (careType: string) =>
    scenario.lotPlan[careType as keyof typeof scenario.lotPlan]?.kind === 'merge' ? 'standard' : careType;
  return demandWhere(scenario.demand, (d) => d.period === scenario.period && d.hours > 0)
    .map((d) => ({ d, lot: lotIndex.get(`${carriedBy(d.careType)}|${d.areaId}`) }))
    .filter((x): x is { d: (typeof x)['d']; lot: number } => x.lot !== undefined)
    .sort((x, y) =>
      x.d.areaId < y.d.areaId
        ? -1
        : x.d.areaId > y.d.areaId
          ? 1
          : x.d.careType < y.d.careType
            ? -1
            : x.d.careType > y.d.careType
              ? 1
              : 0,
    )
    .map(({ d, lot }) => ({ low: d.low, mode: d.hours, high: d.high, lot, areaId: d.areaId }));
}

interface Realised {
  readonly lotDemand: Float64Array;
  readonly areaDemand: readonly Map<string, number>[];
}

function realise(list: readonly Draw[], lotCount: number, next: () => number): Realised {
  const lotDemand = new Float64Array(lotCount);
  const areaDemand = Array.from({ length: lotCount }, () => new Map<string, number>());
  for (const d of list) {
    const x = triangular(next(), d.low, d.mode, d.high);
    lotDemand[d.lot] = (lotDemand[d.lot] ?? 0) + x;
    const areas = areaDemand[d.lot];
    areas?.set(d.areaId, (areas.get(d.areaId) ?? 0) + x);
  }
  return { lotDemand, areaDemand };
}

const ratio = (realised: number, design: number) => (design > 0 ? realised / design : 0);

/** Hours an allocation serves when demand is `r`; framework members follow each area they serve. */
function realisedHours(a: Allocation, lot: Lot, index: number, r: Realised): number {
  if (a.areaHours === undefined) return a.hoursPerWeek * ratio(r.lotDemand[index] ?? 0, lot.demand);
  return Object.entries(a.areaHours).reduce(
    (t, [area, h]) => t + h * ratio(r.areaDemand[index]?.get(area) ?? 0, lot.demandByArea.get(area) ?? 0),
    0,
  );
}

export interface SampleOptions {
  readonly samples: number;
  readonly seed: number;
}

/** `unmet`: lotId → unmet hours per week in the award at design demand. */
function sampleDemand(
  scenario: Scenario,
  lots: readonly Lot[],
  allocations: readonly Allocation[],
  unmet: ReadonlyMap<string, number>,
  options: SampleOptions,
): SamplingSummary {
  const rng = mersenne(options.seed);
  const next = () => uniformFloat64(rng);
  const list = draws(scenario, lots);
  const lotIndex = new Map(lots.map((l, i) => [l.id, i]));
  const served = allocations.filter(
    (a) => a.role !== 'backup' && a.hoursPerWeek > 0 && lotIndex.has(a.lotId),
  );
  const winners = scenario.providers.filter((p) => served.some((a) => a.providerId === p.id));
  const stats = winners.map(() => ({ hours: 0, over: 0, below: 0 }));
  const unmetDraws: number[] = [];
  let anyOver = 0;
  let anyBelow = 0;
  for (let s = 0; s < options.samples; s++) {
    const r = realise(list, lots.length, next);
    const load = new Map<string, number>();
    for (const a of served) {
      const i = lotIndex.get(a.lotId) ?? -1;
      const lot = lots[i];
      if (lot !== undefined)
        load.set(a.providerId, (load.get(a.providerId) ?? 0) + realisedHours(a, lot, i, r));
    }
    let unmetHours = lots.reduce(
      (t, lot, i) => t + (unmet.get(lot.id) ?? 0) * ratio(r.lotDemand[i] ?? 0, lot.demand),
      0,
    );
    let over = false;
    let below = false;
    winners.forEach((p, k) => {
      const h = load.get(p.id) ?? 0;
      const st = stats[k];
      if (st === undefined) return;
      st.hours += h;
      if (h > p.maxHours + tolerance) {
        st.over++;
        over = true;
        unmetHours += h - p.maxHours;
      }
      if (h < p.minViableHours - tolerance) {
        st.below++;
        below = true;
      }
    });
    unmetDraws.push(unmetHours);
    anyOver += Number(over);
    anyBelow += Number(below);
  }
  return summarise(
    options,
    unmetDraws,
    anyOver,
    anyBelow,
    winners.map((p, k) => ({ providerId: p.id, ...(stats[k] ?? { hours: 0, over: 0, below: 0 }) })),
  );
}

function summarise(
  options: SampleOptions,
  unmetDraws: number[],
  anyOver: number,
  anyBelow: number,
  stats: readonly { providerId: string; hours: number; over: number; below: number }[],
): SamplingSummary {
  const n = Math.max(1, options.samples);
  const sorted = [...unmetDraws].sort(ascending);
  return {
    samples: options.samples,
    seed: options.seed,
    probUnmet: unmetDraws.filter((u) => u > tolerance).length / n,
    meanUnmetHoursPerWeek: unmetDraws.reduce((a, b) => a + b, 0) / n,
    p95UnmetHoursPerWeek: sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? 0,
    probOverCapacity: anyOver / n,
    probBelowMinViable: anyBelow / n,
    providers: stats.map((s) => ({
      providerId: s.providerId,
      meanHoursPerWeek: s.hours / n,
      probOverCapacity: s.over / n,
      probBelowMinViable: s.below / n,
    })),
  };
}

/** Sampling for a solved award, with the lots its run built. */
export function sampleAward(
  scenario: Scenario,
  lots: readonly Lot[],
  result: Result,
  options: SampleOptions,
): SamplingSummary {
  return sampleDemand(
    scenario,
    lots,
    result.allocations,
    new Map(result.lots.map((l) => [l.lotId, l.unmetHoursPerWeek])),
    options,
  );
}

const pct = (p: number) => `${(100 * p).toFixed(1)}%`;

/** The printed block after a solve with --samples. */
export function formatSampling(s: SamplingSummary): string {
  const risky = s.providers.filter((p) => p.probOverCapacity > 0 || p.probBelowMinViable > 0);
  return `${[
    `Demand uncertainty (${counted(s.samples, 'sample')}, seed ${s.seed}; each area's demand drawn between its low and high forecast):`,
    `  chance some hours go unmet: ${pct(s.probUnmet)} (mean ${s.meanUnmetHoursPerWeek.toFixed(1)}, 95th percentile ${s.p95UnmetHoursPerWeek.toFixed(1)} hours a week)`,
    `  chance a provider is asked for more than its capacity: ${pct(s.probOverCapacity)}`,
    `  chance a winning provider falls below its minimum viable volume: ${pct(s.probBelowMinViable)}`,
    ...risky.map(
      (p) =>
        `    ${p.providerId}: over capacity ${pct(p.probOverCapacity)}, below minimum viable ${pct(p.probBelowMinViable)}`,
    ),
  ].join('\n')}\n`;
}
