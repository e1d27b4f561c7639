/**
 * Zone viability: can any provider sustain this lot at the prices bid? The
 * best viability any eligible bid would have if it held the lot's largest
 * role (all of a sole or framework lot, the lead share of a lead-secondary
 * lot) up to its capacity, with no other work.
 */
import { eligibleBids } from '../lots/eligibility.js';
import type { Bid, Lot, Provider, Scenario } from '../model/types.js';
import type { ZoneViability } from './award-scores.js';
import { fmtHours } from './components.js';
import { price } from '../model/money.js';
import type { CostFloor } from './cost-floor.js';
import type { ScoringWeights } from './settings.js';
import { awardViability, awardViabilityScore, type AwardTerms } from './viability.js';

/** The hours of the lot's largest role (all its demand when it has no roles), never below 0. */
function largestRoleHours(lot: Lot): number {
  let most = Math.max(0, lot.roles.length === 0 ? lot.demand : 0);
  for (const r of lot.roles) most = Math.max(most, r.share * lot.demand);
  return most;
}

export function zoneViability(
  scenario: Scenario,
  providers: ReadonlyMap<string, Provider>,
  lot: Lot,
  floor: CostFloor,
  s: ScoringWeights,
): ZoneViability {
  const roleHours = largestRoleHours(lot);
  // The reasons are written for the best bid only, once it is known.
  let best: { score: number; bid: Bid; terms: AwardTerms } | null = null;
  for (const bid of eligibleBids(lot, scenario.bids, scenario.award)) {
    const provider = providers.get(bid.providerId);
    if (provider === undefined) continue;
    const hours = Math.min(roleHours, bid.maxHours, provider.maxHours);
    const terms = { provider, lot, hours, price: bid.price, floor, providerHours: hours };
    const score = awardViabilityScore(terms, s);
    if (best === null || score > best.score) best = { score, bid, terms };
  }
  if (best === null)
    return {
      score: 0,
      bidId: null,
      providerId: null,
      reason: 'no eligible bid: nobody can sustain this lot at the prices bid',
      detail: {},
    };
  const { score, bid, terms } = best;
  return {
    score,
    bidId: bid.id,
    providerId: bid.providerId,
    reason: `best: ${bid.id} (${bid.providerId}) at ${price(bid.price, scenario.currency)}/h holding ${fmtHours(terms.hours)} would score ${score.toFixed(1)}`,
    detail: awardViability(terms, s, scenario.currency),
  };
}
