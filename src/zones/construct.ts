/**
 * Construction phase of the heuristic, as in max-p regions (Duque, Anselin
 * and Rey 2012): grow zones one at a time from areas taken in a random
 * (seeded) order, each by one of the two neighbours nearest its seed, until it reaches
 * the floor; areas left in a region that cannot reach the floor become
 * enclaves and join a neighbouring zone afterwards. With a fixed count, zones
 * are then merged, least compactness lost first, down to the count.
 */
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { distanceKm, zoneCost, zoneMembers, type Assignment, type ZoneProblem } from './problem.js';
import { ascending } from '../model/order.js';

const unassigned = -1;

/** A seeded shuffle (Fisher-Yates) of 0..n-1. */
function shuffledIndexes(n: number, rng: RandomGenerator): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

const sameParent = (p: ZoneProblem, i: number, j: number) => p.areas[i]?.parent === p.areas[j]?.parent;
const demandOf = (p: ZoneProblem, i: number) => p.areas[i]?.demand ?? 0;

/**
 * Grow one region from `seed` through unassigned neighbours until it reaches
 * the floor, taking at each step one of the two candidates nearest the seed
 * (by a coin), so that constructions differ in shape as well as in seeds.
 */
function growRegion(
  p: ZoneProblem,
  seed: number,
  zone: readonly number[],
  rng: RandomGenerator,
): { members: number[]; demand: number } {
  const members = [seed];
  const inRegion = new Set(members);
  let demand = demandOf(p, seed);
  const origin = p.areas[seed];
  while (demand < p.floor && origin !== undefined) {
    const candidates = new Map<number, number>();
    for (const m of members) {
      for (const j of p.neighbours[m] ?? []) {
        const a = p.areas[j];
        if (a === undefined || zone[j] !== unassigned || inRegion.has(j) || !sameParent(p, seed, j)) continue;
        candidates.set(j, distanceKm(a, origin));
      }
    }
    const nearest = [...candidates].sort(([i, d], [j, e]) => d - e || i - j).slice(0, 2);
    const pick = nearest.length === 2 && uniformInt(rng, 0, 1) === 1 ? nearest[1] : nearest[0];
    if (pick === undefined) break;
    members.push(pick[0]);
    inRegion.add(pick[0]);
    demand += demandOf(p, pick[0]);
  }
  return { members, demand };
}

/** Enclaves join the neighbouring zone whose centre is nearest, within the ceiling; false if one cannot. */
function placeEnclaves(p: ZoneProblem, zone: number[], zoneDemands: number[]): boolean {
  const centres = zoneMembers(zone.map((z) => (z === unassigned ? zoneDemands.length : z)))
    .slice(0, zoneDemands.length)
    .map((m) => zoneCost(p, m).centre);
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < zone.length; i++) {
      if (zone[i] !== unassigned) continue;
      let best = -1;
      let bestDistance = Infinity;
      for (const j of p.neighbours[i] ?? []) {
        const z = zone[j] ?? unassigned;
        if (z === unassigned || !sameParent(p, i, j) || (zoneDemands[z] ?? 0) + demandOf(p, i) > p.ceiling)
          continue;
        const a = p.areas[i];
        const c = p.areas[centres[z] ?? -1];
        const d = a === undefined || c === undefined ? Infinity : distanceKm(a, c);
        if (d < bestDistance || (d === bestDistance && z < best)) [best, bestDistance] = [z, d];
      }
      if (best >= 0) {
        zone[i] = best;
        zoneDemands[best] = (zoneDemands[best] ?? 0) + demandOf(p, i);
        changed = true;
      }
    }
  }
  return zone.every((z) => z !== unassigned);
}

/** One max-p construction: a full assignment, or null when enclaves could not be placed. */
export function constructMap(p: ZoneProblem, rng: RandomGenerator): Assignment | null {
  const zone: number[] = p.areas.map(() => unassigned);
  const tried = new Set<number>();
  const zoneDemands: number[] = [];
  for (const seed of shuffledIndexes(p.areas.length, rng)) {
    if (zone[seed] !== unassigned || tried.has(seed)) continue;
    const region = growRegion(p, seed, zone, rng);
    if (region.demand >= p.floor && region.demand <= p.ceiling) {
      for (const m of region.members) zone[m] = zoneDemands.length;
      zoneDemands.push(region.demand);
    } else for (const m of region.members) tried.add(m);
  }
  if (zoneDemands.length === 0 || !placeEnclaves(p, zone, zoneDemands)) return null;
  return zone;
}

/** Merge adjacent zones (same parent, within the ceiling), least cost added first, down to `count`; null if stuck. */
export function mergeDown(p: ZoneProblem, assignment: Assignment, count: number): Assignment | null {
  let zones = zoneMembers(assignment);
  while (zones.length > count) {
    const zoneOf = new Map<number, number>();
    for (const [z, m] of zones.entries()) for (const i of m) zoneOf.set(i, z);
    const costs = zones.map((m) => zoneCost(p, m).cost);
    let best: { a: number; b: number; added: number } | null = null;
    for (let a = 0; a < zones.length; a++) {
      const adjacent = new Set<number>();
      for (const i of zones[a] ?? [])
        for (const j of p.neighbours[i] ?? []) if (sameParent(p, i, j)) adjacent.add(zoneOf.get(j) ?? a);
      for (const b of [...adjacent].filter((b) => b > a).sort(ascending)) {
        const merged = [...(zones[a] ?? []), ...(zones[b] ?? [])];
        if (merged.reduce((t, i) => t + demandOf(p, i), 0) > p.ceiling) continue;
        const added = zoneCost(p, merged).cost - (costs[a] ?? 0) - (costs[b] ?? 0);
        if (best === null || added < best.added) best = { a, b, added };
      }
    }
    if (best === null) return null;
    const { a, b } = best;
    zones = [...zones.filter((_, z) => z !== a && z !== b), [...(zones[a] ?? []), ...(zones[b] ?? [])]];
  }
  const out: number[] = assignment.map(() => 0);
  for (const [z, m] of zones.entries()) for (const i of m) out[i] = z;
  return out;
}
