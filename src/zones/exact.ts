/**
 * The exact method for small maps: a mixed-integer program solved by the same
 * HiGHS as the award (through src/solve's solver-neutral Program).
 *
 * A p-median with contiguity by flows (Shirabe 2005; Duque, Church and
 * Middleton 2011): binary x[i,k] puts area i in the zone whose centre is
 * area k (x[k,k] opens that zone). Each zone's centre sends one unit of flow
 * to every other member, along neighbour links between members only, so every
 * zone is connected. Floor and ceiling bind every open zone; with --within an
 * area may only join a centre of its own parent zone.
 *
 *   minimise  Σ demand_i × distance(i, k) × x[i,k]
 *   Σ_k x[i,k] = 1                       each area in one zone
 *   x[i,k] ≤ x[k,k]                      only open centres take members
 *   floor·x[k,k] ≤ Σ_i demand_i x[i,k] ≤ ceiling·x[k,k]
 *   Σ_k x[k,k] = count                   (max-p: first maximise Σ x[k,k])
 *   inflow − outflow of f_k at j = x[j,k]   (j ≠ k)
 *   f_k on link (i→j) ≤ (m_k − 1) × x[i,k] and ≤ (m_k − 1) × x[j,k]
 *   x[i,k] ≤ Σ_{j next to i} x[j,k]        (i ≠ k; implied, but tightens)
 *
 * where m_k is the most areas a zone can hold under the ceiling.
 */
import type { Program, Row, SolverBackend, Variable, VariableMeaning } from '../solve/program.js';
import { distanceKm, zoneCost, zoneMembers, type Assignment, type ZoneProblem } from './problem.js';
import { ascending } from '../model/order.js';

interface Formulation {
  readonly variables: Variable[];
  readonly rows: Row[];
  /** x[i,k] → variable index */
  readonly x: Map<string, number>;
  /** centre k → its flow arcs as [from, to, variable index] */
  readonly flows: Map<number, [number, number, number][]>;
  readonly centreTerms: (readonly [number, number])[];
}

/** Variables carry a meaning for src/solve's types; zone design uses none of the award's, so this one says so. */
const meaning: VariableMeaning = { kind: 'wins', providerId: '(zone design)' };
const key = (i: number, k: number) => `${i},${k}`;
/**
 * Whether area i may belong to the zone rooted at k. When only the number of
 * zones matters (the first max-p solve), every zone is rooted at its
 * lowest-numbered area, which removes the many equal ways of naming a zone's
 * root without losing any map.
 */
const mayJoin = (p: ZoneProblem, i: number, k: number, lowestRoot: boolean) =>
  p.areas[i]?.parent === p.areas[k]?.parent && (!lowestRoot || i >= k);

/** The most areas a zone of these candidates can hold under the ceiling (the smallest first). */
function mostMembers(p: ZoneProblem, candidates: readonly number[]): number {
  const demands = candidates.map((i) => p.areas[i]?.demand ?? 0).sort(ascending);
  let total = 0;
  let n = 0;
  for (const d of demands) {
    if (total + d > p.ceiling) break;
    total += d;
    n++;
  }
  return Math.max(1, n);
}

function formulate(p: ZoneProblem, lowestRoot: boolean): Formulation {
  const n = p.areas.length;
  const variables: Variable[] = [];
  const rows: Row[] = [];
  const x = new Map<string, number>();
  const flows = new Map<number, [number, number, number][]>();
  const add = (v: Omit<Variable, 'meaning'>) => variables.push({ ...v, meaning }) - 1;
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      if (!mayJoin(p, i, k, lowestRoot)) continue;
      const a = p.areas[i];
      const c = p.areas[k];
      const cost = a === undefined || c === undefined ? 0 : a.demand * distanceKm(a, c);
      x.set(key(i, k), add({ name: `x_${i}_${k}`, lower: 0, upper: 1, integer: true, cost }));
    }
  }
  for (let i = 0; i < n; i++)
    rows.push({
      name: `one_${i}`,
      terms: [...x.entries()].filter(([s]) => s.startsWith(`${i},`)).map(([, v]) => [v, 1] as const),
      lower: 1,
      upper: 1,
    });
  const centreTerms: (readonly [number, number])[] = [];
  for (let k = 0; k < n; k++) {
    const open = x.get(key(k, k)) as number;
    centreTerms.push([open, 1]);
    const members = Array.from({ length: n }, (_, i) => i).filter((i) => mayJoin(p, i, k, lowestRoot));
    const bigM = Math.max(1, mostMembers(p, members) - 1);
    const load = members.map((i) => [x.get(key(i, k)) as number, p.areas[i]?.demand ?? 0] as const);
    for (const i of members) {
      if (i === k) continue;
      const xi = x.get(key(i, k)) as number;
      rows.push({
        name: `open_${i}_${k}`,
        terms: [
          [xi, 1],
          [open, -1],
        ],
        lower: -Infinity,
        upper: 0,
      });
      // A member other than the centre has a neighbour in its zone (implied by the flows, but it tightens the relaxation).
      const beside = (p.neighbours[i] ?? [])
        .filter((j) => mayJoin(p, j, k, lowestRoot))
        .map((j) => [x.get(key(j, k)) as number, -1] as const);
      rows.push({ name: `beside_${i}_${k}`, terms: [[xi, 1], ...beside], lower: -Infinity, upper: 0 });
    }
    rows.push({
      name: `floor_${k}`,
      terms: [...load.filter(([v]) => v !== open), [open, (p.areas[k]?.demand ?? 0) - p.floor]],
      lower: 0,
      upper: Infinity,
    });
    rows.push({
      name: `ceiling_${k}`,
      terms: [...load.filter(([v]) => v !== open), [open, (p.areas[k]?.demand ?? 0) - p.ceiling]],
      lower: -Infinity,
      upper: 0,
    });
    const arcs: [number, number, number][] = [];
    for (const i of members) {
      for (const j of p.neighbours[i] ?? []) {
        if (j === k || !mayJoin(p, j, k, lowestRoot)) continue;
        const f = add({ name: `f_${k}_${i}_${j}`, lower: 0, upper: bigM, integer: false, cost: 0 });
        arcs.push([i, j, f]);
        // Flow runs only between members of the zone: none unless both ends of the arc join it.
        for (const [end, area] of [
          ['fromcap', i],
          ['tocap', j],
        ] as const)
          rows.push({
            name: `${end}_${k}_${i}_${j}`,
            terms: [
              [f, 1],
              [x.get(key(area, k)) as number, -bigM],
            ],
            lower: -Infinity,
            upper: 0,
          });
      }
    }
    flows.set(k, arcs);
    for (const j of members) {
      if (j === k) continue;
      const terms: [number, number][] = [];
      for (const [_from, to, f] of arcs) if (to === j) terms.push([f, 1]);
      for (const [from, , f] of arcs) if (from === j) terms.push([f, -1]);
      terms.push([x.get(key(j, k)) as number, -1]);
      rows.push({ name: `flow_${k}_${j}`, terms, lower: 0, upper: 0 });
    }
  }
  return { variables, rows, x, flows, centreTerms };
}

/** A heuristic map as a start plan: each zone on its medoid (or lowest area), flows along a breadth-first tree. */
function startValues(p: ZoneProblem, f: Formulation, assignment: Assignment, lowestRoot: boolean): number[] {
  const values = f.variables.map(() => 0);
  for (const members of zoneMembers(assignment)) {
    const centre = lowestRoot ? Math.min(...members) : zoneCost(p, members).centre;
    const inside = new Set(members);
    for (const i of members) values[f.x.get(key(i, centre)) ?? -1] = 1;
    const parent = new Map<number, number>([[centre, -1]]);
    const order = [centre];
    for (let q = 0; q < order.length; q++)
      for (const j of p.neighbours[order[q] as number] ?? [])
        if (inside.has(j) && !parent.has(j)) [parent.set(j, order[q] as number), order.push(j)];
    const below = new Map<number, number>(members.map((i) => [i, 1]));
    const arcs = new Map((f.flows.get(centre) ?? []).map(([i, j, v]) => [key(i, j), v]));
    for (const j of [...order].reverse()) {
      const up = parent.get(j) ?? -1;
      if (up < 0) continue;
      values[arcs.get(key(up, j)) ?? -1] = below.get(j) ?? 0;
      below.set(up, (below.get(up) ?? 0) + (below.get(j) ?? 0));
    }
  }
  return values;
}

export interface ExactSettings {
  readonly backend: SolverBackend;
  /** Seconds for each solve (max-p solves twice). */
  readonly timeLimit: number;
  /** A feasible map to start from (a heuristic's), when there is one. */
  readonly start: Assignment | null;
}

export type ExactOutcome =
  | {
      readonly status: 'optimal' | 'feasible';
      readonly assignment: Assignment;
      readonly cost: number;
      /** Relative gap of the cost, among maps with this many zones (0: proven). */
      readonly gap: number;
      /** Max-p: relative gap of the zone count (0: no map has more zones; NaN: not bounded in time). 0 with --count. */
      readonly countGap: number;
      readonly seconds: number;
    }
  | { readonly status: 'infeasible'; readonly seconds: number }
  | { readonly status: 'error'; readonly message: string; readonly seconds: number };

function decode(p: ZoneProblem, f: Formulation, values: readonly number[]): Assignment {
  const centreOf = p.areas.map((_, i) =>
    p.areas.findIndex((_, k) => (values[f.x.get(key(i, k)) ?? -1] ?? 0) > 0.5),
  );
  const renumber = new Map<number, number>();
  return centreOf.map((c) => {
    if (!renumber.has(c)) renumber.set(c, renumber.size);
    return renumber.get(c) as number;
  });
}

const gapOptions = { relativeGap: 1e-6, decides: 'zones' } as const;

/** Solve exactly: for max-p, the most zones first, then the most compact map with that many. */
/**
 * Solve exactly: for max-p, the most zones first, then the most compact map
 * with that many. When the first solve finds no plan in time but a start map
 * was given, its zone count is used, unproven (status `feasible`).
 */
export async function exactMap(p: ZoneProblem, settings: ExactSettings): Promise<ExactOutcome> {
  let count = p.count;
  let seconds = 0;
  let firstGap = 0;
  if (count === null) {
    const rooted = formulate(p, true);
    const centres = new Set(rooted.centreTerms.map(([v]) => v));
    const most: Program = {
      sense: 'max',
      variables: rooted.variables.map((v, i) => ({ ...v, cost: centres.has(i) ? 1 : 0 })),
      rows: rooted.rows,
    };
    const start = settings.start === null ? undefined : startValues(p, rooted, settings.start, true);
    const first = await settings.backend.solve(most, {
      timeLimit: settings.timeLimit,
      ...gapOptions,
      ...(start === undefined ? {} : { start }),
    });
    seconds += first.seconds;
    if (first.status === 'infeasible') return { ...first, seconds };
    if (first.status === 'error' && settings.start === null) return { ...first, seconds };
    count =
      first.status === 'error' ? new Set(settings.start).size : new Set(decode(p, rooted, first.values)).size;
    if (first.status !== 'optimal') firstGap = first.status === 'feasible' ? first.gap : NaN;
  }
  const f = formulate(p, false);
  const start =
    settings.start === null || new Set(settings.start).size !== count
      ? undefined
      : startValues(p, f, settings.start, false);
  const fixed: Program = {
    sense: 'min',
    variables: f.variables,
    rows: [...f.rows, { name: 'count', terms: f.centreTerms, lower: count, upper: count }],
  };
  const second = await settings.backend.solve(fixed, {
    timeLimit: settings.timeLimit,
    ...gapOptions,
    ...(start === undefined ? {} : { start }),
  });
  seconds += second.seconds;
  if (second.status === 'infeasible' || second.status === 'error') return { ...second, seconds };
  const proven = second.status === 'optimal' && firstGap === 0;
  return {
    status: proven ? 'optimal' : 'feasible',
    assignment: decode(p, f, second.values),
    cost: second.objective,
    gap: second.gap,
    countGap: firstGap,
    seconds,
  };
}
