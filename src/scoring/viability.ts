/**
 * Viability (0-100, higher is better): how sustainable an award is for the
 * provider. Components, each in [0, 1]:
 *   volume     hours won against the provider's minimum viable volume
 *   margin     price against the zone's cost floor (0 at marginBand below it, 1 at or above it)
 *   travel     1 − paid travel minutes per contact hour / travelMinutesLimit
 *   headroom   spare capacity: 1 up to comfortableUtilisation, 0 at full capacity
 *   stability  1 − (high − low) / central demand / demandRangeLimit
 */
import type { Lot, Provider } from '../model/types.js';
import {
  clamp01,
  component,
  fmtHours,
  fmtPercent,
  weigh,
  weighedScore,
  type Components,
} from './components.js';
import type { CostFloor } from './cost-floor.js';
import type { ScoringWeights } from './settings.js';
import { counted } from '../model/counted.js';

import { price as priceText } from '../model/money.js';
export interface AwardTerms {
  readonly provider: Provider;
  readonly lot: Lot;
  readonly hours: number;
  readonly price: number;
  readonly floor: CostFloor;
  /** The provider's guaranteed hours across the whole award. */
  readonly providerHours: number;
}

export function volumeValue(hours: number, minViable: number): number {
  return minViable <= 0 ? 1 : clamp01(hours / minViable);
}

/** 1 at or above the floor, falling to 0 at `marginBand` below it. */
export function marginValue(price: number, floor: number, band: number): number {
  return floor <= 0 ? 1 : clamp01((price / floor - (1 - band)) / band);
}

export function headroomValue(utilisation: number, comfortable: number): number {
  return clamp01((1 - utilisation) / (1 - comfortable));
}

export function travelValue(minutes: number, limit: number): number {
  return clamp01(1 - minutes / limit);
}

export function stabilityValue(lot: Pick<Lot, 'demand' | 'demandLow' | 'demandHigh'>, limit: number): number {
  return lot.demand <= 0 ? 1 : clamp01(1 - (lot.demandHigh - lot.demandLow) / lot.demand / limit);
}

function marginReason(price: number, floor: number, currency: string): string {
  const gap = price / floor - 1;
  const side = gap < 0 ? `${fmtPercent(-gap)} below` : `${fmtPercent(gap)} above`;
  return `${priceText(price, currency)}/h is ${side} the cost floor ${priceText(floor, currency)}/h`;
}

/** A lot's demand range, written once per lot: each award in it, and its zone viability's best bid, quote it. */
function rangeReason(lot: Lot): string {
  const seen = rangeReasons.get(lot);
  if (seen !== undefined) return seen;
  const reason = rangeText(lot);
  rangeReasons.set(lot, reason);
  return reason;
}

const rangeReasons = new WeakMap<Lot, string>();

const rangeText = (lot: Lot) =>
  `demand may run ${fmtHours(lot.demandLow)} to ${fmtHours(lot.demandHigh)} (range ${fmtPercent(lot.demand > 0 ? (lot.demandHigh - lot.demandLow) / lot.demand : 0)} of ${fmtHours(lot.demand)})`;

const travelReason = (floor: CostFloor) =>
  `about ${floor.travelMinutesPerContactHour.toFixed(1)} paid travel minutes per contact hour (zone spread ${floor.spreadKm.toFixed(1)} km)`;

/** How much of its capacity the provider would use. */
const capacityUse = (provider: Provider, hours: number) =>
  provider.maxHours > 0 ? hours / provider.maxHours : 1;

const headroomReason = (provider: Provider, hours: number) =>
  `${provider.id} would use ${fmtPercent(capacityUse(provider, hours))} of its ${fmtHours(provider.maxHours)} capacity`;

/** The components' values of one award, without their reasons. */
function awardValues(t: AwardTerms, s: ScoringWeights) {
  const { provider, lot, floor } = t;
  return {
    volume: volumeValue(t.hours, provider.minViableHours),
    margin: marginValue(t.price, floor.perHour, s.marginBand),
    travel: travelValue(floor.travelMinutesPerContactHour, s.travelMinutesLimit),
    headroom: headroomValue(capacityUse(provider, t.providerHours), s.comfortableUtilisation),
    stability: stabilityValue(lot, s.demandRangeLimit),
  };
}

/** Viability of one award (one lot role won by one bid). */
export function awardViability(t: AwardTerms, s: ScoringWeights, currency: string): Components {
  const { provider, lot, floor } = t;
  const v = awardValues(t, s);
  return weigh(
    {
      volume: component(
        v.volume,
        `this award: ${fmtHours(t.hours)} against a minimum viable ${fmtHours(provider.minViableHours)}`,
      ),
      margin: component(v.margin, marginReason(t.price, floor.perHour, currency)),
      travel: component(v.travel, travelReason(floor)),
      headroom: component(v.headroom, headroomReason(provider, t.providerHours)),
      stability: component(v.stability, rangeReason(lot)),
    },
    s.viabilityWeights,
  );
}

/**
 * `scoreOf(awardViability(t, s))` without writing the reasons: the score
 * reads only values and weights. Zone viability weighs every eligible bid of
 * every lot and keeps one, so it writes reasons for the best only.
 */
export function awardViabilityScore(t: AwardTerms, s: ScoringWeights): number {
  return weighedScore(awardValues(t, s), s.viabilityWeights);
}

/** Viability of a provider across all its awards (hours-weighted where per award). */
export function providerViability(
  provider: Provider,
  awards: readonly AwardTerms[],
  s: ScoringWeights,
  currency: string,
): Components {
  const hours = awards.reduce((t, a) => t + a.hours, 0);
  if (hours <= 0) {
    return weigh(
      { volume: component(0, `wins nothing against a minimum viable ${fmtHours(provider.minViableHours)}`) },
      { volume: 1 },
    );
  }
  const mean = (pick: (a: AwardTerms) => number) => awards.reduce((t, a) => t + a.hours * pick(a), 0) / hours;
  const price = mean((a) => a.price);
  const floor = mean((a) => a.floor.perHour);
  const minutes = mean((a) => a.floor.travelMinutesPerContactHour);
  const range = mean((a) => (a.lot.demand > 0 ? (a.lot.demandHigh - a.lot.demandLow) / a.lot.demand : 0));
  const lots = counted(awards.length, 'award');
  return weigh(
    {
      volume: component(
        volumeValue(hours, provider.minViableHours),
        `wins ${fmtHours(hours)} against a minimum viable ${fmtHours(provider.minViableHours)}`,
      ),
      margin: component(
        mean((a) => marginValue(a.price, a.floor.perHour, s.marginBand)),
        `over ${lots}: ${marginReason(price, floor, currency)} (hours-weighted)`,
      ),
      travel: component(
        mean((a) => travelValue(a.floor.travelMinutesPerContactHour, s.travelMinutesLimit)),
        `about ${minutes.toFixed(1)} paid travel minutes per contact hour across its zones`,
      ),
      headroom: component(
        headroomValue(capacityUse(provider, hours), s.comfortableUtilisation),
        headroomReason(provider, hours),
      ),
      stability: component(
        mean((a) => stabilityValue(a.lot, s.demandRangeLimit)),
        `its lots' demand range averages ${fmtPercent(range)} of central demand`,
      ),
    },
    s.viabilityWeights,
  );
}
