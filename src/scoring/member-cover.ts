/** Which areas of a lot a framework member can serve: those every one of its bids there covers. */
import type { Allocation, Bid, Lot, Scenario } from '../model/types.js';

const covers = (bid: Bid, areaId: string): boolean => bid.areaIds.includes(areaId);

/** The ids of the bids a place was won under: a merged lot's one per care type, else its one bid. */
const placeBidIds = (place: Allocation): readonly string[] =>
  place.parts?.map((p) => p.bidId) ?? [place.bidId];

/**
 * The bids `places` were won under, each once, by id: the one answer to which bids a
 * framework member is called off under (its room, take-over-room.ts; its routes, handback-shares.ts).
 */
export const bidsWonUnder = (places: readonly Allocation[], bids: ReadonlyMap<string, Bid>): Bid[] =>
  [...new Set(places.flatMap(placeBidIds))].sort().flatMap((id) => bids.get(id) ?? []);

/** A member's place covers an area when each of its bids whose care type has demand there covers it (merged lots: one bid per care type). */
export const placeCovers = (
  m: Allocation,
  lot: Lot,
  bids: ReadonlyMap<string, Bid>,
  areaId: string,
): boolean =>
  placeBidIds(m)
    .map((id) => bids.get(id))
    .every(
      (b) =>
        b !== undefined && (!(lot.careDemand.get(b.careType)?.has(areaId) ?? false) || covers(b, areaId)),
    );

/**
 * Whether provider `providerId` can serve area `areaId` of `lot` through one of its places
 * there (back-ups aside): the one test of a framework member's reach, which supply, N-1,
 * surge, growth and cherry-picking each make for the lot they score.
 */
export function lotCover(
  scenario: Pick<Scenario, 'bids'>,
  lot: Lot,
  allocations: readonly Allocation[],
): (providerId: string, areaId: string) => boolean {
  const places = allocations.filter((a) => a.lotId === lot.id && a.role !== 'backup');
  const bids = new Map(scenario.bids.map((b) => [b.id, b]));
  return (providerId, areaId) =>
    places.some((m) => m.providerId === providerId && placeCovers(m, lot, bids, areaId));
}

/**
 * Whether a lot's winners (places holding hours, back-ups aside) hold it area by area, as a
 * framework's members do, and there are any: asked of every lot by supply, surge and growth,
 * and answered without the lists of its places they make only for a framework.
 */
export function heldByArea(allocations: readonly Allocation[], lotId: string): boolean {
  let held = false;
  for (const a of allocations) {
    if (a.lotId !== lotId || a.role === 'backup' || a.hoursPerWeek <= 0) continue;
    if (a.areaHours === undefined) return false;
    held = true;
  }
  return held;
}
