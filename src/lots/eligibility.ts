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

interface CandidateIndex {
  /** careType|areaId → bids covering that area, in the array's order */
  readonly byArea: ReadonlyMap<string, readonly Bid[]>;
  readonly position: ReadonlyMap<Bid, number>;
}

/** One index per bids array: eligibility is asked for every lot, and a county has thousands of bids. */
const indexes = new WeakMap<readonly Bid[], CandidateIndex>();

function indexOf(bids: readonly Bid[]): CandidateIndex {
  let index = indexes.get(bids);
  if (index === undefined) {
    const byArea = new Map<string, Bid[]>();
    for (const bid of bids) {
      for (const areaId of bid.areaIds) {
        const key = `${bid.careType}|${areaId}`;
        const list = byArea.get(key);
        if (list === undefined) byArea.set(key, [bid]);
        else list.push(bid);
      }
    }
    index = { byArea, position: new Map(bids.map((b, i) => [b, i])) };
    indexes.set(bids, index);
  }
  return index;
}

/**
 * Bids that may be eligible for a lot, in the order of `bids`: same care type
 * and covering the lot's first area (a framework: any of its areas with demand).
 * Every eligible bid is among them; test each with isEligible.
 */
export function candidateBids(lot: Lot, bids: readonly Bid[]): Bid[] {
  const { byArea, position } = indexOf(bids);
  const areas = lot.structure === 'framework' ? [...lot.demandByArea.keys()] : lot.areaIds.slice(0, 1);
  const found = new Set(areas.flatMap((a) => byArea.get(`${lot.careType}|${a}`) ?? []));
  return [...found].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
}

/** Bids that could fill any role of the lot, sorted by id. */
export function eligibleBids(lot: Lot, bids: readonly Bid[], rules: AwardRules): Bid[] {
  const roles: FilledRole[] = lot.structure === 'framework' ? ['member'] : lot.roles.map((r) => r.role);
  return candidateBids(lot, bids).filter((b) => roles.some((r) => isEligible(b, lot, r, rules))).sort((a, b) => (a.id < b.id ? -1 : 1));
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
