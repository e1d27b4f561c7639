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
import type { Allocation, Lot, Scenario } from '../model/types.js';
import type { AwardLoad } from './award-load.js';
import type { RuleName } from './types.js';

export { awardLoad, type AwardLoad } from './award-load.js';

/** A way to fill a role: one bid, or (merged care types) one per care type, priced and scored hours-weighted. */
export interface Candidate {
  /** The first bid's id. */
  readonly id: string;
  readonly providerId: string;
  readonly price: number;
  readonly quality: number;
  readonly parts: readonly OfferPart[];
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

/** A bid trying for a role of a lot: the hours it would take, the award as it stands and the role's winner. */
interface Attempt {
  readonly lot: Lot;
  readonly bid: Candidate;
  readonly hours: number;
  readonly load: AwardLoad;
  readonly winner: Allocation | undefined;
}

/** The bid's taking the hours, beside its own and its provider's capacity. */
interface CapacityUse {
  /** The bid's own hours would pass its maxHours. */
  readonly bidFull: boolean;
  /** The bid's or its provider's hours would pass their maximum. */
  readonly full: boolean;
  /** The hours its provider holds already. */
  readonly held: number;
}

function capacityUse(scenario: Scenario, { bid, hours, load }: Attempt): CapacityUse {
  const bidFull = bid.parts.some(
    (p) => (load.bidHours.get(p.bid.id) ?? 0) + p.fraction * hours > p.bid.maxHours + 1e-6,
  );
  const provider = scenario.providers.find((p) => p.id === bid.providerId);
  const held = load.providerHours.get(bid.providerId) ?? 0;
  const full = bidFull || (provider !== undefined && held + hours > provider.maxHours + 1e-6);
  return { bidFull, full, held };
}

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
  const attempt: Attempt = { lot, bid, hours, load, winner };
  const use = capacityUse(scenario, attempt);
  // On cost the award leaves an hour unmet rather than buy it dearer than the penalty. Where the role was
  // bought all the same, a rule made it; where the bid's or its provider's hours are spent, they stop it
  // whatever the penalty (review14b), and are named below.
  if (
    winner === undefined &&
    !use.full &&
    rules.objective === 'cost' &&
    bid.price > rules.unmetPenaltyPerHour + 1e-9
  )
    return ['unmet-penalty'];
  const inPackage = bid.parts.some((p) => p.bid.packageId !== null);
  // The winner's own other bid: the provider's hours, lots and share stay as they are; only the bid's own can stop it.
  if (winner !== undefined && bid.providerId === winner.providerId) return ownBidRules(use, inPackage);
  const found = providerRules(rules, attempt, use, inPackage);
  if (found.length === 0) return ['elsewhere'];
  // The provider's own capacity, or its holding the lot's other role, stops the bid however a cap is set:
  // relaxing the cap changes nothing, as the rule costs show, so a cap is named only where neither does.
  return found.some((r) => stopsWhateverTheCaps.has(r)) ? found.filter((r) => !caps.has(r)) : found;
}

/** The rules that stop the winner's own other bid: its own capacity and its package. */
function ownBidRules({ bidFull }: CapacityUse, inPackage: boolean): RuleName[] {
  const own: RuleName[] = [
    ...(bidFull ? (['capacity'] as const) : []),
    ...(inPackage ? (['package'] as const) : []),
  ];
  return own.length === 0 ? ['elsewhere'] : own;
}

/** The rules another provider's bid would break, taking the role on top of what the provider already won. */
function providerRules(
  rules: Scenario['award'],
  { lot, bid, hours, load, winner }: Attempt,
  { full, held }: CapacityUse,
  inPackage: boolean,
): RuleName[] {
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
  return found;
}

/** Caps on how much a provider may win, and what makes them moot. */
const caps: ReadonlySet<RuleName> = new Set(['share-cap', 'lots-cap', 'min-providers']);

/**
 * The caps among the rules that stop one bid, sorted, when two or more do: each alone keeps the
 * bid out, so relaxing one of them alone lets it in no more than before (empty otherwise).
 */
export function capsTogether(rules: readonly RuleName[]): RuleName[] {
  const found = rules.filter((r) => caps.has(r)).sort();
  return found.length > 1 ? found : [];
}
const stopsWhateverTheCaps: ReadonlySet<RuleName> = new Set(['capacity', 'one-provider-per-lot']);
