/**
 * The heuristic: many seeded constructions (construct.ts), each improved by
 * local search (local-search.ts); the best few of those are improved further
 * by tabu search (tabu.ts). The maps with the most zones (max-p) or exactly
 * `count` zones are kept, cheapest first, distinct maps only.
 * Deterministic: the seed fixes every random choice.
 */
import { mersenne } from 'pure-rand/generator/mersenne';
import { constructMap, mergeDown } from './construct.js';
import { defaultLocalSearch, improveMap, type LocalSearchSettings } from './local-search.js';
import { mapCost, type Assignment, type ZoneProblem } from './problem.js';
import { resplitPairs } from './resplit.js';
import { defaultTabu, tabuSearch, type TabuSettings } from './tabu.js';

export interface HeuristicSettings {
  /** @defaultValue 1 */
  readonly seed: number;
  /** How many maps to return (distinct, cheapest first). @defaultValue 1 */
  readonly alternatives: number;
  /** Constructions tried; null scales with the number of areas (see `constructionsFor`). @defaultValue null */
  readonly constructions: number | null;
  readonly localSearch: LocalSearchSettings;
  /** How many of the best local optima tabu search starts from. @defaultValue 3 */
  readonly tabuStarts: number;
  readonly tabu: TabuSettings;
}

export const defaultHeuristic: HeuristicSettings = {
  seed: 1,
  alternatives: 1,
  constructions: null,
  localSearch: defaultLocalSearch,
  tabuStarts: 3,
  tabu: defaultTabu,
};

/** 200 constructions for up to 100 areas, falling to 10 at 2,000 (each costs more as the map grows). */
const constructionsFor = (areaCount: number): number =>
  Math.min(200, Math.max(10, Math.round(20000 / Math.max(1, areaCount))));

export interface DesignedMap {
  readonly assignment: Assignment;
  readonly zoneCount: number;
  /** Sum over zones of demand-weighted distance to the zone's centre area (hour-km). */
  readonly cost: number;
}

export type HeuristicOutcome =
  | { readonly kind: 'found'; readonly maps: readonly DesignedMap[]; readonly constructions: number }
  | { readonly kind: 'none'; readonly constructions: number; readonly mostZones: number };

/** Zones numbered in the order of their first area, so equal maps look equal. */
export function canonical(assignment: Assignment): number[] {
  const renumber = new Map<number, number>();
  return assignment.map((z) => {
    if (!renumber.has(z)) renumber.set(z, renumber.size);
    return renumber.get(z) as number;
  });
}

const zoneCountOf = (a: Assignment) => new Set(a).size;

function better(a: DesignedMap, b: DesignedMap): number {
  return b.zoneCount - a.zoneCount || a.cost - b.cost;
}

/** Run the heuristic. */
export function heuristicMaps(
  p: ZoneProblem,
  settings: HeuristicSettings = defaultHeuristic,
): HeuristicOutcome {
  const rng = mersenne(settings.seed);
  const constructions = settings.constructions ?? constructionsFor(p.areas.length);
  const found = new Map<string, DesignedMap>();
  let mostZones = 0;
  for (let k = 0; k < constructions; k++) {
    const built = constructMap(p, rng);
    if (built === null) continue;
    const zones = zoneCountOf(built);
    mostZones = Math.max(mostZones, zones);
    const start = p.count === null ? built : zones >= p.count ? mergeDown(p, built, p.count) : null;
    if (start === null) continue;
    const assignment = canonical(improveMap(p, start, settings.localSearch));
    const key = assignment.join(',');
    if (!found.has(key))
      found.set(key, { assignment, zoneCount: zoneCountOf(assignment), cost: mapCost(p, assignment) });
  }
  if (found.size === 0) return { kind: 'none', constructions, mostZones };
  const add = (assignment: Assignment) => {
    const key = assignment.join(',');
    if (!found.has(key))
      found.set(key, { assignment, zoneCount: zoneCountOf(assignment), cost: mapCost(p, assignment) });
  };
  for (const start of [...found.values()].sort(better).slice(0, settings.tabuStarts))
    add(canonical(resplitPairs(p, tabuSearch(p, resplitPairs(p, start.assignment), settings.tabu))));
  const all = [...found.values()].sort(better);
  const top = all[0] as DesignedMap;
  const maps = all.filter((m) => m.zoneCount === top.zoneCount).slice(0, settings.alternatives);
  return { kind: 'found', maps, constructions };
}
