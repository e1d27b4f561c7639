/**
 * Re-split pairs of neighbouring zones: take two zones that touch, try every
 * way of cutting their union into two connected zones within the floor and
 * the ceiling, and keep the cheapest if it beats the pair as it was. A move
 * of many areas at once, which single-area moves cannot make when every zone
 * sits just above the floor. Unions of more than `maxUnion` areas are left
 * alone (the cuts number 2^(areas − 1)).
 */
import { isConnected, zoneCost, zoneMembers, type Assignment, type ZoneProblem } from './problem.js';
import { ascending } from '../model/order.js';

/** @defaultValue 14: at most 8,192 cuts per pair. */
const maxUnion = 14;

function bestCut(
  p: ZoneProblem,
  union: readonly number[],
  floor: number,
  ceiling: number,
): { a: number[]; b: number[]; cost: number } | null {
  const [first, ...rest] = union;
  if (first === undefined) return null;
  let best: { a: number[]; b: number[]; cost: number } | null = null;
  for (let mask = 0; mask < 1 << rest.length; mask++) {
    const a = [first];
    const b: number[] = [];
    for (const [k, i] of rest.entries()) ((mask >> k) & 1 ? a : b).push(i);
    if (b.length === 0) continue;
    const da = a.reduce((t, i) => t + (p.areas[i]?.demand ?? 0), 0);
    const db = b.reduce((t, i) => t + (p.areas[i]?.demand ?? 0), 0);
    if (da < floor || db < floor || da > ceiling || db > ceiling || !isConnected(p, a) || !isConnected(p, b))
      continue;
    const cost = zoneCost(p, a).cost + zoneCost(p, b).cost;
    if (best === null || cost < best.cost) best = { a, b, cost };
  }
  return best;
}

/** Re-split neighbouring pairs, pass after pass, until a pass improves none. */
export function resplitPairs(p: ZoneProblem, start: Assignment): Assignment {
  const zone = [...start];
  const zones = zoneMembers(zone);
  const costs = zones.map((m) => zoneCost(p, m).cost);
  for (let improved = true; improved; ) {
    improved = false;
    for (let a = 0; a < zones.length; a++) {
      const touching = new Set<number>();
      for (const i of zones[a] ?? [])
        for (const j of p.neighbours[i] ?? [])
          if ((zone[j] ?? a) > a && p.areas[j]?.parent === p.areas[i]?.parent) touching.add(zone[j] ?? a);
      for (const b of [...touching].sort(ascending)) {
        const union = [...(zones[a] ?? []), ...(zones[b] ?? [])].sort(ascending);
        if (union.length > maxUnion) continue;
        const cut = bestCut(p, union, p.floor, p.ceiling);
        if (cut === null || cut.cost >= (costs[a] ?? 0) + (costs[b] ?? 0) - 1e-9) continue;
        for (const i of cut.a) zone[i] = a;
        for (const i of cut.b) zone[i] = b;
        [zones[a], zones[b]] = [cut.a, cut.b];
        [costs[a], costs[b]] = [zoneCost(p, cut.a).cost, zoneCost(p, cut.b).cost];
        improved = true;
      }
    }
  }
  return zone;
}
