/**
 * What each stand-in could take over if one provider failed, across all the lots and areas
 * that provider holds at once: its failure hands them all back together, so a stand-in's one
 * spare (and each bid's room) is held against all of them, whatever role it stands in by: a
 * named back-up or another winner takes on the whole lot under its bids for the lot's work
 * (take-over-room.ts), a framework member the areas its place covers under that place's bid.
 * Until later on 2026-12-02 each role, and each framework lot, counted the spare in full: a
 * back-up of one lot that was a member covering the same lead in another was credited twice.
 */
import type { Allocation, Bid, Lot } from '../model/types.js';
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
  /** What it could take over of them: its spare and bids' room spread over all the lead's hours it faces (`faces`). */
  readonly hours: number;
  /** The lead's hours it would stand in for in every lot. */
  readonly faces: number;
  /**
   * What stops it taking over more here, held against the lead's hours in other lots too:
   * its spare, or the room in these bids (none: it takes over all it could here alone).
   */
  readonly heldBy: SharedLimit;
}

/** A stand-in's spare, or the bids (id and max hours) whose room runs out, or nothing shared. */
type SharedLimit = 'spare' | readonly Pick<Bid, 'id' | 'maxHours'>[] | null;

/** A failed provider's hours to hand over: `lotId` for a lot held whole, `lotId area` for a framework area. */
interface Need {
  readonly key: string;
  readonly lotId: string;
  readonly areaId: string | null;
  readonly hours: number;
}

/** The way a stand-in takes over: under some bids, up to their room, for the needs it reaches. */
interface Route extends StandIn {
  /** The bids it takes over under, their room counted once. */
  readonly bids: readonly Bid[];
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

function needsOf(facts: AwardFacts, lead: string): Need[] {
  return [...facts.lotHours]
    .filter(([, held]) => (held.get(lead) ?? 0) > 0)
    .flatMap(([lotId, held]): Need[] => {
      const byArea = areaHoursOf(facts.allocations, lotId, lead);
      return byArea === null
        ? [{ key: lotId, lotId, areaId: null, hours: held.get(lead) ?? 0 }]
        : [...byArea]
            .filter(([, h]) => h > 0)
            .map(([areaId, hours]) => ({ key: `${lotId} ${areaId}`, lotId, areaId, hours }));
    });
}

const route = (
  spare: number,
  bids: readonly Bid[],
  caps: readonly number[],
  partial: boolean,
  reach: ReadonlySet<string>,
): Route => ({
  spare,
  bids,
  caps,
  partial,
  reach,
  covers: (key) => reach.has(key),
});

/**
 * A stand-in's routes to the lead's needs: one per group of its bids for the same work of the
 * lots held whole where it has a place (each bid's cap once, for the lots whose work it could
 * serve: take-over-room.ts), and one per framework place's bids for the areas that place covers.
 */
function routesOf(facts: AwardFacts, providerId: string, needs: readonly Need[]): Route[] {
  const mine = facts.allocations.filter((a) => a.providerId === providerId);
  const whole = needs.filter((n) => n.areaId === null && mine.some((a) => a.lotId === n.lotId));
  const routes: Route[] = [];
  const lots = whole.flatMap((n) => facts.lots.get(n.lotId) ?? []);
  for (const g of lots.length === 0 ? [] : bidGroupsIn(facts, lots, providerId))
    routes.push(route(g.room, [g.best], [g.best.maxHours], g.partial, g.lotIds));
  const byBids = new Map<string, { bids: Bid[]; lots: Set<Lot>; reach: Set<string> }>();
  for (const place of mine.filter((a) => a.role !== 'backup')) {
    const lot = facts.lots.get(place.lotId);
    const there = needs.filter((n) => n.lotId === place.lotId && n.areaId !== null);
    if (lot === undefined || there.length === 0) continue;
    const bids = bidsWonUnder([place], facts.bids);
    const key = bids.map((b) => b.id).join(' ');
    const entry = byBids.get(key) ?? { bids, lots: new Set<Lot>(), reach: new Set<string>() };
    entry.lots.add(lot);
    for (const n of there) if (placeCovers(place, lot, facts.bids, n.areaId ?? '')) entry.reach.add(n.key);
    byBids.set(key, entry);
  }
  for (const { bids, lots: placedIn, reach } of byBids.values()) {
    routes.push(
      route(
        placeRoom(facts, [...placedIn], bids),
        bids,
        bids.map((b) => b.maxHours).sort((a, b) => a - b),
        false,
        reach,
      ),
    );
  }
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
        l === 'spare' || l === null
          ? l
          : l.flatMap((r) => routes[r]?.bids ?? []).sort((a, b) => a.maxHours - b.maxHours),
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
  const reach = new Set(routes.flatMap((r) => [...r.reach]));
  const reached = lotIds.map((id) => needs.filter((n) => n.lotId === id && reach.has(n.key)));
  const faced = reached.map((ns) => ns.reduce((t, n) => t + n.hours, 0));
  const alone = reached.map(flow);
  // Where it could take over all it could in each lot alone in all at once, the lots do not compete.
  const compete =
    lotIds.length > 1 && alone.reduce((t, h) => t + h, 0) > flow(reached.flat()) + 1e-9 * Math.max(1, spare);
  const { hours, heldBy } = compete
    ? deliverable(lotIds, reached.flat(), routes, spare)
    : { hours: alone, heldBy: alone.map((): SharedLimit => null) };
  const faces = faced.reduce((t, h) => t + h, 0);
  const lotOf = new Map(needs.map((n) => [n.key, n.lotId]));
  const inLot = (r: Route, lotId: string) => [...r.reach].some((key) => lotOf.get(key) === lotId);
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
        faces,
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
