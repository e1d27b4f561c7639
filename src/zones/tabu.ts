/**
 * Tabu search, the improvement phase of max-p regions (Duque, Anselin and Rey
 * 2012): from a local optimum, keep taking the best single-area move that
 * keeps every rule, even one that makes the map worse, but never move an area
 * back into a zone it left in the last `tenure` steps (unless that gives the
 * best map yet). Stops after `patience` steps without a new best; returns the
 * best map seen. Moves are re-evaluated only for areas whose own zone or a
 * neighbouring zone changed, so a step costs about one zone's worth of work.
 */
import { isConnected, zoneCost, zoneMembers, type Assignment, type ZoneProblem } from './problem.js';
import { ascending } from '../model/order.js';

export interface TabuSettings {
  /** Steps an area may not return to a zone it left. null: 2√n, between 5 and 50. @defaultValue null */
  readonly tenure: number | null;
  /** Steps without a new best before stopping. null: n, between 50 and 400. @defaultValue null */
  readonly patience: number | null;
}

export const defaultTabu: TabuSettings = { tenure: null, patience: null };

interface Candidate {
  readonly to: number;
  /** Cost after minus before (negative is better). */
  readonly delta: number;
  readonly fromCost: number;
  readonly toCost: number;
}

interface State {
  readonly zone: number[];
  readonly members: number[][];
  readonly costs: number[];
  readonly demands: number[];
  readonly version: number[];
}

/** Every rule-keeping move of area i, with the versions of the zones it depends on. */
function movesOf(p: ZoneProblem, s: State, i: number): { moves: Candidate[]; seen: Map<number, number> } {
  const from = s.zone[i] ?? 0;
  const seen = new Map<number, number>([[from, s.version[from] ?? 0]]);
  const targets = new Set<number>();
  for (const j of p.neighbours[i] ?? []) {
    const z = s.zone[j] ?? 0;
    seen.set(z, s.version[z] ?? 0);
    if (z !== from && p.areas[j]?.parent === p.areas[i]?.parent) targets.add(z);
  }
  const d = p.areas[i]?.demand ?? 0;
  const rest = (s.members[from] ?? []).filter((m) => m !== i);
  if (
    targets.size === 0 ||
    rest.length === 0 ||
    (s.demands[from] ?? 0) - d < p.floor ||
    !isConnected(p, rest)
  )
    return { moves: [], seen };
  const fromCost = zoneCost(p, rest).cost;
  const moves: Candidate[] = [];
  for (const to of [...targets].sort(ascending)) {
    if ((s.demands[to] ?? 0) + d > p.ceiling) continue;
    const toCost = zoneCost(p, [...(s.members[to] ?? []), i]).cost;
    moves.push({
      to,
      delta: fromCost + toCost - (s.costs[from] ?? 0) - (s.costs[to] ?? 0),
      fromCost,
      toCost,
    });
  }
  return { moves, seen };
}

function apply(p: ZoneProblem, s: State, i: number, m: Candidate): void {
  const from = s.zone[i] ?? 0;
  const d = p.areas[i]?.demand ?? 0;
  s.members[from] = (s.members[from] ?? []).filter((x) => x !== i);
  s.members[m.to] = [...(s.members[m.to] ?? []), i];
  s.costs[from] = m.fromCost;
  s.costs[m.to] = m.toCost;
  s.demands[from] = (s.demands[from] ?? 0) - d;
  s.demands[m.to] = (s.demands[m.to] ?? 0) + d;
  s.version[from] = (s.version[from] ?? 0) + 1;
  s.version[m.to] = (s.version[m.to] ?? 0) + 1;
  s.zone[i] = m.to;
}

export function tabuSearch(
  p: ZoneProblem,
  start: Assignment,
  settings: TabuSettings = defaultTabu,
): Assignment {
  const n = p.areas.length;
  const tenure = settings.tenure ?? Math.min(50, Math.max(5, Math.round(2 * Math.sqrt(n))));
  const patience = settings.patience ?? Math.min(400, Math.max(50, n));
  const members = zoneMembers(start);
  const s: State = {
    zone: [...start],
    members,
    costs: members.map((m) => zoneCost(p, m).cost),
    demands: members.map((m) => m.reduce((t, i) => t + (p.areas[i]?.demand ?? 0), 0)),
    version: members.map(() => 0),
  };
  const cache: ({ moves: Candidate[]; seen: Map<number, number> } | undefined)[] = [];
  const tabuUntil = new Map<string, number>();
  let current = s.costs.reduce((t, c) => t + c, 0);
  let best = { cost: current, zone: [...s.zone] };
  for (let step = 0, idle = 0; idle < patience; step++, idle++) {
    let chosen: { i: number; move: Candidate } | null = null;
    for (let i = 0; i < n; i++) {
      const cached = cache[i];
      const fresh =
        cached !== undefined &&
        [...cached.seen].every(([z, v]) => s.version[z] === v) &&
        (p.neighbours[i] ?? []).every((j) => cached.seen.has(s.zone[j] ?? 0));
      const entry = fresh ? cached : movesOf(p, s, i);
      cache[i] = entry;
      for (const move of entry.moves) {
        const allowed =
          (tabuUntil.get(`${i}:${move.to}`) ?? -1) < step || current + move.delta < best.cost - 1e-9;
        if (allowed && (chosen === null || move.delta < chosen.move.delta)) chosen = { i, move };
      }
    }
    if (chosen === null) break;
    tabuUntil.set(`${chosen.i}:${s.zone[chosen.i] ?? 0}`, step + tenure);
    apply(p, s, chosen.i, chosen.move);
    current += chosen.move.delta;
    if (current < best.cost - 1e-9) [best, idle] = [{ cost: current, zone: [...s.zone] }, -1];
  }
  return best.zone;
}
