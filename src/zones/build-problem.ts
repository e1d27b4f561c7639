/**
 * A zone-design problem from a scenario (pure): which demand the zones carry,
 * where the areas are, who neighbours whom, the floor and the ceiling.
 *
 * - **Demand**: design-period hours of the care types the scenario tenders per
 *   zone (its lot plan's `"geography": "zone"` entries, and the care types
 *   merged into them). When nothing is tendered per zone, every care type.
 * - **Floor** (`--min-hours`): by default the largest minimum viable volume
 *   among the providers, so whichever provider wins a zone can live on it.
 *   Never 0: a zone with no demand is no lot to tender, so a floor of 0 (asked
 *   for, or no provider with a minimum) is raised to the least demand of an area
 *   that has any, which every zone with demand carries.
 * - **Ceiling** (`--max-hours`): by default twice the mean zone: the total
 *   over `--count`, or with max-p the total over the most zones the floor
 *   could allow (`mostZones`: ⌊demand / floor⌋, at most one an area with
 *   demand, summed over the pieces zones cannot cross: parent zones, parts
 *   with no neighbour link), so never under twice the floor.
 */
import type { CareType, Scenario } from '../model/types.js';
import { byText } from '../model/order.js';
import { neighbourGraph, planeKm, type NeighbourGraph } from './neighbours.js';
import { mostZones } from './impossible.js';
import type { ZoneProblem } from './problem.js';
import { byId } from '../model/order.js';

/** @defaultValue 2: no zone more than twice the mean, so no lot dwarfs the others. */
const ceilingFactor = 2;

export interface DesignRequest {
  readonly count: number | null;
  readonly minHours: number | null;
  readonly maxHours: number | null;
  /** A zoning of the scenario whose zones the design must not cross. */
  readonly within: string | null;
}

export interface BuiltProblem {
  readonly problem: ZoneProblem;
  readonly graph: NeighbourGraph;
  readonly careTypes: readonly CareType[];
  readonly totalDemand: number;
  /** Where the floor came from, for the printout. */
  readonly floorSource: string;
}

/** The care types whose demand the zones carry. */
function zoneCareTypes(scenario: Scenario): CareType[] {
  const entries = Object.entries(scenario.lotPlan) as [CareType, Scenario['lotPlan'][CareType]][];
  const perZone = entries.filter(([, e]) => e?.kind === 'lot' && e.geography === 'zone').map(([c]) => c);
  const merged = perZone.includes('standard')
    ? entries.filter(([, e]) => e?.kind === 'merge').map(([c]) => c)
    : [];
  const chosen = [...perZone, ...merged];
  return chosen.length > 0 ? chosen.sort() : ['complex', 'reablement', 'standard'];
}

function defaultFloor(scenario: Scenario): { floor: number; source: string } {
  const largest = [...scenario.providers].sort(
    (a, b) => b.minViableHours - a.minViableHours || byId(a, b),
  )[0];
  return largest === undefined
    ? { floor: 0, source: 'no providers, so no floor' }
    : { floor: largest.minViableHours, source: `the largest minimum viable volume, ${largest.id}'s` };
}

/**
 * A floor of 0 raised to the least demand of an area that has any: then a zone carries
 * the floor exactly when it carries some demand (until 2026-12-01 `--min-hours 0`
 * proposed zones of 0 h/week, lots with nothing to tender).
 */
function someDemand(
  floor: { floor: number; source: string },
  demand: ReadonlyMap<string, number>,
): { floor: number; source: string } {
  if (floor.floor > 0) return floor;
  const [least] = [...demand].filter(([, d]) => d > 0).sort(([a, x], [b, y]) => x - y || byText(a, b));
  return least === undefined
    ? floor
    : {
        floor: least[1],
        source: `${floor.source} is 0; raised to the least demand of an area, ${least[0]}'s, as a zone with no demand is no lot to tender`,
      };
}

export function buildProblem(scenario: Scenario, request: DesignRequest): BuiltProblem {
  const areas = [...scenario.areas].sort(byId);
  const careTypes = zoneCareTypes(scenario);
  const demand = new Map<string, number>();
  for (const d of scenario.demand)
    if (d.period === scenario.period && careTypes.includes(d.careType))
      demand.set(d.areaId, (demand.get(d.areaId) ?? 0) + d.hours);
  const parents = request.within === null ? null : (scenario.zonings.get(request.within) ?? null);
  const plane = planeKm(areas);
  const graph = neighbourGraph(areas, scenario.boundaries);
  const totalDemand = areas.reduce((t, a) => t + (demand.get(a.id) ?? 0), 0);
  const { floor, source } = someDemand(
    request.minHours === null ? defaultFloor(scenario) : { floor: request.minHours, source: '--min-hours' },
    demand,
  );
  const problem: ZoneProblem = {
    areas: areas.map((a) => {
      const [x, y] = plane(a);
      return { id: a.id, x, y, demand: demand.get(a.id) ?? 0, parent: parents?.get(a.id) ?? null };
    }),
    neighbours: graph.neighbours,
    floor,
    ceiling: Infinity,
    count: request.count,
  };
  return {
    problem: {
      ...problem,
      ceiling:
        request.maxHours ??
        ceilingFactor * (totalDemand / (request.count ?? Math.max(1, mostZones(problem)))),
    },
    graph,
    careTypes,
    totalDemand,
    floorSource: source,
  };
}
