/**
 * Facts about an award that several scores share: each provider's hours and
 * spare capacity, who holds which lot, and who backs it up.
 */
import type { Allocation, Provider, Scenario } from '../model/types.js';
import { byKey, largestFirst } from '../model/order.js';

export interface AwardFacts {
  readonly providers: ReadonlyMap<string, Provider>;
  /** Guaranteed hours per provider across all lots (back-ups hold none). */
  readonly hoursByProvider: ReadonlyMap<string, number>;
  /** lotId → providerId → guaranteed hours in that lot. */
  readonly lotHours: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** lotId → named back-up providers, sorted. */
  readonly backups: ReadonlyMap<string, readonly string[]>;
}

const sortedMap = <V>(entries: Iterable<[string, V]>) => new Map([...entries].sort(byKey));

export function awardFacts(scenario: Scenario, allocations: readonly Allocation[]): AwardFacts {
  const hoursByProvider = new Map<string, number>();
  const lotHours = new Map<string, Map<string, number>>();
  const backups = new Map<string, string[]>();
  for (const a of allocations) {
    if (a.role === 'backup') {
      backups.set(a.lotId, [...(backups.get(a.lotId) ?? []), a.providerId].sort());
      continue;
    }
    if (a.hoursPerWeek <= 0) continue;
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
  };
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
