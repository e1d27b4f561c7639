/** Which areas of a lot a framework member can serve: those every one of its bids there covers. */
import type { Allocation, Bid, Lot } from '../model/types.js';

const covers = (bid: Bid, areaId: string): boolean => bid.areaIds.includes(areaId);

/** A member covers an area when each of its bids whose care type has demand there covers it (merged lots: one bid per care type). */
export const memberCovers = (
  m: Allocation,
  lot: Lot,
  bids: ReadonlyMap<string, Bid>,
  areaId: string,
): boolean =>
  (m.parts?.map((p) => p.bidId) ?? [m.bidId])
    .map((id) => bids.get(id))
    .every(
      (b) =>
        b !== undefined && (!(lot.careDemand.get(b.careType)?.has(areaId) ?? false) || covers(b, areaId)),
    );
