/**
 * Which bids may fill which lot role (DESIGN.md section 4). Used by the
 * program builder and the scoring; the verifier has its own reading.
 */
import type { AwardRules, Bid, Lot } from '../model/types.js';

export type FilledRole = 'sole' | 'lead' | 'secondary' | 'member';

const allowed: Readonly<Record<FilledRole, readonly Bid['role'][]>> = {
  sole: ['any', 'lead'],
  lead: ['any', 'lead'],
  secondary: ['any', 'secondary'],
  member: ['any', 'lead'],
};

export function roleAllows(bidRole: Bid['role'], role: FilledRole): boolean {
  return allowed[role].includes(bidRole);
}

/** Each bid's coverage as a set, made once per bid (eligibility is asked for every bid × lot × role). */
const coverage = new WeakMap<Bid, ReadonlySet<string>>();

function coveredBy(bid: Bid): ReadonlySet<string> {
  let covered = coverage.get(bid);
  if (covered === undefined) {
    covered = new Set(bid.areaIds);
    coverage.set(bid, covered);
  }
  return covered;
}

function coversAll(bid: Bid, areaIds: readonly string[]): boolean {
  const covered = coveredBy(bid);
  return areaIds.every((a) => covered.has(a));
}

/** Areas of a framework lot with demand that the bid covers. */
export function servedAreas(bid: Bid, lot: Lot): string[] {
  const covered = coveredBy(bid);
  return [...lot.demandByArea.keys()].filter((a) => covered.has(a)).sort();
}

export function isEligible(bid: Bid, lot: Lot, role: FilledRole, rules: AwardRules): boolean {
  if (bid.careType !== lot.careType || bid.quality < rules.minQuality || !roleAllows(bid.role, role)) return false;
  if (lot.rejectedBidIds.includes(bid.id)) return false;
  return role === 'member' ? servedAreas(bid, lot).length > 0 : coversAll(bid, lot.areaIds);
}

/** Bids that could fill any role of the lot, sorted by id. */
export function eligibleBids(lot: Lot, bids: readonly Bid[], rules: AwardRules): Bid[] {
  const roles: FilledRole[] = lot.structure === 'framework' ? ['member'] : lot.roles.map((r) => r.role);
  return bids.filter((b) => roles.some((r) => isEligible(b, lot, r, rules))).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Lowest price among bids eligible for the lot (for MEAT price scores). */
export function lowestPrice(lot: Lot, bids: readonly Bid[], rules: AwardRules): number | null {
  const prices = eligibleBids(lot, bids, rules).map((b) => b.price);
  return prices.length === 0 ? null : Math.min(...prices);
}

/** MEAT score of a bid for a lot: qualityWeight × quality/100 + priceWeight × minPrice/price. */
export function meatScore(bid: Bid, minPrice: number, rules: AwardRules): number {
  return rules.qualityWeight * (bid.quality / 100) + rules.priceWeight * (minPrice / bid.price);
}
