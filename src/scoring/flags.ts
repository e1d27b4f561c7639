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
import type { Allocation, Bid, CareType, Lot, Scenario } from '../model/types.js';
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

/**
 * The median price of the bids in `sorted` (in price order) not of `providerId` and of
 * `careType`, read off in place rather than from a list of them (each provider's and care
 * type's was one: 11 kB a variant); null when there are none.
 */
function medianOf(sorted: readonly Bid[], providerId: string, careType: CareType): number | null {
  const counts = (b: Bid) => b.providerId !== providerId && b.careType === careType;
  let count = 0;
  for (const b of sorted) if (counts(b)) count++;
  const mid = Math.floor(count / 2);
  let k = 0;
  let below = 0;
  for (const b of sorted) {
    if (!counts(b)) continue;
    if (k === mid - 1) below = b.price;
    if (k === mid) return count % 2 === 1 ? b.price : (below + b.price) / 2;
    k++;
  }
  return null;
}

/** A lot's eligible bids in price order, put so once per list of them (eligibility keeps each lot's). */
function byPrice(bids: readonly Bid[]): readonly Bid[] {
  const seen = inPriceOrder.get(bids);
  if (seen !== undefined) return seen;
  const sorted = [...bids].sort((a, b) => ascending(a.price, b.price));
  inPriceOrder.set(bids, sorted);
  return sorted;
}

const inPriceOrder = new WeakMap<readonly Bid[], readonly Bid[]>();

/** The median price of the other providers' eligible bids of a care type for a lot (null when no other provider bid). */
export function otherBidsMedian(
  scenario: Scenario,
  lot: Lot,
): (providerId: string, careType?: CareType) => number | null {
  // In price order once per lot's bids (byPrice): each provider's median is then read off, not sorted.
  const bids = byPrice(eligiblePartBids(lot, scenario.bids, scenario.award));
  const memo = new Map<string, number | null>();
  return (providerId, careType = lot.careType) => {
    const key = `${providerId}\0${careType}`;
    if (!memo.has(key)) memo.set(key, medianOf(bids, providerId, careType));
    return memo.get(key) ?? null;
  };
}

/** Whether a price is below the floor by more than the tolerance: only such a price is held against the other bids. */
const belowFloor = (price: number, floor: CostFloor, limits: LowTenderThresholds) =>
  price < floor.perHour * (1 - limits.tolerance);

/** The flag a price earns against a floor and the other bids, or null when it is not abnormally low. */
export function flagFor(
  bid: PricedBid,
  floor: CostFloor,
  othersMedian: number | null,
  limits: LowTenderThresholds,
  currency: string,
): Flag | null {
  // Nothing is written for a price that earns no flag, most of them (flagFor was 10 kB a variant).
  const money = (x: number) => price(x, currency);
  if (bid.price < floor.wageFloorPerHour)
    return flag(
      bid,
      'below-wage-floor',
      floor.wageFloorPerHour,
      `${money(bid.price)}/h is below ${money(floor.wageFloorPerHour)}/h, the least that pays the wage floor here`,
    );
  const belowOthers = othersMedian !== null && bid.price < othersMedian * (1 - limits.belowMedian);
  if (belowFloor(bid.price, floor, limits) && belowOthers)
    return flag(
      bid,
      'below-floor',
      floor.perHour,
      `${money(bid.price)}/h is ${fmtPercent(1 - bid.price / floor.perHour)} below the zone cost floor ${money(floor.perHour)}/h and ${fmtPercent(1 - bid.price / othersMedian)} below the other bids' median ${money(othersMedian)}/h`,
    );
  return null;
}

const flag = (bid: PricedBid, kind: Flag['kind'], floorPerHour: number, reason: string): Flag => ({
  bidId: bid.bidId,
  providerId: bid.providerId,
  lotId: bid.lotId,
  pricePerHour: bid.price,
  kind,
  floorPerHour,
  action: flagActions[kind],
  reason,
});

/**
 * Flags on every awarded bid (winners and named back-ups; each care type's bid of a merged offer on its own), sorted by lot then bid.
 * A lot's other bids are put in price order only when one of its prices is below the floor, the
 * one case their median decides (the medians of every lot were 39 kB a variant).
 */
export function awardFlags(
  scenario: Scenario,
  lots: readonly Lot[],
  allocations: readonly Allocation[],
  floors: ReadonlyMap<string, CostFloor>,
  limits: LowTenderThresholds,
): Flag[] {
  const byId = new Map(lots.map((l) => [l.id, l]));
  const medians = new Map<string, ReturnType<typeof otherBidsMedian>>();
  const othersMedian = (lotId: string, providerId: string, careType: CareType) => {
    const lot = byId.get(lotId);
    if (lot === undefined) return null;
    const inLot = medians.get(lotId) ?? otherBidsMedian(scenario, lot);
    medians.set(lotId, inLot);
    return inLot(providerId, careType);
  };
  const seen = new Set<string>();
  const flags: Flag[] = [];
  const flagPart = (a: Allocation, floor: CostFloor, bidId: string, careType: CareType, price: number) => {
    const key = `${a.lotId}\0${bidId}`;
    if (seen.has(key)) return;
    seen.add(key);
    const others = belowFloor(price, floor, limits) ? othersMedian(a.lotId, a.providerId, careType) : null;
    const found = flagFor(
      { bidId, providerId: a.providerId, lotId: a.lotId, price },
      floor,
      others,
      limits,
      scenario.currency,
    );
    if (found !== null) flags.push(found);
  };
  for (const a of allocations) {
    const floor = floors.get(a.lotId);
    if (floor === undefined) continue;
    if (a.parts === undefined)
      flagPart(a, floor, a.bidId, byId.get(a.lotId)?.careType ?? 'standard', a.pricePerHour);
    else for (const part of a.parts) flagPart(a, floor, part.bidId, part.careType, part.pricePerHour);
  }
  return flags.sort((x, y) => byText(x.lotId, y.lotId) || byText(x.bidId, y.bidId));
}
