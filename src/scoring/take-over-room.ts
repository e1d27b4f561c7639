/**
 * What a provider could take over in a lot: the one rule every cover by a stand-in (a named
 * back-up, another framework member, another winner) counts by, in supply, N-1, surge and
 * growth. A provider takes on work only under a bid it made, so its spare capacity counts
 * only as far as its bids for the lot's work have room left.
 */
import type { Allocation, Bid, CareType, Lot, Scenario } from '../model/types.js';
import { servedAreas, structureAllows } from '../lots/eligibility.js';
import { hasPlaces } from '../structures/index.js';
import { bidsWonUnder } from './member-cover.js';
import { ascending } from '../model/order.js';
import { awardFacts, lotsPlacedIn, spareOf, type AwardFacts } from './award-facts.js';

/** What a provider could take over in a lot, and the two limits it is the least of. */
export interface Room {
  readonly providerId: string;
  /** Its capacity less all its awarded hours. */
  readonly spare: number;
  /** The hours its bids for the lot's work could still serve (each bid's max less what it holds under it). */
  readonly bidRoom: number;
  /** The max hours of the bids counted in `bidRoom` (none: no bid of its could serve the lot's work). */
  readonly caps: readonly number[];
  /** Whether a bid counted covers only part of the lot's work, whose hours there, not the bid's, limit its room. */
  readonly partial: boolean;
  /** The least of `spare` and `bidRoom`. */
  readonly hours: number;
}

/**
 * The areas of a lot whose work a bid could serve, in text order: none unless its care type,
 * structure and price allow it there. A set, as bid groups ask which areas they share; a
 * group of one bid in one lot keeps it, unchanged (join makes a new one to merge groups).
 */
function areasServed(bid: Bid, lot: Lot): ReadonlySet<string> {
  // Worked out once per lot and bid: every stand-in's room in every lot, and each hand-back, asks again.
  const byBid = servedIn.get(lot) ?? new WeakMap<Bid, ReadonlySet<string>>();
  servedIn.set(lot, byBid);
  const seen = byBid.get(bid);
  if (seen !== undefined) return seen;
  const areas =
    lot.careDemand.has(bid.careType) && structureAllows(bid, lot) && !lot.rejectedBidIds.includes(bid.id)
      ? new Set(servedAreas(bid, lot))
      : noAreas;
  byBid.set(bid, areas);
  return areas;
}

/** Areas served already worked out, by lot and bid. */
const servedIn = new WeakMap<Lot, WeakMap<Bid, ReadonlySet<string>>>();

const noAreas: ReadonlySet<string> = new Set();

/**
 * The room left in a bid for the lots' work it could serve (its areas in each lot, as
 * `areasServed` gives them): its max hours less what it holds under it across all the lots it
 * wins, up to the lots' design hours a week in that work when that is only part of theirs;
 * and whether that part of theirs is less than what the bid has left.
 */
function bidRoom(facts: AwardFacts, bid: Bid, lots: readonly Lot[]): { room: number; partial: boolean } {
  const left = Math.max(0, bid.maxHours - (facts.heldByBid.get(bid.id) ?? 0));
  let hours = 0;
  let partial = false;
  for (let i = 0; i < lots.length; i++) {
    const lot = lots[i] as Lot;
    const demand = lot.careDemand.get(bid.careType);
    const areas = areasServed(bid, lot);
    let inLot = 0;
    for (const a of areas) inLot += demand?.get(a) ?? 0;
    hours += inLot;
    partial ||= lot.careDemand.size > 1 || areas.size < (demand?.size ?? 0);
  }
  return partial ? { room: Math.min(left, hours), partial: hours < left } : { room: left, partial: false };
}

/**
 * The room left in `providerId`'s bids for the lots' work (one lot, or every lot a back-up
 * backs up): each bid's max hours less what it holds under it across all the lots it wins,
 * up to the lots' hours in the work it covers (a bid for part of them takes on only the work
 * there). Bids that could serve the same work (an area and care type in
 * common) are alternatives, so the most of them counts, not their sum; bids for different
 * work of the lot (different areas, or a merged lot's care types) add up.
 */
export function bidGroupsIn(
  facts: AwardFacts,
  lots: readonly Lot[],
  providerId: string,
): readonly BidGroup[] {
  // Worked out once per award, provider and lots: roomIn and each failing provider's hand-back ask again.
  const byKey = knownGroups.get(facts) ?? new Map<string, readonly BidGroup[]>();
  knownGroups.set(facts, byKey);
  let key = providerId;
  for (let i = 0; i < lots.length; i++) key += ` ${(lots[i] as Lot).id}`;
  const seen = byKey.get(key);
  if (seen !== undefined) return seen;
  const groups = groupBids(facts, lots, providerId);
  byKey.set(key, groups);
  return groups;
}

/** Groups already worked out, per award, by provider and lots. */
const knownGroups = new WeakMap<AwardFacts, Map<string, readonly BidGroup[]>>();

function groupBids(facts: AwardFacts, lots: readonly Lot[], providerId: string): BidGroup[] {
  const groups: Group[] = [];
  const bids = facts.bidsByProvider.get(providerId) ?? [];
  for (let b = 0; b < bids.length; b++) {
    const bid = bids[b] as Bid;
    if (servesAny(bid, lots)) join(groups, bidGroup(facts, bid, lots));
  }
  return groups;
}

/**
 * A bid's own group: the lots' work it could serve (its areas in each lot, worked out once per
 * lot and bid: a batch asks this of every stand-in in every lot, and a group in one lot keeps
 * them as they are), the lots that work lies in, and its room there.
 */
function bidGroup(facts: AwardFacts, bid: Bid, lots: readonly Lot[]): Group {
  let areas = noAreas;
  // Started as a literal of one, its size: a list pushed to from empty is made room for 17.
  let lotIds: string[] | null = null;
  for (let i = 0; i < lots.length; i++) {
    const lot = lots[i] as Lot;
    const served = areasServed(bid, lot);
    if (served.size === 0) continue;
    if (lotIds === null) lotIds = [lot.id];
    else lotIds.push(lot.id);
    areas = unionOf(areas, served);
  }
  const { room, partial } = bidRoom(facts, bid, lots);
  return { careType: bid.careType, areas, lotIds: lotIds ?? [], best: bid, room, partial };
}

/**
 * The areas in either set: one of them when it holds all the other's (a provider's bids for the
 * same work mostly cover the same areas), else a new set. Sets are never changed once made.
 */
function unionOf(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  if (holdsAll(a, b)) return a;
  if (holdsAll(b, a)) return b;
  const both = new Set(a);
  for (const x of b) both.add(x);
  return both;
}

function holdsAll(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size < b.size) return false;
  for (const x of b) if (!a.has(x)) return false;
  return true;
}

/**
 * Adds a bid's own group to `groups`, merged with each group whose work it overlaps (their
 * areas and lots, and the best bid of them), which is dropped; the others keep their order.
 * Merged in place, not filtered and copied, and a group's areas copied only where the merged
 * ones are new (unionOf): a variant builds a few thousand groups (bidGroup and join were 101 kB
 * a variant so).
 */
function join(groups: Group[], own: Group): void {
  let kept = 0;
  let areas = own.areas;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as Group;
    if (g.careType !== own.careType || !overlaps(own.areas, g.areas)) {
      groups[kept++] = g;
      continue;
    }
    areas = unionOf(areas, g.areas);
    for (const id of g.lotIds) if (!own.lotIds.includes(id)) own.lotIds.push(id);
    if (g.room > own.room) {
      own.best = g.best;
      own.room = g.room;
      own.partial = g.partial;
    }
  }
  own.areas = areas;
  groups.length = kept;
  groups.push(own);
}

/** Whether a bid could serve any of the lots' work (most of a provider's bids are for other lots). */
function servesAny(bid: Bid, lots: readonly Lot[]): boolean {
  for (let i = 0; i < lots.length; i++) if (areasServed(bid, lots[i] as Lot).size > 0) return true;
  return false;
}

/** A group as it is built: its areas and lots grow, and its best bid may change, as bids for the same work join it. */
interface Group extends BidGroup {
  areas: ReadonlySet<string>;
  readonly lotIds: string[];
  best: Bid;
  room: number;
  partial: boolean;
}

const overlaps = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  for (const w of a) if (b.has(w)) return true;
  return false;
};

/**
 * Bids of a provider that could serve the same work (an area in common, in the one care type
 * they are all for), the most room among them counting for all.
 */
export interface BidGroup {
  /** The care type of the lots' work its bids could serve: bids for the same work are all of it. */
  readonly careType: CareType;
  /** The areas of the lots' work its bids could serve. */
  readonly areas: ReadonlySet<string>;
  /** The lots that work lies in. */
  readonly lotIds: readonly string[];
  /** The bid with the most room. */
  readonly best: Bid;
  /** Its room, up to the lots' hours in the work it covers. */
  readonly room: number;
  /** Whether it covers only part of the lots' work. */
  readonly partial: boolean;
}

/** The room left in a provider's bids for some work: each group's, added up. */
const roomOf = (groups: readonly BidGroup[]) => groups.reduce((t, g) => t + g.room, 0);

function bidRoomIn(
  facts: AwardFacts,
  lots: readonly Lot[],
  providerId: string,
): Pick<Room, 'bidRoom' | 'caps' | 'partial'> {
  const groups = bidGroupsIn(facts, lots, providerId);
  return {
    bidRoom: roomOf(groups),
    caps: groups.map((g) => g.best.maxHours).sort(ascending),
    partial: groups.some((g) => g.partial),
  };
}

/**
 * What `providerId` could take over in `lots`: the least of its spare capacity and the room left
 * in its bids there (their groups worked out once per award, provider and lots: bidGroupsIn).
 */
export function roomIn(facts: AwardFacts, lots: readonly Lot[], providerId: string): Room {
  const spare = spareOf(facts, providerId);
  const bids = bidRoomIn(facts, lots, providerId);
  return { providerId, spare, ...bids, hours: Math.min(spare, bids.bidRoom) };
}

/**
 * What a provider could take over in a lot after the award `allocations` (back-ups named or
 * not), for naming back-ups (solve/backups.ts): its room in that lot alone, before the risk
 * score holds its spare against the failed provider's hours in the other lots it backs up
 * (handback-shares.ts).
 */
export function backupRoom(
  scenario: Scenario,
  allocations: readonly Allocation[],
  lots: readonly Lot[],
): (lot: Lot, providerId: string) => number {
  // Worked out on the first question only: most tenders name no back-ups, and a batch runs this once a variant.
  let facts: AwardFacts | undefined;
  return (lot, providerId) => {
    facts ??= awardFacts(scenario, allocations, lots);
    return roomIn(facts, [lot], providerId).hours;
  };
}

/**
 * What a lot's winner holding `hours` there could take on of extra hours: its spare shared
 * across its lots in proportion to its hours there (extra hours come to every lot at once),
 * and, for a framework member holding no hours in any lot, shared evenly over the lots it
 * holds a place in; up to the room left in its bids for the lot's work (a framework
 * member's: in the bids that won its places, placeRoom). Until later on 2026-12-02 the share
 * of its spare alone.
 */
export function winnerRoom(facts: AwardFacts, lot: Lot, providerId: string, hours: number) {
  const total = facts.hoursByProvider.get(providerId) ?? 0;
  const share = total > 0 ? hours / total : 1 / Math.max(1, lotsPlacedIn(facts, providerId));
  const spare = spareOf(facts, providerId) * share;
  const bidRoom = hasPlaces(lot)
    ? placeRoom(facts, [lot], placeBids(facts, lot.id, providerId))
    : roomOf(bidGroupsIn(facts, [lot], providerId));
  return { spare, hours: Math.min(spare, bidRoom) };
}

/** The bids a provider's places in a lot (back-up roles aside) were won under, each once, by id. */
const placeBids = (facts: AwardFacts, lotId: string, providerId: string): Bid[] =>
  bidsWonUnder(
    (facts.placesOf.get(providerId) ?? []).filter((a) => a.lotId === lotId && a.role !== 'backup'),
    facts.bids,
  );

/**
 * The room left in the bids that won a framework member its places in `lots` (one lot, or
 * every lot a stand-in's places under the same bids are in): each bid's max hours less what it
 * holds across all lots, a bid for part of the lots' work up to their hours there (as
 * `bidRoomIn` counts a bid across lots). A member is called off under its place's bid, for
 * the areas that place covers (member-cover.ts), so its other bids for the lot, which won no
 * place, give it no room; until later on 2026-12-02 they did, in supply, N-1, surge and growth,
 * and a bid's room over several lots was capped at the first lot's hours there.
 */
export const placeRoom = (facts: AwardFacts, lots: readonly Lot[], bids: readonly Bid[]): number =>
  bids.reduce((t, b) => t + bidRoom(facts, b, lots).room, 0);
