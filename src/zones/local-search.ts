/**
 * Local search phase of the heuristic: move one boundary area at a time to a
 * neighbouring zone when that lowers the map's cost and keeps every rule (the
 * zone it leaves stays connected and above the floor, the zone it joins stays
 * under the ceiling and in the same parent). Areas are tried in index order
 * and the best move for each is taken, so the result depends only on the
 * start map.
 */
import { isConnected, zoneCost, zoneMembers, type Assignment, type ZoneProblem } from './problem.js';
import { ascending } from '../model/order.js';

/** Moves smaller than this (hour-km) are noise, not improvements. */
const epsilon = 1e-9;

export interface LocalSearchSettings {
  /** Passes over every area; the search stops earlier when a pass moves nothing. @defaultValue 50 */
  readonly maxPasses: number;
}

export const defaultLocalSearch: LocalSearchSettings = { maxPasses: 50 };

interface Move {
  readonly to: number;
  readonly gain: number;
  readonly fromCost: number;
  readonly toCost: number;
}

/** The best improving move of area i, or null. */
function bestMove(
  p: ZoneProblem,
  i: number,
  zone: readonly number[],
  members: readonly (readonly number[])[],
  costs: readonly number[],
  demands: readonly number[],
): Move | null {
  const from = zone[i] ?? 0;
  const d = p.areas[i]?.demand ?? 0;
  const fromMembers = members[from] ?? [];
  if (fromMembers.length <= 1 || (demands[from] ?? 0) - d < p.floor) return null;
  const targets = new Set<number>();
  for (const j of p.neighbours[i] ?? [])
    if (zone[j] !== from && p.areas[j]?.parent === p.areas[i]?.parent) targets.add(zone[j] ?? 0);
  if (targets.size === 0) return null;
  const rest = fromMembers.filter((m) => m !== i);
  if (!isConnected(p, rest)) return null;
  const fromCost = zoneCost(p, rest).cost;
  let best: Move | null = null;
  for (const to of [...targets].sort(ascending)) {
    if ((demands[to] ?? 0) + d > p.ceiling) continue;
    const toCost = zoneCost(p, [...(members[to] ?? []), i]).cost;
    const gain = (costs[from] ?? 0) + (costs[to] ?? 0) - fromCost - toCost;
    if (gain > epsilon && (best === null || gain > best.gain)) best = { to, gain, fromCost, toCost };
  }
  return best;
}

/** Improve a map by single-area moves until none helps (or the passes run out). */
export function improveMap(
  p: ZoneProblem,
  start: Assignment,
  settings: LocalSearchSettings = defaultLocalSearch,
): Assignment {
  const zone = [...start];
  const members = zoneMembers(zone);
  const costs = members.map((m) => zoneCost(p, m).cost);
  const demands = members.map((m) => m.reduce((t, i) => t + (p.areas[i]?.demand ?? 0), 0));
  for (let pass = 0; pass < settings.maxPasses; pass++) {
    let moved = false;
    for (let i = 0; i < zone.length; i++) {
      const move = bestMove(p, i, zone, members, costs, demands);
      if (move === null) continue;
      const from = zone[i] ?? 0;
      const d = p.areas[i]?.demand ?? 0;
      members[from] = (members[from] ?? []).filter((m) => m !== i);
      members[move.to] = [...(members[move.to] ?? []), i];
      costs[from] = move.fromCost;
      costs[move.to] = move.toCost;
      demands[from] = (demands[from] ?? 0) - d;
      demands[move.to] = (demands[move.to] ?? 0) + d;
      zone[i] = move.to;
      moved = true;
    }
    if (!moved) break;
  }
  return zone;
}
