/**
 * A zone-design problem: the areas (on a flat plane, in km), the design demand
 * each one brings to the zone lots, which areas are neighbours, and the rules
 * every zone must keep. Plain readonly data; every algorithm in src/zones/
 * reads it and none changes it.
 */

export interface DesignArea {
  readonly id: string;
  /** km east and north of the county's middle (an equirectangular plane). */
  readonly x: number;
  readonly y: number;
  /** Design demand (hours a week) this area brings to the zone lots. */
  readonly demand: number;
  /** The --within parent zone, or null when zones may go anywhere. */
  readonly parent: string | null;
}

export interface ZoneProblem {
  /** Sorted by id; areas are referred to by their index in this list. */
  readonly areas: readonly DesignArea[];
  /** neighbours[i]: indexes of area i's neighbours, ascending; symmetric. */
  readonly neighbours: readonly (readonly number[])[];
  /** Least demand of a zone (hours a week). */
  readonly floor: number;
  /** Most demand of a zone (hours a week). */
  readonly ceiling: number;
  /** Exactly this many zones, or null for as many as the floor allows (max-p). */
  readonly count: number | null;
}

/** zone[i] = the zone number (0-based, dense) of area i. */
export type Assignment = readonly number[];

export const distanceKm = (a: DesignArea, b: DesignArea): number => Math.hypot(a.x - b.x, a.y - b.y);

/** Members of each zone, by zone number. */
export function zoneMembers(assignment: Assignment): number[][] {
  const zones: number[][] = [];
  for (const [i, z] of assignment.entries()) {
    zones[z] ??= [];
    zones[z].push(i);
  }
  return zones;
}

/**
 * The compactness cost of a zone: demand-weighted distance (hour-km) from each
 * area to the zone's centre area, the member that makes this least (its
 * medoid). A centre that is an area, not a point between areas, keeps the
 * exact program linear (a p-median), so heuristic and exact optimise the same
 * number.
 */
export function zoneCost(
  problem: ZoneProblem,
  members: readonly number[],
): { readonly cost: number; readonly centre: number } {
  let best = { cost: Infinity, centre: members[0] ?? -1 };
  for (const c of members) {
    const centre = problem.areas[c];
    if (centre === undefined) continue;
    let cost = 0;
    for (const i of members) {
      const a = problem.areas[i];
      if (a !== undefined) cost += a.demand * distanceKm(a, centre);
      if (cost >= best.cost) break;
    }
    if (cost < best.cost) best = { cost, centre: c };
  }
  return best.cost === Infinity ? { cost: 0, centre: best.centre } : best;
}

/** The whole map's cost: the sum of its zones' costs (lower is more compact). */
export function mapCost(problem: ZoneProblem, assignment: Assignment): number {
  return zoneMembers(assignment).reduce((t, m) => t + zoneCost(problem, m).cost, 0);
}

/** True when the members form one connected piece of the neighbour graph. */
export function isConnected(problem: ZoneProblem, members: readonly number[]): boolean {
  if (members.length <= 1) return true;
  const inside = new Set(members);
  const first = members[0] as number;
  const seen = new Set([first]);
  const stack = [first];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    for (const j of problem.neighbours[i] ?? []) {
      if (inside.has(j) && !seen.has(j)) {
        seen.add(j);
        stack.push(j);
      }
    }
  }
  return seen.size === inside.size;
}
