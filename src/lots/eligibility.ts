/**
 * Which bids may fill which lot role (DESIGN.md section 4). Used by the
 * program builder and the scoring; the verifier has its own reading.
 * A bid is judged on its own here; in a lot that carries merged care types a
 * provider needs one such bid per care type (an offer, see offers.ts).
 */
import type { AwardRules, Bid, CareType, Lot, RoleName } from '../model/types.js';
import { filledRoles, hasPlaces, roleAllows, structureOf } from '../structures/index.js';
import { byId } from '../model/order.js';

/** The award rules a bid's eligibility reads. */
export type EligibilityRules = Pick<AwardRules, 'minQuality'>;

/** A place in a lot that a bid fills (the structure says which it has). */
export type FilledRole = RoleName;

export { filledRoles, roleAllows };

/** True when a bid of this role may hold the lot's role, as the lot's structure says. */
function holds(lot: Lot, bidRole: Bid['role'], role: FilledRole): boolean {
  return (structureOf(lot.structure).holders[role] ?? []).includes(bidRole);
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

/** True when the bid covers the area. */
export function covers(bid: Bid, areaId: string): boolean {
  return coveredBy(bid).has(areaId);
}

/** Areas of a lot with demand of the bid's care type that the bid covers, sorted. */
export function servedAreas(bid: Bid, lot: Lot): string[] {
  const covered = coveredBy(bid);
  const areas: string[] = [];
  for (const areaId of lot.careDemand.get(bid.careType)?.keys() ?? [])
    if (covered.has(areaId)) areas.push(areaId);
  return areas.sort();
}

/** True when the bid covers some area of the lot with demand of its care type (`servedAreas` not empty). */
function servesSome(bid: Bid, lot: Lot): boolean {
  const covered = coveredBy(bid);
  for (const areaId of lot.careDemand.get(bid.careType)?.keys() ?? []) if (covered.has(areaId)) return true;
  return false;
}

/** True when the bid's price holds for the lot's structure (no `structures` given: any). */
export function structureAllows(bid: Bid, lot: Lot): boolean {
  return (
    bid.structures === undefined || bid.structures.length === 0 || bid.structures.includes(lot.structure)
  );
}

/**
 * A bid on its own: its care type has demand in the lot, and its quality, role,
 * structures, price (not rejected) and coverage (every area of a sole or
 * lot whose roles are held whole; some area with demand of its care type in a lot of places) allow it.
 */
export function isEligible(bid: Bid, lot: Lot, role: FilledRole, rules: EligibilityRules): boolean {
  if (
    !lot.careDemand.has(bid.careType) ||
    bid.quality < rules.minQuality ||
    !holds(lot, bid.role, role) ||
    !structureAllows(bid, lot)
  )
    return false;
  if (lot.rejectedBidIds.includes(bid.id)) return false;
  return hasPlaces(lot) ? servesSome(bid, lot) : coversAll(bid, lot.areaIds);
}

interface CandidateIndex {
  /** careType → areaId → bids covering that area, in the array's order (nested, not a key string per pair: 35,000 areas × bids made seconds of strings) */
  readonly byArea: ReadonlyMap<CareType, ReadonlyMap<string, readonly Bid[]>>;
  /** Each bid's place in the array, to merge several areas' lists back into that order. */
  readonly position: ReadonlyMap<Bid, number>;
}

/** One index per bids array: eligibility is asked for every lot, and a county has thousands of bids. */
const indexes = new WeakMap<readonly Bid[], CandidateIndex>();

function indexOf(bids: readonly Bid[]): CandidateIndex {
  let index = indexes.get(bids);
  if (index === undefined) {
    const byArea = new Map<CareType, Map<string, Bid[]>>();
    for (const bid of bids) {
      const ofType = byArea.get(bid.careType) ?? new Map<string, Bid[]>();
      byArea.set(bid.careType, ofType);
      for (const areaId of bid.areaIds) {
        const list = ofType.get(areaId);
        if (list === undefined) ofType.set(areaId, [bid]);
        else if (list.at(-1) !== bid) list.push(bid); // an area listed twice by one bid: once is enough
      }
    }
    const position = new Map<Bid, number>();
    bids.forEach((bid, i) => {
      position.set(bid, i);
    });
    index = { byArea, position };
    indexes.set(bids, index);
  }
  return index;
}

/**
 * Bids of one care type (by default the lot's own) that may be eligible for a
 * lot, in the order of `bids`: covering the lot's first area (a framework: any
 * of its areas with demand). Every eligible bid is among them; test each with isEligible.
 */
export function candidateBids(lot: Lot, bids: readonly Bid[], careType: CareType = lot.careType): Bid[] {
  const { byArea, position } = indexOf(bids);
  const ofType = byArea.get(careType);
  // Each area's list is in the order of `bids`, without repeats: one area needs no merging.
  if (!hasPlaces(lot)) {
    const first = lot.areaIds[0];
    return first === undefined ? [] : [...(ofType?.get(first) ?? [])];
  }
  const found = new Set([...lot.demandByArea.keys()].flatMap((a) => ofType?.get(a) ?? []));
  return [...found].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
}

/** Answers about lots, remembered by lot, bids array and what else the answer depends on. */
export type LotAnswers<T> = WeakMap<Lot, WeakMap<readonly Bid[], Map<string, T>>>;

/**
 * The answer about a lot and its bids, made once: a run asks about the same
 * lot many times (program, back-ups, scores, warnings), and a batch worker's
 * neighbouring variants share lots (lots/tender-lots-memo.ts). Lots, bids and
 * their arrays are read-only values, so an answer stays true; `key` carries
 * everything else it depends on.
 */
export function remembered<T>(
  answers: LotAnswers<T>,
  lot: Lot,
  bids: readonly Bid[],
  key: string,
  make: () => T,
): T {
  let byBids = answers.get(lot);
  if (byBids === undefined) {
    byBids = new WeakMap();
    answers.set(lot, byBids);
  }
  let byKey = byBids.get(bids);
  if (byKey === undefined) {
    byKey = new Map();
    byBids.set(bids, byKey);
  }
  let answer = byKey.get(key);
  if (answer === undefined) {
    answer = make();
    byKey.set(key, answer);
  }
  return answer;
}

const eligibleBidAnswers: LotAnswers<readonly Bid[]> = new WeakMap();

/** Bids of the lot's own care type that could fill any role of the lot on their own, sorted by id. */
export function eligibleBids(lot: Lot, bids: readonly Bid[], rules: EligibilityRules): readonly Bid[] {
  return eligibleBidsOf(lot, bids, rules, 'own');
}

/** Bids of every care type the lot carries that could fill any of its roles on their own, sorted by id. */
export function eligiblePartBids(lot: Lot, bids: readonly Bid[], rules: EligibilityRules): readonly Bid[] {
  return eligibleBidsOf(lot, bids, rules, 'all');
}

function eligibleBidsOf(
  lot: Lot,
  bids: readonly Bid[],
  rules: EligibilityRules,
  which: 'own' | 'all',
): readonly Bid[] {
  return remembered(eligibleBidAnswers, lot, bids, `${which}\0${rules.minQuality}`, () => {
    const roles = filledRoles(lot);
    const types = which === 'own' ? [lot.careType] : [...lot.careDemand.keys()];
    return types
      .flatMap((t) => candidateBids(lot, bids, t))
      .filter((b) => roles.some((r) => isEligible(b, lot, r, rules)))
      .sort(byId);
  });
}
