/**
 * What each stand-in could take over if one provider failed, across all the lots and areas
 * that provider holds at once: its failure hands them all back together, so a stand-in's one
 * spare (and each bid's room) is held against all of them, whatever role it stands in by: a
 * named back-up or another winner takes on the whole lot under its bids for the lot's work
 * (take-over-room.ts), a framework member the areas its place covers under that place's bid.
 * Until later on 2026-12-02 each role, and each framework lot, counted the spare in full: a
 * back-up of one lot that was a member covering the same lead in another was credited twice.
 */
import type { Allocation, Bid, CareType, Lot } from '../model/types.js';
import { coverableNeeds, type StandIn } from './handback-cover.js';
import { bidsWonUnder, placeCovers } from './member-cover.js';
import { spareOf, type AwardFacts } from './award-facts.js';
import { bidGroupsIn, placeRoom, type BidGroup } from './take-over-room.js';
import { splitHandback } from './handback-split.js';
import { ascending } from '../model/order.js';

/** What a stand-in could take over of a failed provider's hours in one lot. */
export interface HandbackShare {
  readonly providerId: string;
  /** The provider that failed. */
  readonly lead: string;
  /** Its capacity less all its awarded hours. */
  readonly spare: number;
  /** The max hours of the bids it would take over under here (none: no bid of its could serve the work). */
  readonly caps: readonly number[];
  /** Whether a bid counted covers only part of the lot's work. */
  readonly partial: boolean;
  /** The lead's hours here it would stand in for: the whole lot's, or in a framework those in the areas its place covers. */
  readonly leadHours: number;
  /** What it could take over of them had it nothing else of the lead's to take over: the least of its spare and its bids' room. */
  readonly alone: number;
  /** What it could take over of them: its spare and bids' room spread over all the lead's hours it faces in every lot. */
  readonly hours: number;
  /**
   * What stops it taking over more here, held against the lead's hours in other lots too:
   * its spare, or the room left in these bids, and the lead's hours it is held against
   * (none: it takes over all it could here alone).
   */
  readonly heldBy: SharedLimit;
}

/** A stand-in's spare, or the bids (id and room left) whose room runs out, and the lead's hours it is held against; or nothing shared. */
type SharedLimit = {
  readonly by: 'spare' | readonly { readonly id: string; readonly room: number }[];
  readonly against: number;
} | null;

/**
 * A failed provider's hours of one care type to hand over, in a lot held whole or one area
 * of a framework lot: a merged lot's care types are served under different bids.
 */
interface Need {
  readonly key: string;
  readonly lotId: string;
  readonly areaId: string | null;
  readonly careType: CareType;
  readonly hours: number;
}

/** The way a stand-in takes over: under one bid, up to its room, for the needs it reaches. */
interface Route extends StandIn {
  readonly bid: Bid;
  readonly partial: boolean;
  readonly reach: ReadonlySet<string>;
}

/** A framework member's hours by area in a lot (null for roles that hold the whole lot, or none held). */
export function areaHoursOf(
  allocations: readonly Allocation[],
  lotId: string,
  providerId: string,
): ReadonlyMap<string, number> | null {
  const mine = allocations.filter(
    (a) => a.lotId === lotId && a.providerId === providerId && a.role !== 'backup',
  );
  if (mine.length === 0 || mine.some((a) => a.areaHours === undefined)) return null;
  const byArea = new Map<string, number>();
  for (const a of mine)
    for (const [areaId, h] of Object.entries(a.areaHours ?? {}))
      byArea.set(areaId, (byArea.get(areaId) ?? 0) + h);
  return byArea;
}

/** A place's hours by care type: its parts, or all under its one bid's. */
function careHoursOf(place: Allocation, bids: ReadonlyMap<string, Bid>): Map<CareType, number> {
  const parts = place.parts ?? [
    { careType: bids.get(place.bidId)?.careType ?? 'standard', hoursPerWeek: place.hoursPerWeek },
  ];
  const byType = new Map<CareType, number>();
  for (const p of parts) byType.set(p.careType, (byType.get(p.careType) ?? 0) + p.hoursPerWeek);
  return byType;
}

/**
 * A framework place's hours by area and care type: the award records them by area
 * (`areaHours`) and by care type (`byType`), not both, so the table is fitted to both sets of
 * totals, starting from the lot's demand of each care type in each area (rows and columns scaled
 * in turn: iterative proportional fitting). Until review17c each area was split by its own demand
 * mix alone, which kept the areas' totals but not the care types': a place of 110 h standard and
 * 110 h complex read as 97.8 and 122.2, and a stand-in able to take it all was credited 208 of 220.
 */
function placeCareHours(
  lot: Lot,
  areaHours: Readonly<Record<string, number>>,
  byType: ReadonlyMap<CareType, number>,
): [areaId: string, careType: CareType, hours: number][] {
  const areas = Object.entries(areaHours).filter(([, h]) => h > 0);
  const types = [...byType].filter(([, h]) => h > 0);
  if (types.length <= 1) {
    const only: CareType = types[0]?.[0] ?? [...byType.keys()][0] ?? 'standard';
    return areas.map(([areaId, h]): [string, CareType, number] => [areaId, only, h]);
  }
  // Each cell starts at the area's demand of the care type (a little of every type, so no row or column is stuck at 0).
  const cell = areas.map(([areaId]) =>
    types.map(([careType]) => (lot.careDemand.get(careType)?.get(areaId) ?? 0) + 1e-6),
  );
  for (let round = 0; round < 50; round++) {
    for (const [i, [, h]] of areas.entries()) {
      const row = cell[i] ?? [];
      const sum = row.reduce((t, x) => t + x, 0);
      for (const j of row.keys()) row[j] = ((row[j] ?? 0) * h) / sum;
    }
    for (const [j, [, h]] of types.entries()) {
      const sum = cell.reduce((t, row) => t + (row[j] ?? 0), 0);
      for (const row of cell) row[j] = ((row[j] ?? 0) * h) / sum;
    }
  }
  return areas.flatMap(([areaId], i) =>
    types.map(([careType], j) => [areaId, careType, cell[i]?.[j] ?? 0] as [string, CareType, number]),
  );
}

function needsOf(facts: AwardFacts, lead: string): Need[] {
  const hours = new Map<string, Need>();
  const add = (lotId: string, areaId: string | null, careType: CareType, h: number) => {
    if (h <= 0) return;
    const key = `${lotId} ${areaId ?? ''} ${careType}`;
    const had = hours.get(key)?.hours ?? 0;
    hours.set(key, { key, lotId, areaId, careType, hours: had + h });
  };
  for (const place of facts.allocations) {
    const lot = facts.lots.get(place.lotId);
    if (place.providerId !== lead || place.role === 'backup' || lot === undefined) continue;
    const byType = careHoursOf(place, facts.bids);
    if (place.areaHours === undefined) for (const [careType, h] of byType) add(lot.id, null, careType, h);
    else
      for (const [areaId, careType, part] of placeCareHours(lot, place.areaHours, byType))
        add(lot.id, areaId, careType, part);
  }
  return [...hours.values()];
}

const route = (spare: number, bid: Bid, partial: boolean, reach: ReadonlySet<string>): Route => ({
  spare,
  bid,
  partial,
  reach,
  covers: (key) => reach.has(key),
});

/**
 * A stand-in's routes to the lead's needs: one per group of its bids for the same work of the
 * lots held whole where it has a place (each bid's cap once, for the lots whose work of its
 * care type it could serve: take-over-room.ts), and one per bid that won a framework place,
 * for the areas that place covers in that bid's care type. Until later on 2026-12-02 a merged
 * lot's bids were pooled into one route for all its care types: a bid of 30 h/week for complex
 * care took over standard care too.
 */
function routesOf(facts: AwardFacts, providerId: string, needs: readonly Need[]): Route[] {
  const mine = facts.placesOf.get(providerId) ?? [];
  // The needs of lots held whole where it has a place, and those lots, each once in the order needed.
  const whole: Need[] = [];
  const lots: Lot[] = [];
  for (const n of needs) {
    if (n.areaId !== null || !hasPlaceIn(mine, n.lotId)) continue;
    whole.push(n);
    const lot = facts.lots.get(n.lotId);
    if (lot !== undefined && !lots.includes(lot)) lots.push(lot);
  }
  const routes: Route[] = [];
  for (const g of lots.length === 0 ? [] : bidGroupsIn(facts, lots, providerId)) {
    const reach = new Set<string>();
    for (const n of whole) if (groupServes(facts, g, n)) reach.add(n.key);
    routes.push(route(g.room, g.best, g.partial, reach));
  }
  const byBid = new Map<string, { bid: Bid; lots: Set<Lot>; reach: Set<string> }>();
  for (const place of mine) {
    const lot = facts.lots.get(place.lotId);
    if (place.role === 'backup' || lot === undefined) continue;
    const there = needs.filter((n) => n.lotId === place.lotId && n.areaId !== null);
    if (there.length === 0) continue;
    const bids = bidsWonUnder([place], facts.bids);
    const covered = there.filter((n) => placeCovers(place, lot, facts.bids, n.areaId ?? ''));
    for (const bid of bids) {
      const entry = byBid.get(bid.id) ?? { bid, lots: new Set<Lot>(), reach: new Set<string>() };
      entry.lots.add(lot);
      for (const n of covered) if (n.careType === bid.careType) entry.reach.add(n.key);
      byBid.set(bid.id, entry);
    }
  }
  for (const { bid, lots: placedIn, reach } of byBid.values())
    routes.push(route(placeRoom(facts, [...placedIn], [bid]), bid, false, reach));
  return routes;
}

/** Whether `places` hold one in lot `lotId`. */
function hasPlaceIn(places: readonly Allocation[], lotId: string): boolean {
  for (const a of places) if (a.lotId === lotId) return true;
  return false;
}

/**
 * Whether a group of bids could serve a need of a lot held whole: the need's care type, in an
 * area of the lot's demand of it. Asked of every group and need of every stand-in (their
 * keys spread and written out to ask it were 30 kB a variant).
 */
function groupServes(facts: AwardFacts, g: BidGroup, n: Need): boolean {
  if (n.careType !== g.careType || !g.lotIds.includes(n.lotId)) return false;
  for (const a of facts.lots.get(n.lotId)?.careDemand.get(n.careType)?.keys() ?? [])
    if (g.areas.has(a)) return true;
  return false;
}

/** What a stand-in could deliver to each of the lead's lots at once (handback-split.ts). */
function deliverable(
  lotIds: readonly string[],
  needs: readonly Need[],
  routes: readonly Route[],
  spare: number,
) {
  const index = new Map(lotIds.map((id, i) => [id, i]));
  const byKey = new Map(needs.map((n, j) => [n.key, j]));
  const split = splitHandback(
    lotIds.length,
    needs.map((n) => ({ lot: index.get(n.lotId) ?? 0, hours: n.hours })),
    routes.map((r) => ({ room: r.spare, reach: [...r.reach].flatMap((key) => byKey.get(key) ?? []) })),
    spare,
  );
  return {
    hours: split.hours,
    heldBy: split.limits.map(
      (l): SharedLimit =>
        l === null
          ? null
          : {
              by:
                l.by === 'spare'
                  ? 'spare'
                  : l.by
                      .flatMap((r) =>
                        routes[r] === undefined ? [] : [{ id: routes[r].bid.id, room: routes[r].spare }],
                      )
                      .sort((a, b) => a.room - b.room || a.id.localeCompare(b.id)),
              against: l.against,
            },
    ),
  };
}

/** A failed provider's needs, and the lots they lie in with each one's needs, in the order first needed. */
interface LeadNeeds {
  readonly all: readonly Need[];
  readonly lotIds: readonly string[];
  readonly byLot: readonly (readonly Need[])[];
}

function leadNeeds(facts: AwardFacts, lead: string): LeadNeeds {
  const all = needsOf(facts, lead);
  const byLot = new Map<string, Need[]>();
  for (const n of all) {
    const inLot = byLot.get(n.lotId);
    if (inLot === undefined) byLot.set(n.lotId, [n]);
    else inLot.push(n);
  }
  return { all, lotIds: [...byLot.keys()], byLot: [...byLot.values()] };
}

/** Whether a route reaches any of `needs`. */
function reachesAny(r: Route, needs: readonly Need[]): boolean {
  for (const n of needs) if (r.reach.has(n.key)) return true;
  return false;
}

/** Whether any of a stand-in's routes reaches a need (asked of its few routes, not of a set of all they reach). */
function anyReaches(routes: readonly Route[], n: Need): boolean {
  for (const r of routes) if (r.reach.has(n.key)) return true;
  return false;
}

/**
 * One stand-in's share of the lead's hours, lot by lot. The lead's lots and their needs are
 * worked out once for all its stand-ins (handback), and the flows run over lists of needs,
 * not maps of them: sharesOf and its flows were 45 kB a variant.
 */
function sharesOf(
  facts: AwardFacts,
  lead: string,
  providerId: string,
  needs: LeadNeeds,
): ReadonlyMap<string, HandbackShare> {
  const routes = routesOf(facts, providerId, needs.all);
  const spare = spareOf(facts, providerId);
  const flow = (of: readonly Need[]) => Math.min(spare, coverableNeeds(of, routes));
  const { lotIds, byLot } = needs;
  const reached = byLot.map((inLot) => inLot.filter((n) => anyReaches(routes, n)));
  // A lot held whole is faced whole, its care types the stand-in has no bid for too.
  const faced = byLot.map((inLot, i) => {
    const facedWhole = reached[i]?.some((r) => r.areaId === null) ?? false;
    let hours = 0;
    for (const n of inLot) if (anyReaches(routes, n) || (n.areaId === null && facedWhole)) hours += n.hours;
    return hours;
  });
  const alone = reached.map((of) => flow(of));
  // Where it could take over all it could in each lot alone in all at once, the lots do not compete.
  const compete =
    lotIds.length > 1 && alone.reduce((t, h) => t + h, 0) > flow(reached.flat()) + 1e-9 * Math.max(1, spare);
  // Lots that do not compete each take what they could alone, held by nothing shared.
  const split = compete ? deliverable(lotIds, reached.flat(), routes, spare) : null;
  const shares = new Map<string, HandbackShare>();
  for (let i = 0; i < lotIds.length; i++) {
    // The caps of the routes into the lot, and whether any covers only part of its work.
    const caps: number[] = [];
    let partial = false;
    for (const r of routes)
      if (reachesAny(r, byLot[i] ?? [])) {
        caps.push(r.bid.maxHours);
        partial ||= r.partial;
      }
    shares.set(lotIds[i] as string, {
      providerId,
      lead,
      spare,
      caps: caps.sort(ascending),
      partial,
      leadHours: faced[i] ?? 0,
      alone: alone[i] ?? 0,
      hours: (split === null ? alone[i] : split.hours[i]) ?? 0,
      heldBy: split?.heldBy[i] ?? null,
    });
  }
  return shares;
}

/** Shares already worked out, per award and failed provider: supply and N-1 ask in every lot it holds. */
const known = new WeakMap<AwardFacts, Map<string, Map<string, ReadonlyMap<string, HandbackShare>>>>();

/** What each stand-in (everyone else with a place in a lot `lead` holds) could take over if `lead` failed, by stand-in and lot. */
function handback(facts: AwardFacts, lead: string): Map<string, ReadonlyMap<string, HandbackShare>> {
  const byLead = known.get(facts) ?? new Map<string, Map<string, ReadonlyMap<string, HandbackShare>>>();
  known.set(facts, byLead);
  const seen = byLead.get(lead);
  if (seen !== undefined) return seen;
  const needs = leadNeeds(facts, lead);
  const shares = new Map<string, ReadonlyMap<string, HandbackShare>>();
  for (const a of facts.allocations)
    if (a.providerId !== lead && !shares.has(a.providerId) && needs.lotIds.includes(a.lotId))
      shares.set(a.providerId, sharesOf(facts, lead, a.providerId, needs));
  byLead.set(lead, shares);
  return shares;
}

/**
 * What `providerId` could take over in lot `lotId` if `lead` failed, its spare held against
 * all the lead's hours it would stand in for in every lot (none: it has no place where the lead works).
 */
export function handbackShare(
  facts: AwardFacts,
  lead: string,
  lotId: string,
  providerId: string,
): HandbackShare | undefined {
  return handback(facts, lead).get(providerId)?.get(lotId);
}
