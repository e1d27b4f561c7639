/**
 * Lots from a zoning and the lot plan: one lot per zone (or one county lot) per
 * care type, with merged care types folded into standard. Lots with no design
 * demand are not tendered.
 */
import type { CareType, DemandRow, Lot, Scenario, Zoning } from '../model/types.js';
import { entryBackups, entryPlaces, entryRoles } from '../structures/index.js';
import { careTypes } from '../model/types.js';

const countyZoneId = 'county';

export function lotId(careType: CareType, zoneId: string): string {
  return `${careType}:${zoneId}`;
}

/** Care types whose demand a lot of `careType` carries (itself plus any merged into it). */
function carriedTypes(careType: CareType, scenario: Scenario): Set<CareType> {
  const carried = new Set<CareType>([careType]);
  for (const other of careTypes) {
    const entry = scenario.lotPlan[other];
    if (entry?.kind === 'merge' && entry.into === careType) carried.add(other);
  }
  return carried;
}

function groupAreas(
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

/**
 * Periods in time order: numeric-aware, so "2027" < "2028" and "2027-q4" < "2028-q1".
 * One collator for every comparison: `localeCompare` with options builds a new one per call
 * (about 0.7 s of the county's 5 s solve went there).
 */
const periodOrder = new Intl.Collator('en', { numeric: true }).compare;

/** Demand of the given areas in every period after the design period, in order. */
function laterDemand(
  scenario: Scenario,
  carried: ReadonlySet<CareType>,
  areas: ReadonlySet<string>,
): { period: string; hours: number }[] {
  const byPeriod = new Map<string, number>();
  for (const d of scenario.demand) {
    if (periodOrder(d.period, scenario.period) <= 0 || !carried.has(d.careType) || !areas.has(d.areaId))
      continue;
    byPeriod.set(d.period, (byPeriod.get(d.period) ?? 0) + d.hours);
  }
  return [...byPeriod].sort(([a], [b]) => periodOrder(a, b)).map(([period, hours]) => ({ period, hours }));
}

function sumDemand(rows: readonly DemandRow[], pick: (d: DemandRow) => number): Map<string, number> {
  const byArea = new Map<string, number>();
  for (const d of rows) byArea.set(d.areaId, (byArea.get(d.areaId) ?? 0) + pick(d));
  return byArea;
}

/** Demand per carried care type (the lot's own first) and area, keeping only what is above 0. */
function careDemandOf(
  careType: CareType,
  rows: readonly DemandRow[],
  zoneAreas: readonly string[],
): Map<CareType, Map<string, number>> {
  const inZone = new Set(zoneAreas);
  const out = new Map<CareType, Map<string, number>>();
  for (const type of [careType, ...careTypes.filter((c) => c !== careType)]) {
    const byArea = sumDemand(
      rows.filter((d) => d.careType === type && inZone.has(d.areaId)),
      (d) => d.hours,
    );
    const kept = new Map(
      [...byArea].filter(([, h]) => h > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    if (kept.size > 0) out.set(type, kept);
  }
  return out;
}

export function buildLots(scenario: Scenario, zoning: Zoning): Lot[] {
  const areaIds = scenario.areas.map((a) => a.id).sort();
  const lots: Lot[] = [];
  for (const careType of careTypes) {
    const entry = scenario.lotPlan[careType];
    if (entry === undefined || entry.kind === 'merge') continue;
    const carried = carriedTypes(careType, scenario);
    const rows = scenario.demand.filter((d) => d.period === scenario.period && carried.has(d.careType));
    const central = sumDemand(rows, (d) => d.hours);
    const low = sumDemand(rows, (d) => d.low);
    const high = sumDemand(rows, (d) => d.high);
    for (const [zoneId, zoneAreas] of groupAreas(areaIds, zoning, entry.geography)) {
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
        laterDemand: laterDemand(scenario, carried, new Set(zoneAreas)),
        demandByArea: new Map(
          zoneAreas.filter((a) => (central.get(a) ?? 0) > 0).map((a) => [a, central.get(a) ?? 0]),
        ),
        careDemand: careDemandOf(careType, rows, zoneAreas),
        rejectedBidIds: [],
      });
    }
  }
  return lots.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
