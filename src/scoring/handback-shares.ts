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
import { coverableHours, type StandIn } from './handback-cover.js';
import { bidsWonUnder, placeCovers } from './member-cover.js';
import { spareOf, type AwardFacts } from './award-facts.js';
import { bidGroupsIn, placeRoom } from './take-over-room.js';
import { splitHandback } from './handback-split.js';

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
  readonly caps: readonly number[];
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
  caps: [bid.maxHours],
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
  const mine = facts.allocations.filter((a) => a.providerId === providerId);
  const whole = needs.filter((n) => n.areaId === null && mine.some((a) => a.lotId === n.lotId));
  const routes: Route[] = [];
  const lots = [...new Set(whole.flatMap((n) => facts.lots.get(n.lotId) ?? []))];
  for (const g of lots.length === 0 ? [] : bidGroupsIn(facts, lots, providerId)) {
    const serves = (n: Need) =>
      g.lotIds.has(n.lotId) &&
      [...(facts.lots.get(n.lotId)?.careDemand.get(n.careType)?.keys() ?? [])].some((a) =>
        g.work.has(`${n.careType} ${a}`),
      );
    routes.push(route(g.room, g.best, g.partial, new Set(whole.filter(serves).map((n) => n.key))));
  }
  const byBid = new Map<string, { bid: Bid; lots: Set<Lot>; reach: Set<string> }>();
  for (const place of mine.filter((a) => a.role !== 'backup')) {
    const lot = facts.lots.get(place.lotId);
    const there = needs.filter((n) => n.lotId === place.lotId && n.areaId !== null);
    if (lot === undefined || there.length === 0) continue;
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

/** One stand-in's share of the lead's hours, lot by lot. */
function sharesOf(facts: AwardFacts, lead: string, providerId: string, needs: readonly Need[]) {
  const routes = routesOf(facts, providerId, needs);
  const spare = spareOf(facts, providerId);
  const flow = (of: readonly Need[]) =>
    Math.min(spare, coverableHours(new Map(of.map((n) => [n.key, n.hours])), routes));
  const lotIds = [...new Set(needs.map((n) => n.lotId))];
  const reach = new Set<string>();
  for (const r of routes) for (const key of r.reach) reach.add(key);
  const reached = lotIds.map((id) => needs.filter((n) => n.lotId === id && reach.has(n.key)));
  // A lot held whole is faced whole, its care types the stand-in has no bid for too.
  const faced = lotIds.map((id, i) =>
    needs
      .filter(
        (n) =>
          n.lotId === id &&
          (reach.has(n.key) || (n.areaId === null && reached[i]?.some((r) => r.areaId === null))),
      )
      .reduce((t, n) => t + n.hours, 0),
  );
  const alone = reached.map(flow);
  // Where it could take over all it could in each lot alone in all at once, the lots do not compete.
  const compete =
    lotIds.length > 1 && alone.reduce((t, h) => t + h, 0) > flow(reached.flat()) + 1e-9 * Math.max(1, spare);
  const { hours, heldBy } = compete
    ? deliverable(lotIds, reached.flat(), routes, spare)
    : { hours: alone, heldBy: alone.map((): SharedLimit => null) };
  const lotOf = new Map(needs.map((n) => [n.key, n.lotId]));
  const inLot = (r: Route, lotId: string) => {
    for (const key of r.reach) if (lotOf.get(key) === lotId) return true;
    return false;
  };
  return new Map(
    lotIds.map((lotId, i) => {
      const into = routes.filter((r) => inLot(r, lotId));
      const share: HandbackShare = {
        providerId,
        lead,
        spare,
        caps: into.flatMap((r) => r.caps).sort((a, b) => a - b),
        partial: into.some((r) => r.partial),
        leadHours: faced[i] ?? 0,
        alone: alone[i] ?? 0,
        hours: hours[i] ?? 0,
        heldBy: heldBy[i] ?? null,
      };
      return [lotId, share] as const;
    }),
  );
}

/** Shares already worked out, per award and failed provider: supply and N-1 ask in every lot it holds. */
const known = new WeakMap<AwardFacts, Map<string, Map<string, ReadonlyMap<string, HandbackShare>>>>();

/** What each stand-in (everyone else with a place in a lot `lead` holds) could take over if `lead` failed, by stand-in and lot. */
function handback(facts: AwardFacts, lead: string): Map<string, ReadonlyMap<string, HandbackShare>> {
  const byLead = known.get(facts) ?? new Map<string, Map<string, ReadonlyMap<string, HandbackShare>>>();
  known.set(facts, byLead);
  const seen = byLead.get(lead);
  if (seen !== undefined) return seen;
  const needs = needsOf(facts, lead);
  const lots = new Set(needs.map((n) => n.lotId));
  const standIns = [
    ...new Set(
      facts.allocations.filter((a) => lots.has(a.lotId) && a.providerId !== lead).map((a) => a.providerId),
    ),
  ];
  const shares = new Map(standIns.map((p) => [p, sharesOf(facts, lead, p, needs)] as const));
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
