/**
 * Why a bid that beats the winner on the objective did not win a lot role:
 * the award rules it would break if it took the role on top of what its
 * provider already won. No rule found means the optimum needed that bid's
 * capacity (or its package) more in other lots. A cap is not named beside the
 * provider's capacity or its other role in the lot, which stop the bid however
 * the cap is set.
 */
import { isEligible, type FilledRole } from '../lots/eligibility.js';
import type { OfferPart } from '../lots/offers.js';
import { leastHoursOfAWinner, type Allocation, type Lot, type Scenario } from '../model/types.js';
import type { RuleName } from './types.js';

/** A way to fill a role: one bid, or (merged care types) one per care type, priced and scored hours-weighted. */
export interface Candidate {
  /** The first bid's id. */
  readonly id: string;
  readonly providerId: string;
  readonly price: number;
  readonly quality: number;
  readonly parts: readonly OfferPart[];
}

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

const ruleText: Readonly<Record<RuleName, string>> = {
  capacity: 'not enough capacity left',
  'share-cap': 'would pass the share cap',
  'lots-cap': 'would pass the lots cap',
  package: 'its package is all-or-nothing',
  'one-provider-per-lot': 'its provider already holds the other role',
  'min-providers': 'the winner is needed to keep the minimum number of providers',
  'quality-threshold': 'quality below the minimum',
  'max-providers': 'every place of the framework is taken (its maxProviders)',
  'min-share': 'could serve less than the share each framework member must take (its minShare)',
  'unmet-penalty': 'costs more an hour than leaving the hours unmet (award.unmetPenaltyPerHour)',
  elsewhere: 'its capacity serves other lots better in the optimum',
};

export const ruleReason = (rules: readonly RuleName[]) => rules.map((r) => ruleText[r]).join('; ');

/** The rules that stop `bid` (an offer) taking `hours` in a role of `lot` now held by `winner`. */
export function stoppedBy(
  scenario: Scenario,
  lot: Lot,
  role: FilledRole,
  bid: Candidate,
  hours: number,
  load: AwardLoad,
  winner: Allocation | undefined,
): RuleName[] {
  const rules = scenario.award;
  if (!bid.parts.every((p) => isEligible(p.bid, lot, role, rules))) return ['quality-threshold'];
  const bidFull = bid.parts.some(
    (p) => (load.bidHours.get(p.bid.id) ?? 0) + p.fraction * hours > p.bid.maxHours + 1e-6,
  );
  const provider = scenario.providers.find((p) => p.id === bid.providerId);
  const held = load.providerHours.get(bid.providerId) ?? 0;
  const full = bidFull || (provider !== undefined && held + hours > provider.maxHours + 1e-6);
  // On cost the award leaves an hour unmet rather than buy it dearer than the penalty. Where the role was
  // bought all the same, a rule made it; where the bid's or its provider's hours are spent, they stop it
  // whatever the penalty (review14b), and are named below.
  if (
    winner === undefined &&
    !full &&
    rules.objective === 'cost' &&
    bid.price > rules.unmetPenaltyPerHour + 1e-9
  )
    return ['unmet-penalty'];
  const inPackage = bid.parts.some((p) => p.bid.packageId !== null);
  // The winner's own other bid: the provider's hours, lots and share stay as they are; only the bid's own can stop it.
  if (winner !== undefined && bid.providerId === winner.providerId) {
    const own: RuleName[] = [
      ...(bidFull ? (['capacity'] as const) : []),
      ...(inPackage ? (['package'] as const) : []),
    ];
    return own.length === 0 ? ['elsewhere'] : own;
  }
  const lotsHeld = load.providerLots.get(bid.providerId) ?? new Set<string>();
  const found: RuleName[] = [];
  if (lotsHeld.has(lot.id)) found.push('one-provider-per-lot');
  if (full) found.push('capacity');
  if (held + hours > rules.maxShareOfTotalHours * load.totalDemand + 1e-6) found.push('share-cap');
  if (rules.maxLotsPerProvider !== null && !lotsHeld.has(lot.id) && lotsHeld.size >= rules.maxLotsPerProvider)
    found.push('lots-cap');
  if (inPackage) found.push('package');
  const winnerLots = winner === undefined ? 0 : (load.providerLots.get(winner.providerId)?.size ?? 0);
  // Swapping a one-lot winner for a provider that already wins elsewhere loses a distinct provider.
  if (
    rules.minDistinctProviders > 0 &&
    load.winners.size <= rules.minDistinctProviders &&
    winnerLots === 1 &&
    load.winners.has(bid.providerId)
  )
    found.push('min-providers');
  if (found.length === 0) return ['elsewhere'];
  // The provider's own capacity, or its holding the lot's other role, stops the bid however a cap is set:
  // relaxing the cap changes nothing, as the rule costs show, so a cap is named only where neither does.
  return found.some((r) => stopsWhateverTheCaps.has(r)) ? found.filter((r) => !caps.has(r)) : found;
}

/** Caps on how much a provider may win, and what makes them moot. */
const caps: ReadonlySet<RuleName> = new Set(['share-cap', 'lots-cap', 'min-providers']);
const stopsWhateverTheCaps: ReadonlySet<RuleName> = new Set(['capacity', 'one-provider-per-lot']);
