/**
 * designZones: proposals of zone maps for a problem, checked.
 *
 *   1. turn down requests no map can meet (impossible.ts), saying why
 *   2. the heuristic: seeded constructions + local search (heuristic.ts)
 *   3. on small maps (or when asked), the exact program on HiGHS (exact.ts),
 *      started from the heuristic's best map
 *   4. check every proposal against the rules (check-map.ts); a broken one
 *      is a bug and throws
 *
 * Outcomes are data: `designed`, `impossible` (proven before or by the exact
 * program) or `not-found` (the heuristic found nothing; not a proof).
 */
import type { SolverBackend } from '../solve/program.js';
import { mapViolations } from './check-map.js';
import { exactMap } from './exact.js';
import { canonical, defaultHeuristic, heuristicMaps, type DesignedMap } from './heuristic.js';
import { higherCeiling, impossibleRequest } from './impossible.js';
import type { ZoneProblem } from './problem.js';
import { counted } from '../model/counted.js';
import { groupedNumber } from '../model/grouped-number.js';

export type DesignMethod = 'auto' | 'heuristic' | 'exact';

/**
 * `auto` runs the exact program on maps of at most this many areas.
 * @defaultValue 15: the exact program proves 8-16 area maps optimal in seconds
 * to tens of seconds, and Hertfordshire's 28 areas not within 60 s (docs/zones.md).
 */
export const defaultExactAreaLimit = 15;

export interface DesignSettings {
  /** @defaultValue 1 */
  readonly seed: number;
  /** @defaultValue 1 */
  readonly alternatives: number;
  /** `auto`: exact as well when the map has at most `exactAreaLimit` areas. @defaultValue 'auto' */
  readonly method: DesignMethod;
  /** See `defaultExactAreaLimit`. */
  readonly exactAreaLimit: number;
  /** Seconds for each exact solve. @defaultValue 60 */
  readonly timeLimit: number;
  readonly backend: SolverBackend;
  /** The parent zoning's name, for messages. */
  readonly within: string | null;
  /** True when --max-hours gave the ceiling, false when it is the default: the advice names the flag to raise or to set. */
  readonly ceilingGiven: boolean;
}

export interface Proposal extends DesignedMap {
  readonly method: 'exact' | 'heuristic';
  /** `optimal`/`feasible`: from the exact program (feasible: time limit, with its gap); `heuristic`: no proof. */
  readonly status: 'optimal' | 'feasible' | 'heuristic';
  readonly gap: number | null;
  /** Exact, max-p: how far the zone count is from proven most (0 proven; NaN unbounded); null otherwise. */
  readonly countGap: number | null;
}

export type DesignOutcome =
  | {
      readonly kind: 'designed';
      readonly proposals: readonly Proposal[];
      readonly constructions: number;
      readonly exactSeconds: number | null;
      readonly note: string | null;
    }
  | { readonly kind: 'impossible'; readonly reason: string }
  | { readonly kind: 'not-found'; readonly reason: string };

function notFound(p: ZoneProblem, ceilingGiven: boolean, constructions: number, mostZones: number): string {
  const wanted = p.count === null ? 'map' : `map of ${counted(p.count, 'zone')}`;
  return `the heuristic found no ${wanted} with every zone connected and between ${groupedNumber(Math.round(p.floor))} and ${groupedNumber(Math.round(p.ceiling))} h/week in ${constructions} tries (most zones reached: ${mostZones}); this is not a proof that none exists: try another --seed, a lower --min-hours${p.count === null ? '' : ', a lower --count'}, or --method exact; or ${higherCeiling(p, ceilingGiven)}`;
}

const sameMap = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((z, i) => z === b[i]);

async function withExact(
  p: ZoneProblem,
  heuristic: readonly DesignedMap[],
  settings: DesignSettings,
): Promise<{ proposals: Proposal[]; seconds: number; note: string | null } | { impossible: string }> {
  const asHeuristic = (m: DesignedMap): Proposal => ({
    ...m,
    method: 'heuristic',
    status: 'heuristic',
    gap: null,
    countGap: null,
  });
  const outcome = await exactMap(p, {
    backend: settings.backend,
    timeLimit: settings.timeLimit,
    start: heuristic[0]?.assignment ?? null,
  });
  if (outcome.status === 'infeasible')
    return {
      impossible: `the exact program proves that no map keeps every rule (connected zones, each between the floor and the ceiling): lower --min-hours, change --count or ${higherCeiling(p, settings.ceilingGiven)}`,
    };
  if (outcome.status === 'error') {
    if (heuristic.length === 0)
      throw new Error(
        `zone design: the exact program failed and the heuristic found no map: ${outcome.message}`,
      );
    return {
      proposals: heuristic.slice(0, settings.alternatives).map(asHeuristic),
      seconds: outcome.seconds,
      note: `the exact program found no map within the time limit (${outcome.message}); the maps below are the heuristic's`,
    };
  }
  const assignment = canonical(outcome.assignment);
  const exact: Proposal = {
    assignment,
    zoneCount: new Set(assignment).size,
    cost: outcome.cost,
    method: 'exact',
    status: outcome.status,
    gap: outcome.gap,
    countGap: outcome.countGap,
  };
  const others = heuristic
    .filter((m) => m.zoneCount === exact.zoneCount && !sameMap(m.assignment, assignment))
    .map(asHeuristic);
  return {
    proposals: [exact, ...others].slice(0, settings.alternatives),
    seconds: outcome.seconds,
    note: null,
  };
}

/** Fewer maps than --alternatives asked for: said, not left for the reader to count. */
const fewerMaps = (found: number, asked: number) =>
  `${counted(found, 'different map')} found of the ${asked} asked for (--alternatives): no other keeps the rules, or none was found`;

export async function designZones(p: ZoneProblem, settings: DesignSettings): Promise<DesignOutcome> {
  const impossible = impossibleRequest(p, settings);
  if (impossible !== null) return { kind: 'impossible', reason: impossible };
  const heuristic = heuristicMaps(p, {
    ...defaultHeuristic,
    seed: settings.seed,
    alternatives: Math.max(settings.alternatives, 1),
  });
  const found = heuristic.kind === 'found' ? heuristic.maps : [];
  const runExact =
    settings.method === 'exact' || (settings.method === 'auto' && p.areas.length <= settings.exactAreaLimit);
  let proposals: Proposal[] = found.map((m) => ({
    ...m,
    method: 'heuristic',
    status: 'heuristic',
    gap: null,
    countGap: null,
  }));
  let exactSeconds: number | null = null;
  let note: string | null = null;
  if (runExact) {
    const exact = await withExact(p, found, settings);
    if ('impossible' in exact) return { kind: 'impossible', reason: exact.impossible };
    ({ proposals, note } = exact);
    exactSeconds = exact.seconds;
  }
  if (proposals.length === 0)
    return {
      kind: 'not-found',
      reason: notFound(
        p,
        settings.ceilingGiven,
        heuristic.constructions,
        heuristic.kind === 'none' ? heuristic.mostZones : 0,
      ),
    };
  for (const proposal of proposals) {
    const broken = mapViolations(p, proposal.assignment);
    if (broken.length > 0)
      throw new Error(`zone design produced a map that breaks its rules (a bug): ${broken.join('; ')}`);
  }
  const fewer =
    proposals.length < settings.alternatives ? fewerMaps(proposals.length, settings.alternatives) : null;
  const notes = [note, fewer].filter((n) => n !== null);
  return {
    kind: 'designed',
    proposals,
    constructions: heuristic.constructions,
    exactSeconds,
    note: notes.length === 0 ? null : notes.join('; '),
  };
}
