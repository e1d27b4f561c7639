/**
 * Facts about an award that several scores share: each provider's hours and
 * spare capacity, who holds which lot, and who backs it up.
 */
import type { Allocation, Bid, Lot, Provider, Scenario } from '../model/types.js';
import { byKey, largestFirst } from '../model/order.js';
import { pushTo } from '../model/map-lists.js';
import { indexById } from '../model/index-by-id.js';

export interface AwardFacts {
  readonly providers: ReadonlyMap<string, Provider>;
  /** Guaranteed hours per provider across all lots (back-ups hold none). */
  readonly hoursByProvider: ReadonlyMap<string, number>;
  /** lotId → the providers holding guaranteed hours there, with those hours, largest first (then by id). */
  readonly holders: ReadonlyMap<string, readonly (readonly [string, number])[]>;
  /** lotId → the providers holding a place there (back-ups aside), with their hours, largest first (then by id). */
  readonly places: ReadonlyMap<string, readonly (readonly [string, number])[]>;
  /** lotId → named back-up providers, sorted. */
  readonly backups: ReadonlyMap<string, readonly string[]>;
  /** The lots awarded, by id (a back-up's room is counted in every lot it backs up). */
  readonly lots: ReadonlyMap<string, Lot>;
  /** providerId → the bids it made, in the scenario's order. */
  readonly bidsByProvider: ReadonlyMap<string, readonly Bid[]>;
  /** bidId → the hours awarded under it across all lots (a merged lot's parts each under its own bid). */
  readonly heldByBid: ReadonlyMap<string, number>;
  /** The bids, by id. */
  readonly bids: ReadonlyMap<string, Bid>;
  /** The award's places, back-ups and members holding no hours among them. */
  readonly allocations: readonly Allocation[];
  /** providerId → its places in `allocations`, in their order (each stand-in's hand-back asks for its own). */
  readonly placesOf: ReadonlyMap<string, readonly Allocation[]>;
}

const sortedMap = <V>(entries: Iterable<[string, V]>) => new Map([...entries].sort(byKey));

/** Providers with their hours in a lot (`held`), largest first, then by id. */
const ranked = (providers: Iterable<string>, held: ReadonlyMap<string, number> | undefined) =>
  [...providers].map((p): [string, number] => [p, held?.get(p) ?? 0]).sort(largestFirst);

export function awardFacts(
  scenario: Scenario,
  allocations: readonly Allocation[],
  lots: readonly Lot[],
): AwardFacts {
  const hoursByProvider = new Map<string, number>();
  const heldByBid = new Map<string, number>();
  const lotHours = new Map<string, Map<string, number>>();
  const backups = new Map<string, string[]>();
  const placed = new Map<string, Set<string>>();
  const placesOf = new Map<string, Allocation[]>();
  for (const a of allocations) {
    pushTo(placesOf, a.providerId, a);
    if (a.role === 'backup') {
      backups.set(a.lotId, [...(backups.get(a.lotId) ?? []), a.providerId].sort());
      continue;
    }
    const inPlaces = placed.get(a.lotId) ?? new Set<string>();
    placed.set(a.lotId, inPlaces.add(a.providerId));
    if (a.hoursPerWeek <= 0) continue;
    // A merged lot's parts each under its own bid, else all under the place's one (no list made for it).
    if (a.parts === undefined) heldByBid.set(a.bidId, (heldByBid.get(a.bidId) ?? 0) + a.hoursPerWeek);
    else
      for (const part of a.parts)
        heldByBid.set(part.bidId, (heldByBid.get(part.bidId) ?? 0) + part.hoursPerWeek);
    hoursByProvider.set(a.providerId, (hoursByProvider.get(a.providerId) ?? 0) + a.hoursPerWeek);
    const inLot = lotHours.get(a.lotId) ?? new Map<string, number>();
    inLot.set(a.providerId, (inLot.get(a.providerId) ?? 0) + a.hoursPerWeek);
    lotHours.set(a.lotId, inLot);
  }
  return {
    providers: indexById(scenario.providers),
    hoursByProvider: sortedMap(hoursByProvider),
    holders: new Map([...lotHours].map(([lotId, held]) => [lotId, ranked(held.keys(), held)])),
    places: new Map([...placed].map(([lotId, providers]) => [lotId, ranked(providers, lotHours.get(lotId))])),
    backups,
    lots: new Map(lots.map((l) => [l.id, l])),
    bidsByProvider: bidIndex(scenario.bids).byProvider,
    heldByBid,
    bids: bidIndex(scenario.bids).byId,
    allocations,
    placesOf,
  };
}

/** The bids by id and by provider, worked out once per list of bids (as indexById). */
function bidIndex(bids: readonly Bid[]): BidIndex {
  const seen = knownBids.get(bids);
  if (seen !== undefined) return seen;
  const index = { byId: indexById(bids), byProvider: bidsByProvider(bids) };
  knownBids.set(bids, index);
  return index;
}

interface BidIndex {
  readonly byId: ReadonlyMap<string, Bid>;
  readonly byProvider: ReadonlyMap<string, readonly Bid[]>;
}

const knownBids = new WeakMap<readonly Bid[], BidIndex>();

function bidsByProvider(bids: readonly Bid[]): Map<string, Bid[]> {
  const byProvider = new Map<string, Bid[]>();
  for (const b of bids) pushTo(byProvider, b.providerId, b);
  return byProvider;
}

/** Capacity a provider has left after this award (never below 0). */
export function spareOf(facts: AwardFacts, providerId: string): number {
  const provider = facts.providers.get(providerId);
  return provider === undefined
    ? 0
    : Math.max(0, provider.maxHours - (facts.hoursByProvider.get(providerId) ?? 0));
}

/** Share of its capacity a provider uses after this award, in [0, 1]. */
export function utilisationOf(facts: AwardFacts, providerId: string): number {
  const provider = facts.providers.get(providerId);
  if (provider === undefined || provider.maxHours <= 0) return 1;
  return Math.min(1, (facts.hoursByProvider.get(providerId) ?? 0) / provider.maxHours);
}

/** Providers holding hours in a lot, sorted by hours (largest first, then id). */
export const holdersOf = (facts: AwardFacts, lotId: string): readonly (readonly [string, number])[] =>
  facts.holders.get(lotId) ?? [];

/**
 * Providers holding a place in a lot (back-ups aside), with their hours there, largest first: a
 * framework member awarded none holds a place it can be called off under, so surge and growth
 * count it as N-1 does (until later on 2026-12-02 they counted only `holdersOf`).
 */
export const placesIn = (facts: AwardFacts, lotId: string): readonly (readonly [string, number])[] =>
  facts.places.get(lotId) ?? [];

/** How many lots a provider holds a place in (back-ups aside). */
export const lotsPlacedIn = (facts: AwardFacts, providerId: string): number =>
  new Set((facts.placesOf.get(providerId) ?? []).filter((a) => a.role !== 'backup').map((a) => a.lotId)).size;
