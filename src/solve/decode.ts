/**
 * Read a solver's values back into an award: allocations per offer, lot and
 * role, and unmet hours per lot. Values are rounded to the integrality they
 * must have. An offer of several bids (a lot with merged care types) becomes
 * one allocation with its parts, each care type's hours at its own bid's price.
 */
import type { Allocation, AllocationPart, Bid, Lot } from '../model/types.js';
import type { Program, VariablePart } from './program.js';
import { indexById } from '../model/index-by-id.js';

const hoursTolerance = 1e-7;

function round(x: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export interface Decoded {
  readonly allocations: Allocation[];
  readonly unmet: Map<string, number>;
}

/** Hours of each bid of an offer, summed over the variables that give it hours; `part` is the first variable's (lot-wide shares for a place). */
type PartHours = Map<string, { readonly part: VariablePart; hours: number }>;

function addParts(into: PartHours, parts: readonly VariablePart[], hours: number): void {
  for (const part of parts) {
    const entry = into.get(part.bidId) ?? { part, hours: 0 };
    entry.hours += part.share * hours;
    into.set(part.bidId, entry);
  }
}

/** The allocation of an offer: total hours, blended price, exact annual cost and (for several bids) its parts. */
function allocationOf(
  base: Pick<Allocation, 'lotId' | 'bidId' | 'providerId' | 'role'>,
  partHours: PartHours,
  bids: ReadonlyMap<string, Bid>,
  weeksPerYear: number,
): Allocation {
  // One loop, not a chain of arrays: decoding is done for every variant.
  const parts: AllocationPart[] = [];
  let total = 0;
  let spend = 0;
  // A framework place with no hours is priced at the lot's care-type mix (the shares its place variable carries).
  let mixPrice = 0;
  for (const { part, hours } of partHours.values()) {
    const hoursPerWeek = round(hours);
    const pricePerHour = bids.get(part.bidId)?.price ?? 0;
    parts.push({ bidId: part.bidId, careType: part.careType, hoursPerWeek, pricePerHour });
    total += hoursPerWeek;
    spend += hoursPerWeek * pricePerHour;
    mixPrice += part.share * pricePerHour;
  }
  const hours = round(total);
  const single = parts.length === 1 ? parts[0] : undefined;
  const pricePerHour =
    single !== undefined ? single.pricePerHour : round(hours > 0 ? spend / hours : mixPrice);
  const annualCost = round(spend * weeksPerYear, 2);
  // Every field named, not `...base` and more: an object spread and then added to grows its store.
  const { lotId, bidId, providerId, role } = base;
  return parts.length > 1
    ? { lotId, bidId, providerId, role, hoursPerWeek: hours, pricePerHour, annualCost, parts }
    : { lotId, bidId, providerId, role, hoursPerWeek: hours, pricePerHour, annualCost };
}

interface Member {
  readonly bid: Bid;
  readonly lotId: string;
  readonly areaHours: Record<string, number>;
  readonly parts: PartHours;
}

export function decode(
  program: Program,
  values: readonly number[],
  lots: readonly Lot[],
  bids: readonly Bid[],
  weeksPerYear: number,
): Decoded {
  const bidById = indexById(bids);
  const unmet = new Map<string, number>(lots.map((l) => [l.id, 0]));
  const roleAllocations: Allocation[] = [];
  const framework = new Map<string, Member>();
  const member = (lotId: string, offer: string, bid: Bid, parts: readonly VariablePart[]): Member => {
    const key = `${lotId}|${offer}`;
    // A framework place may carry no hours (when minShare is 0); it is still a place won, by every bid of the offer.
    const entry = framework.get(key) ?? { bid, lotId, areaHours: {}, parts: new Map() };
    addParts(entry.parts, parts, 0);
    framework.set(key, entry);
    return entry;
  };
  program.variables.forEach((variable, i) => {
    const value = values[i] ?? 0;
    const m = variable.meaning;
    if (m.kind === 'assign' && value > 0.5) {
      const bid = bidById.get(m.bidId);
      if (bid === undefined) return;
      const partHours: PartHours = new Map();
      addParts(partHours, m.parts, m.hours);
      roleAllocations.push(
        allocationOf(
          { lotId: m.lotId, bidId: bid.id, providerId: bid.providerId, role: m.role },
          partHours,
          bidById,
          weeksPerYear,
        ),
      );
    } else if (m.kind === 'unmet' && value > 0.5) {
      unmet.set(m.lotId, (unmet.get(m.lotId) ?? 0) + m.hours);
    } else if (m.kind === 'areaUnmet' && value > hoursTolerance) {
      unmet.set(m.lotId, (unmet.get(m.lotId) ?? 0) + value);
    } else if ((m.kind === 'place' && value > 0.5) || (m.kind === 'areaHours' && value > hoursTolerance)) {
      const bid = bidById.get(m.bidId);
      if (bid === undefined) return;
      const entry = member(m.lotId, m.offer, bid, m.parts);
      if (m.kind !== 'areaHours') return;
      entry.areaHours[m.areaId] = round(value);
      addParts(entry.parts, m.parts, round(value));
    }
  });
  const members = [...framework.values()].map(({ bid, lotId, areaHours, parts }) => ({
    ...allocationOf(
      { lotId, bidId: bid.id, providerId: bid.providerId, role: 'member' },
      parts,
      bidById,
      weeksPerYear,
    ),
    areaHours,
  }));
  for (const [lotId, hours] of unmet) unmet.set(lotId, round(hours));
  return { allocations: [...roleAllocations, ...members], unmet };
}
