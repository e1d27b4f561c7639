/**
 * What a commissioner reads about a zone map (pure): one row per zone (its
 * areas, demand, margin over the floor, compactness) and one summary per map,
 * for designed and hand-drawn maps alike, so they can be set side by side.
 */
import type { Zoning } from '../model/types.js';
import { isConnected, zoneCost, zoneMembers, type Assignment, type ZoneProblem } from './problem.js';

export interface ZoneRow {
  readonly zoneId: string;
  readonly areaIds: readonly string[];
  readonly demand: number;
  /** Demand above the floor (negative: below it). */
  readonly floorMargin: number;
  /** Demand-weighted mean km from each area to the zone's centre area. */
  readonly meanKm: number;
  readonly centreAreaId: string;
  readonly connected: boolean;
}

export interface MapSummary {
  readonly name: string;
  readonly zones: number;
  readonly smallest: number;
  readonly largest: number;
  readonly belowFloor: number;
  readonly aboveCeiling: number;
  readonly disconnected: number;
  /** The map's cost (hour-km) over its demand: mean km from an hour of care to its zone's centre. */
  readonly meanKm: number;
  readonly cost: number;
}

/** Zone ids of a designed map: `Z-<NAME>-01`, … in the order of each zone's first area. */
export function designedZoneIds(name: string, zoneCount: number): string[] {
  const width = Math.max(2, String(zoneCount).length);
  return Array.from(
    { length: zoneCount },
    (_, z) => `Z-${name.toUpperCase()}-${String(z + 1).padStart(width, '0')}`,
  );
}

/** A scenario zoning as an assignment over the problem's areas (zones numbered by first area). */
export function assignmentOf(p: ZoneProblem, zoning: Zoning): { assignment: number[]; zoneIds: string[] } {
  const ids: string[] = [];
  const assignment = p.areas.map((a) => {
    const zoneId = zoning.get(a.id) ?? '';
    if (!ids.includes(zoneId)) ids.push(zoneId);
    return ids.indexOf(zoneId);
  });
  return { assignment, zoneIds: ids };
}

export function zoneRows(p: ZoneProblem, assignment: Assignment, zoneIds: readonly string[]): ZoneRow[] {
  return zoneMembers(assignment).map((members, z) => {
    const demand = members.reduce((t, i) => t + (p.areas[i]?.demand ?? 0), 0);
    const { cost, centre } = zoneCost(p, members);
    return {
      zoneId: zoneIds[z] ?? String(z),
      areaIds: members.map((i) => p.areas[i]?.id ?? '?'),
      demand,
      floorMargin: demand - p.floor,
      meanKm: demand > 0 ? cost / demand : 0,
      centreAreaId: p.areas[centre]?.id ?? '?',
      connected: isConnected(p, members),
    };
  });
}

export function mapSummary(p: ZoneProblem, name: string, rows: readonly ZoneRow[]): MapSummary {
  const demands = rows.map((r) => r.demand);
  const total = demands.reduce((t, d) => t + d, 0);
  const cost = rows.reduce((t, r) => t + r.meanKm * r.demand, 0);
  return {
    name,
    zones: rows.length,
    smallest: Math.min(...demands),
    largest: Math.max(...demands),
    belowFloor: rows.filter((r) => r.demand < p.floor - 1e-6).length,
    aboveCeiling: rows.filter((r) => r.demand > p.ceiling + 1e-6).length,
    disconnected: rows.filter((r) => !r.connected).length,
    meanKm: total > 0 ? cost / total : 0,
    cost,
  };
}

/** The zone file (`area_id,zone_id`), rows by area id. */
export function zoningCsv(p: ZoneProblem, assignment: Assignment, zoneIds: readonly string[]): string {
  return `${['area_id,zone_id', ...p.areas.map((a, i) => `${a.id},${zoneIds[assignment[i] ?? 0] ?? ''}`)].join('\n')}\n`;
}
