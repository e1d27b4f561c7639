/**
 * Facts about an award that several scores share: each provider's hours and
 * spare capacity, who holds which lot, and who backs it up.
 */
import type { Allocation, Bid, Lot, Provider, Scenario } from '../model/types.js';
import { byKey, largestFirst } from '../model/order.js';

export interface AwardFacts {
  readonly providers: ReadonlyMap<string, Provider>;
  /** Guaranteed hours per provider across all lots (back-ups hold none). */
  readonly hoursByProvider: ReadonlyMap<string, number>;
  /** lotId → providerId → guaranteed hours in that lot. */
  readonly lotHours: ReadonlyMap<string, ReadonlyMap<string, number>>;
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
}

const sortedMap = <V>(entries: Iterable<[string, V]>) => new Map([...entries].sort(byKey));

export function awardFacts(
  scenario: Scenario,
  allocations: readonly Allocation[],
  lots: readonly Lot[],
): AwardFacts {
  const hoursByProvider = new Map<string, number>();
  const heldByBid = new Map<string, number>();
  const lotHours = new Map<string, Map<string, number>>();
  const backups = new Map<string, string[]>();
  for (const a of allocations) {
    if (a.role === 'backup') {
      backups.set(a.lotId, [...(backups.get(a.lotId) ?? []), a.providerId].sort());
      continue;
    }
    if (a.hoursPerWeek <= 0) continue;
    for (const part of a.parts ?? [{ bidId: a.bidId, hoursPerWeek: a.hoursPerWeek }])
      heldByBid.set(part.bidId, (heldByBid.get(part.bidId) ?? 0) + part.hoursPerWeek);
    hoursByProvider.set(a.providerId, (hoursByProvider.get(a.providerId) ?? 0) + a.hoursPerWeek);
    const inLot = lotHours.get(a.lotId) ?? new Map<string, number>();
    inLot.set(a.providerId, (inLot.get(a.providerId) ?? 0) + a.hoursPerWeek);
    lotHours.set(a.lotId, inLot);
  }
  return {
    providers: new Map(scenario.providers.map((p) => [p.id, p])),
    hoursByProvider: sortedMap(hoursByProvider),
    lotHours: new Map([...lotHours].map(([lotId, m]) => [lotId, sortedMap(m)])),
    backups,
    lots: new Map(lots.map((l) => [l.id, l])),
    bidsByProvider: bidsByProvider(scenario.bids),
    heldByBid,
    bids: new Map(scenario.bids.map((b) => [b.id, b])),
    allocations,
  };
}

function bidsByProvider(bids: readonly Bid[]): Map<string, Bid[]> {
  const byProvider = new Map<string, Bid[]>();
  for (const b of bids) {
    const mine = byProvider.get(b.providerId);
    if (mine === undefined) byProvider.set(b.providerId, [b]);
    else mine.push(b);
  }
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
export function holdersOf(facts: AwardFacts, lotId: string): [string, number][] {
  return [...(facts.lotHours.get(lotId) ?? new Map<string, number>())].sort(largestFirst);
}

/**
 * Providers holding a place in a lot (back-ups aside), with their hours there, largest first: a
 * framework member awarded none holds a place it can be called off under, so surge and growth
 * count it as N-1 does (until later on 2026-12-02 they counted only `holdersOf`).
 */
export function placesIn(facts: AwardFacts, lotId: string): [string, number][] {
  const held = facts.lotHours.get(lotId);
  const placed = facts.allocations.filter((a) => a.lotId === lotId && a.role !== 'backup');
  return [...new Set(placed.map((a) => a.providerId))]
    .map((p): [string, number] => [p, held?.get(p) ?? 0])
    .sort(largestFirst);
}

/** How many lots a provider holds a place in (back-ups aside). */
export const lotsPlacedIn = (facts: AwardFacts, providerId: string): number =>
  new Set(
    facts.allocations.filter((a) => a.providerId === providerId && a.role !== 'backup').map((a) => a.lotId),
  ).size;
