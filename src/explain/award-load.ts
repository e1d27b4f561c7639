/**
 * The award as it stands, summed for the "why not" of each role: hours and
 * lots per provider, hours per bid, and the providers that count as winners.
 */
import { leastHoursOfAWinner, type Allocation, type Lot } from '../model/types.js';

export interface AwardLoad {
  readonly providerHours: ReadonlyMap<string, number>;
  readonly bidHours: ReadonlyMap<string, number>;
  readonly providerLots: ReadonlyMap<string, ReadonlySet<string>>;
  /** Providers that count towards award.minDistinctProviders: those awarded hours, as the award model counts them. */
  readonly winners: ReadonlySet<string>;
  readonly totalDemand: number;
}

function add<K>(map: Map<K, number>, key: K, x: number): void {
  map.set(key, (map.get(key) ?? 0) + x);
}

export function awardLoad(lots: readonly Lot[], allocations: readonly Allocation[]): AwardLoad {
  const providerHours = new Map<string, number>();
  const bidHours = new Map<string, number>();
  const providerLots = new Map<string, Set<string>>();
  for (const a of allocations) {
    if (a.role === 'backup') continue;
    add(providerHours, a.providerId, a.hoursPerWeek);
    for (const part of a.parts ?? [{ bidId: a.bidId, hoursPerWeek: a.hoursPerWeek }])
      add(bidHours, part.bidId, part.hoursPerWeek);
    providerLots.set(a.providerId, new Set([...(providerLots.get(a.providerId) ?? []), a.lotId]));
  }
  return {
    providerHours,
    bidHours,
    providerLots,
    winners: new Set([...providerHours].filter(([, h]) => h >= leastHoursOfAWinner - 1e-6).map(([p]) => p)),
    totalDemand: lots.reduce((t, l) => t + l.demand, 0),
  };
}
