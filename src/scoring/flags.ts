/**
 * Abnormally low tenders (PCR 2015 reg 69; Procurement Act 2023 guidance): a
 * price below the zone's cost floor must be explained by the bidder; a price
 * that cannot pay the legal wage for contact and travel time with on-costs
 * and mileage comes from breaching labour law and must be rejected. The law
 * sets no numeric trigger: the floor is this model's.
 */
import type { Flag } from '../model/result.js';
import type { Allocation } from '../model/types.js';
import { fmtMoney, fmtPercent } from './components.js';
import type { CostFloor } from './cost-floor.js';

export const flagActions = {
  'below-wage-floor': 'must reject: below legal pay (cannot pay the wage for contact and travel time with on-costs)',
  'below-floor': 'ask the bidder to explain: below the zone cost floor',
} as const satisfies Record<Flag['kind'], string>;

export interface PricedBid {
  readonly bidId: string;
  readonly providerId: string;
  readonly lotId: string;
  readonly price: number;
}

/** The flag a price earns against a floor, or null when it is not abnormally low. */
export function flagFor(bid: PricedBid, floor: CostFloor, tolerance: number): Flag | null {
  const base = { bidId: bid.bidId, providerId: bid.providerId, lotId: bid.lotId, pricePerHour: bid.price };
  if (bid.price < floor.wageFloorPerHour) {
    return {
      ...base, kind: 'below-wage-floor', floorPerHour: floor.wageFloorPerHour, action: flagActions['below-wage-floor'],
      reason: `${fmtMoney(bid.price)}/h is below ${fmtMoney(floor.wageFloorPerHour)}/h, the least that pays the wage floor here`,
    };
  }
  if (bid.price < floor.perHour * (1 - tolerance)) {
    return {
      ...base, kind: 'below-floor', floorPerHour: floor.perHour, action: flagActions['below-floor'],
      reason: `${fmtMoney(bid.price)}/h is ${fmtPercent(1 - bid.price / floor.perHour)} below the zone cost floor ${fmtMoney(floor.perHour)}/h`,
    };
  }
  return null;
}

/** Flags on every awarded bid (winners and named back-ups), sorted by lot then bid. */
export function awardFlags(allocations: readonly Allocation[], floors: ReadonlyMap<string, CostFloor>, tolerance: number): Flag[] {
  const seen = new Set<string>();
  const flags: Flag[] = [];
  for (const a of allocations) {
    const floor = floors.get(a.lotId);
    const key = `${a.lotId}\0${a.bidId}`;
    if (floor === undefined || seen.has(key)) continue;
    seen.add(key);
    const flag = flagFor({ bidId: a.bidId, providerId: a.providerId, lotId: a.lotId, price: a.pricePerHour }, floor, tolerance);
    if (flag !== null) flags.push(flag);
  }
  return flags.sort((x, y) => (x.lotId < y.lotId ? -1 : x.lotId > y.lotId ? 1 : x.bidId < y.bidId ? -1 : x.bidId > y.bidId ? 1 : 0));
}
