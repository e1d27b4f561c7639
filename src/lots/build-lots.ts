/**
 * Lots from a zoning and the lot plan: one lot per zone (or one county lot) per
 * care type, with merged care types folded into standard. Lots with no design
 * demand are not tendered.
 */
import type { CareType, DemandRow, Lot, LotEntry, Scenario, Zoning } from '../model/types.js';
import { entryBackups, entryPlaces, entryRoles } from '../structures/index.js';
import { careTypes } from '../model/types.js';
import { periodOrder } from './period-order.js';
import { byId } from '../model/order.js';

/** What lots are built from: the lot plan, the areas and the demand of the design period (and later ones). */
type LotSource = Pick<Scenario, 'lotPlan' | 'areas' | 'period' | 'demand'>;

export const countyZoneId = 'county';

export function lotId(careType: CareType, zoneId: string): string {
  return `${careType}:${zoneId}`;
}

/** Care types whose demand a lot of `careType` carries (itself plus any merged into it). */
export function carriedTypes(careType: CareType, scenario: LotSource): Set<CareType> {
  const carried = new Set<CareType>([careType]);
  for (const other of careTypes) {
    const entry = scenario.lotPlan[other];
    if (entry?.kind === 'merge' && entry.into === careType) carried.add(other);
  }
  return carried;
}

/** Areas by the lot zone they fall in (`county` for a county-wide lot, or an area no zone holds). */
export function groupAreas(
  areaIds: readonly string[],
  zoning: Zoning,
  geography: 'zone' | 'county',
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const areaId of areaIds) {
    const zoneId = geography === 'county' ? countyZoneId : (zoning.get(areaId) ?? countyZoneId);
    const group = groups.get(zoneId);
    if (group === undefined) groups.set(zoneId, [areaId]);
    else group.push(areaId); // not a copy per area: a national file has tens of thousands of areas in one county lot
  }
  return groups;
}

/** Sums keyed twice (zone, then period or area), added in the order given. */
function addTo<O, K>(sums: Map<O, Map<K, number>>, outer: O, inner: K, hours: number): void {
  const m = sums.get(outer) ?? new Map<K, number>();
  sums.set(outer, m);
  m.set(inner, (m.get(inner) ?? 0) + hours);
}

/** A zone's later demand per period, in time order. */
function laterDemand(byPeriod: ReadonlyMap<string, number> = new Map()): { period: string; hours: number }[] {
  return [...byPeriod].sort(([a], [b]) => periodOrder(a, b)).map(([period, hours]) => ({ period, hours }));
}

function sumDemand(rows: readonly DemandRow[], pick: (d: DemandRow) => number): Map<string, number> {
  const byArea = new Map<string, number>();
  for (const d of rows) byArea.set(d.areaId, (byArea.get(d.areaId) ?? 0) + pick(d));
  return byArea;
}

/** Design demand per zone, care type and area, in one pass over the design rows (added in file order). */
function careByZone(
  rows: readonly DemandRow[],
  zoneOf: ReadonlyMap<string, string>,
): Map<string, Map<CareType, Map<string, number>>> {
  const sums = new Map<string, Map<CareType, Map<string, number>>>();
  for (const d of rows) {
    const zoneId = zoneOf.get(d.areaId);
    if (zoneId === undefined) continue;
    const byType = sums.get(zoneId) ?? new Map<CareType, Map<string, number>>();
    sums.set(zoneId, byType);
    addTo(byType, d.careType, d.areaId, d.hours);
  }
  return sums;
}

/**
 * Demand per carried care type (the lot's own first) and area, keeping only what is above 0,
 * areas sorted: taken in the order of the zone's areas (sorted), which hold every area summed.
 */
function careDemandOf(
  careType: CareType,
  zoneAreas: readonly string[],
  byType: ReadonlyMap<CareType, ReadonlyMap<string, number>> = new Map(),
): Map<CareType, Map<string, number>> {
  const out = new Map<CareType, Map<string, number>>();
  for (const type of [careType, ...careTypes.filter((c) => c !== careType)]) {
    const sums = byType.get(type);
    if (sums === undefined) continue;
    const kept = new Map<string, number>();
    zoneAreas.forEach((areaId) => {
      const hours = sums.get(areaId) ?? 0;
      if (hours > 0) kept.set(areaId, hours);
    });
    if (kept.size > 0) out.set(type, kept);
  }
  return out;
}

/** How one care type's lots are drawn: its entry, the care types it carries and each area's zone. */
interface LotKind {
  readonly careType: CareType;
  readonly entry: LotEntry;
  readonly groups: ReadonlyMap<string, string[]>;
  readonly zoneOf: ReadonlyMap<string, string>;
}

/**
 * The design-period rows each kind of lot carries (in file order), and its
 * later demand per zone and period, in one pass over the demand: a national
 * file has over a million rows, so each kind does not scan them again. Every
 * row belongs to at most one kind (its own care type, or the one it is merged
 * into), and sums add up in file order, so every number is as it was.
 */
function demandByKind(
  scenario: LotSource,
  kinds: readonly LotKind[],
): Map<CareType, { design: DemandRow[]; later: Map<string, Map<string, number>> }> {
  const out = new Map(
    kinds.map((k) => [
      k.careType,
      { design: [] as DemandRow[], later: new Map<string, Map<string, number>>() },
    ]),
  );
  const kindOf = new Map<CareType, LotKind>();
  for (const kind of kinds) for (const t of carriedTypes(kind.careType, scenario)) kindOf.set(t, kind);
  // Whether each period comes after the design period, compared once per period, not per row.
  const isLater = new Map<string, boolean>();
  for (const d of scenario.demand) {
    const kind = kindOf.get(d.careType);
    if (kind === undefined) continue;
    const sums = out.get(kind.careType);
    if (d.period === scenario.period) {
      sums?.design.push(d);
      continue;
    }
    let later = isLater.get(d.period);
    if (later === undefined) {
      later = periodOrder(d.period, scenario.period) > 0;
      isLater.set(d.period, later);
    }
    const zoneId = kind.zoneOf.get(d.areaId);
    if (later && zoneId !== undefined && sums !== undefined) addTo(sums.later, zoneId, d.period, d.hours);
  }
  return out;
}

function lotKinds(scenario: LotSource, zoning: Zoning): LotKind[] {
  const areaIds = scenario.areas.map((a) => a.id).sort();
  const kinds: LotKind[] = [];
  for (const careType of careTypes) {
    const entry = scenario.lotPlan[careType];
    if (entry === undefined || entry.kind === 'merge') continue;
    const groups = groupAreas(areaIds, zoning, entry.geography);
    const zoneOf = new Map([...groups].flatMap(([zoneId, areas]) => areas.map((a) => [a, zoneId] as const)));
    kinds.push({ careType, entry, groups, zoneOf });
  }
  return kinds;
}

export function buildLots(scenario: LotSource, zoning: Zoning): Lot[] {
  const kinds = lotKinds(scenario, zoning);
  const demand = demandByKind(scenario, kinds);
  const lots: Lot[] = [];
  for (const { careType, entry, groups, zoneOf } of kinds) {
    const { design: rows, later: laterSums } = demand.get(careType) ?? { design: [], later: new Map() };
    const central = sumDemand(rows, (d) => d.hours);
    const low = sumDemand(rows, (d) => d.low);
    const high = sumDemand(rows, (d) => d.high);
    const careSums = careByZone(rows, zoneOf);
    for (const [zoneId, zoneAreas] of groups) {
      const total = (m: Map<string, number>) => zoneAreas.reduce((t, a) => t + (m.get(a) ?? 0), 0);
      const demand = total(central);
      if (demand <= 0) continue;
      lots.push({
        id: lotId(careType, zoneId),
        careType,
        zoneId,
        areaIds: zoneAreas,
        structure: entry.structure,
        roles: entryRoles(entry),
        ...entryPlaces(entry),
        backup: entryBackups(entry),
        demand,
        demandLow: total(low),
        demandHigh: total(high),
        laterDemand: laterDemand(laterSums.get(zoneId)),
        demandByArea: new Map(
          zoneAreas.filter((a) => (central.get(a) ?? 0) > 0).map((a) => [a, central.get(a) ?? 0]),
        ),
        careDemand: careDemandOf(careType, zoneAreas, careSums.get(zoneId)),
        rejectedBidIds: [],
      });
    }
  }
  return lots.sort(byId);
}
