/**
 * The verifier's own reading of bids as they may serve a lot: structures a
 * price holds for, and offers for lots that carry merged care types (one bid
 * per care type with demand in the lot, each eligible on its own, each care
 * type's hours at its own bid's price). Written from the rules in the README
 * and DESIGN.md, sharing no code with src/lots or src/solve on purpose.
 */
import type { Allocation, AwardRules, Bid, LotEntry, Scenario } from '../model/types.js';
import { bidMayTake, type LotRules } from './structure-rules.js';

export interface ExpectedLot {
  readonly careType: string;
  readonly entry: LotEntry;
  /** What the entry's structure allows (structure-rules.ts). */
  readonly rules: LotRules;
  readonly areas: Set<string>;
  demand: number;
  readonly areaDemand: Map<string, number>;
  /** care type → area → design hours (only what the demand rows give) */
  readonly typeDemand: Map<string, Map<string, number>>;
  /** Care types with design demand in the lot, sorted (`neededTypes`, once the demand is in). */
  needed: readonly string[];
}

/** One bid's share of an allocation, as the allocation states it. */
export interface StatedPart {
  readonly bidId: string;
  readonly careType: string;
  readonly hoursPerWeek: number;
  readonly pricePerHour: number;
}

export { bidMayTake };

/** Care types with design demand in the lot, sorted. */
export function neededTypes(lot: ExpectedLot): string[] {
  return [...lot.typeDemand]
    .filter(([, areas]) => [...areas.values()].some((h) => h > 0))
    .map(([t]) => t)
    .sort();
}

const typeHours = (lot: ExpectedLot, careType: string, areaId?: string): number =>
  areaId === undefined
    ? [...(lot.typeDemand.get(careType)?.values() ?? [])].reduce((t, h) => t + h, 0)
    : (lot.typeDemand.get(careType)?.get(areaId) ?? 0);

/** The parts of an allocation: as stated, or the allocation itself when it names one bid. */
export function statedParts(a: Allocation, bids: ReadonlyMap<string, Bid>): readonly StatedPart[] {
  if (a.parts !== undefined) return a.parts;
  return [
    {
      bidId: a.bidId,
      careType: bids.get(a.bidId)?.careType ?? '?',
      hoursPerWeek: a.hoursPerWeek,
      pricePerHour: a.pricePerHour,
    },
  ];
}

/** The bid's price holds for this structure. */
export function priceHoldsFor(bid: Bid, structure: string): boolean {
  return (
    bid.structures === undefined || bid.structures.length === 0 || bid.structures.some((s) => s === structure)
  );
}

/**
 * A bid on its own, apart from covering the whole lot: care type carried with
 * demand, quality, role, structures, not rejected; a framework member covers
 * some area with demand of its care type.
 */
function mayServe(
  bid: Bid,
  lot: ExpectedLot,
  needed: readonly string[],
  role: string,
  rules: AwardRules,
  rejected: ReadonlySet<string>,
): boolean {
  const own =
    needed.includes(bid.careType) &&
    bid.quality >= rules.minQuality &&
    (bidMayTake[role] ?? []).includes(bid.role) &&
    priceHoldsFor(bid, lot.entry.structure) &&
    !rejected.has(bid.id);
  return own && (role !== 'member' || bid.areaIds.some((area) => typeHours(lot, bid.careType, area) > 0));
}

/** Hours of each care type in the hours an allocation serves: role lots by share, framework members area by area. */
export function expectedTypeHours(a: Allocation, lot: ExpectedLot, roleHours: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const type of lot.needed) {
    if (a.role === 'member') {
      const hours = Object.entries(a.areaHours ?? {}).reduce(
        (t, [area, h]) =>
          t +
          (lot.areaDemand.get(area) ? (h * typeHours(lot, type, area)) / (lot.areaDemand.get(area) ?? 1) : 0),
        0,
      );
      out.set(type, hours);
    } else out.set(type, lot.demand > 0 ? (roleHours * typeHours(lot, type)) / lot.demand : 0);
  }
  return out;
}

/** The areas a member offer may serve: for each care type with demand there, its bid covers the area. */
export function offerServes(offer: readonly Bid[], lot: ExpectedLot, areaId: string): boolean {
  return (
    lot.areas.has(areaId) &&
    offer.every((b) => typeHours(lot, b.careType, areaId) <= 0 || b.areaIds.includes(areaId))
  );
}

/** Every bid of the offer covers the area. */
export function offerCoversArea(offer: readonly Bid[], areaId: string): boolean {
  return offer.every((b) => b.areaIds.includes(areaId));
}

/** The offer covers every area of a sole or lead-secondary lot. */
function offerCoversLot(offer: readonly Bid[], lot: ExpectedLot): boolean {
  for (const area of lot.areas) if (!offerCoversArea(offer, area)) return false;
  return true;
}

/** Price (and quality) of one hour of the lot's care-type mix (or one area's) served by the offer. */
export function mixPrice(
  offer: readonly Bid[],
  lot: ExpectedLot,
  areaId?: string,
): { price: number; quality: number } {
  const total = areaId === undefined ? lot.demand : (lot.areaDemand.get(areaId) ?? 0);
  let price = 0;
  let quality = 0;
  for (const b of offer) {
    const w = total > 0 ? typeHours(lot, b.careType, areaId) / total : 0;
    price += w * b.price;
    quality += w * b.quality;
  }
  return { price, quality };
}

/** Every offer (one bid per needed care type, one provider) that could fill some role of the lot. */
export function offersOf(scenario: Scenario, lot: ExpectedLot, rejected: ReadonlySet<string>): Bid[][] {
  const types = lot.needed;
  const roles = lot.rules.places !== null ? ['member'] : [...lot.rules.roles.keys()];
  const found: Bid[][] = [];
  for (const role of roles) {
    const byProvider = new Map<string, Bid[][]>();
    for (const bid of scenario.bids) {
      if (!mayServe(bid, lot, types, role, scenario.award, rejected)) continue;
      const lists = byProvider.get(bid.providerId) ?? types.map((): Bid[] => []);
      lists[types.indexOf(bid.careType)]?.push(bid);
      byProvider.set(bid.providerId, lists);
    }
    for (const lists of byProvider.values()) {
      let combos: Bid[][] = [[]];
      for (const list of lists) combos = combos.flatMap((c) => list.map((b) => [...c, b]));
      for (const offer of combos) {
        const fits =
          role === 'member'
            ? [...lot.areaDemand.keys()].some((area) => offerServes(offer, lot, area))
            : offerCoversLot(offer, lot);
        if (fits) found.push(offer);
      }
    }
  }
  return found;
}
