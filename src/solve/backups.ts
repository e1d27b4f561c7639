/**
 * Back-up providers for `sole` lots with `backup: true`: a framework of up to
 * two other providers, named in the award with no guaranteed hours, who step
 * in if the sole provider hands back. Chosen after the solve, cheapest
 * eligible bid first (ties by bid id), from providers with spare capacity.
 */
import { candidateBids, isEligible } from '../lots/eligibility.js';
import type { Allocation, Lot, Scenario } from '../model/types.js';

export const backupsPerLot = 2;

export function chooseBackups(scenario: Scenario, lots: readonly Lot[], allocations: readonly Allocation[]): Allocation[] {
  const load = new Map<string, number>();
  for (const a of allocations) load.set(a.providerId, (load.get(a.providerId) ?? 0) + a.hoursPerWeek);
  const spare = new Map(scenario.providers.map((p) => [p.id, p.maxHours - (load.get(p.id) ?? 0)]));
  const backups: Allocation[] = [];
  for (const lot of lots) {
    if (!lot.backup || lot.structure !== 'sole') continue;
    const taken = new Set(allocations.filter((a) => a.lotId === lot.id).map((a) => a.providerId));
    const candidates = candidateBids(lot, scenario.bids)
      .filter((b) => isEligible(b, lot, 'sole', scenario.award) && (spare.get(b.providerId) ?? 0) > 0)
      .sort((a, b) => a.price - b.price || (a.id < b.id ? -1 : 1));
    let named = 0;
    for (const bid of candidates) {
      if (taken.has(bid.providerId) || named >= backupsPerLot) continue;
      taken.add(bid.providerId);
      named++;
      backups.push({ lotId: lot.id, bidId: bid.id, providerId: bid.providerId, role: 'backup', hoursPerWeek: 0, pricePerHour: bid.price, annualCost: 0 });
    }
  }
  return backups;
}
