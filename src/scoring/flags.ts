/**
 * Abnormally low tenders (PCR 2015 reg 69; Procurement Act 2023 guidance): a
 * price below the zone's cost floor must be explained by the bidder; a price
 * that cannot pay the legal wage for contact and travel time with on-costs
 * and mileage comes from breaching labour law and must be rejected. The law
 * sets no numeric trigger: the floor is this model's.
 *
 * A floor alone does not single a bid out when a whole market prices below it
 * (only 1% of contracts met the Homecare Association's minimum price), so
 * "ask to explain" needs both: the price is below the zone's cost floor
 * (less `lowTenderTolerance`) *and* at least `lowTenderBelowMedian` below the
 * median price of the other providers' eligible bids for the same lot.
 */
import type { Flag } from '../model/result.js';
import { eligiblePartBids } from '../lots/eligibility.js';
import type { Allocation, CareType, Lot, Scenario } from '../model/types.js';
import { fmtPercent } from './components.js';
import { price } from '../model/money.js';
import type { CostFloor } from './cost-floor.js';
import { ascending, byText } from '../model/order.js';

const flagActions = {
  'below-wage-floor':
    'must reject: below legal pay (cannot pay the wage for contact and travel time with on-costs)',
  'below-floor': 'ask the bidder to explain: below the zone cost floor and well below the other bids',
} as const satisfies Record<Flag['kind'], string>;

export interface PricedBid {
  readonly bidId: string;
  readonly providerId: string;
  readonly lotId: string;
  readonly price: number;
}

export interface LowTenderThresholds {
  /** Fraction below the cost floor that is still not abnormally low. */
  readonly tolerance: number;
  /** How far below the other bids' median a price must be to stand out. */
  readonly belowMedian: number;
}

/** The median of numbers already in ascending order. */
const median = (sorted: readonly number[]): number | null => {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** The median price of the other providers' eligible bids of a care type for a lot (null when no other provider bid). */
export function otherBidsMedian(
  scenario: Scenario,
  lot: Lot,
): (providerId: string, careType?: CareType) => number | null {
  // Put in price order once a lot: each provider's others are then a filter, not a sort.
  const bids = [...eligiblePartBids(lot, scenario.bids, scenario.award)].sort((a, b) =>
    ascending(a.price, b.price),
  );
  const memo = new Map<string, number | null>();
  return (providerId, careType = lot.careType) => {
    const key = `${providerId}\0${careType}`;
    if (!memo.has(key))
      memo.set(
        key,
        median(
          bids.filter((b) => b.providerId !== providerId && b.careType === careType).map((b) => b.price),
        ),
      );
    return memo.get(key) ?? null;
  };
}

/** The flag a price earns against a floor and the other bids, or null when it is not abnormally low. */
export function flagFor(
  bid: PricedBid,
  floor: CostFloor,
  othersMedian: number | null,
  limits: LowTenderThresholds,
  currency: string,
): Flag | null {
  const money = (x: number) => price(x, currency);
  const base = { bidId: bid.bidId, providerId: bid.providerId, lotId: bid.lotId, pricePerHour: bid.price };
  if (bid.price < floor.wageFloorPerHour) {
    return {
      ...base,
      kind: 'below-wage-floor',
      floorPerHour: floor.wageFloorPerHour,
      action: flagActions['below-wage-floor'],
      reason: `${money(bid.price)}/h is below ${money(floor.wageFloorPerHour)}/h, the least that pays the wage floor here`,
    };
  }
  const belowFloor = bid.price < floor.perHour * (1 - limits.tolerance);
  const belowOthers = othersMedian !== null && bid.price < othersMedian * (1 - limits.belowMedian);
  if (belowFloor && belowOthers) {
    return {
      ...base,
      kind: 'below-floor',
      floorPerHour: floor.perHour,
      action: flagActions['below-floor'],
      reason: `${money(bid.price)}/h is ${fmtPercent(1 - bid.price / floor.perHour)} below the zone cost floor ${money(floor.perHour)}/h and ${fmtPercent(1 - bid.price / othersMedian)} below the other bids' median ${money(othersMedian)}/h`,
    };
  }
  return null;
}

/** Flags on every awarded bid (winners and named back-ups; each care type's bid of a merged offer on its own), sorted by lot then bid. */
export function awardFlags(
  scenario: Scenario,
  lots: readonly Lot[],
  allocations: readonly Allocation[],
  floors: ReadonlyMap<string, CostFloor>,
  limits: LowTenderThresholds,
): Flag[] {
  const byId = new Map(lots.map((l) => [l.id, l]));
  const medians = new Map(lots.map((l) => [l.id, otherBidsMedian(scenario, l)]));
  const seen = new Set<string>();
  const flags: Flag[] = [];
  for (const a of allocations) {
    const floor = floors.get(a.lotId);
    if (floor === undefined) continue;
    const parts = a.parts ?? [
      { bidId: a.bidId, careType: byId.get(a.lotId)?.careType ?? 'standard', pricePerHour: a.pricePerHour },
    ];
    for (const part of parts) {
      const key = `${a.lotId}\0${part.bidId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const others = medians.get(a.lotId)?.(a.providerId, part.careType) ?? null;
      const flag = flagFor(
        { bidId: part.bidId, providerId: a.providerId, lotId: a.lotId, price: part.pricePerHour },
        floor,
        others,
        limits,
        scenario.currency,
      );
      if (flag !== null) flags.push(flag);
    }
  }
  return flags.sort((x, y) => byText(x.lotId, y.lotId) || byText(x.bidId, y.bidId));
}
