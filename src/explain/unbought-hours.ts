/**
 * Why a framework lot left hours unbought: the rules that stopped each provider outside
 * the lot, with an eligible offer, from taking a place and serving them. A framework's
 * own rules bind here, not only the award's: every place may be taken (`maxProviders`),
 * or a provider may be able to serve less than the share each member must take
 * (`minShare`), so a small bidder cannot take the rest. Without this, a lot with
 * hundreds of hours unmet and a willing bidder outside it read "best bids won".
 */
import { offerAreas } from '../lots/offers.js';
import type { Allocation, Lot, Scenario } from '../model/types.js';
import { stoppedBy, type AwardLoad, type Candidate } from './stopped-by.js';
import type { RuleName } from './types.js';

/** Below this many hours a week a lot counts as fully bought (solver tolerance). */
const served = 1e-6;

/** Hours a week of the lot the award leaves unbought. */
export function unboughtHours(lot: Lot, holders: readonly Allocation[]): number {
  const bought = holders.reduce((t, a) => t + a.hoursPerWeek, 0);
  return lot.demand - bought > served ? lot.demand - bought : 0;
}

/** Hours a week the candidate could serve in the lot: the demand of the areas its offer covers. */
const coverable = (lot: Lot, c: Candidate) =>
  offerAreas({ providerId: c.providerId, bids: c.parts.map((p) => p.bid) }, lot).reduce(
    (t, areaId) => t + (lot.demandByArea.get(areaId) ?? 0),
    0,
  );

/**
 * The rules that stop `c`, a provider with no place in the framework lot, from taking a place
 * and serving some of its unbought hours: the award's rules at any hours first (quality,
 * a full capacity or share cap, the lots cap, a package), then every place taken, then a
 * member's least share, which it could not serve (too little capacity or coverage, or
 * the share cap below it).
 */
export function unboughtStoppedBy(
  scenario: Scenario,
  lot: Lot,
  c: Candidate,
  load: AwardLoad,
  holders: readonly Allocation[],
): RuleName[] {
  const atAll = stoppedBy(scenario, lot, 'member', c, served, load, undefined);
  if (!atAll.includes('elsewhere')) return atAll;
  if (new Set(holders.map((a) => a.providerId)).size >= lot.maxProviders) return ['max-providers'];
  const least = lot.minShare * lot.demand;
  if (least <= 0) return atAll;
  const atLeast = stoppedBy(scenario, lot, 'member', c, least, load, undefined);
  if (coverable(lot, c) >= least - served && atLeast.includes('elsewhere')) return atAll;
  // The share cap is a rule too: relaxing it or minShare lets the provider in. Its capacity is not.
  return ['min-share', ...atLeast.filter((r) => r === 'share-cap')];
}
