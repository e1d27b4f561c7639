/**
 * Small random zone-design problems for property tests: areas scattered on a
 * plane with random demand, neighbours from the documented centroid rule,
 * optionally split into two parents (west and east), a floor drawn as a share
 * of the total and sometimes a zone count.
 */
import fc from 'fast-check';
import { delaunayNeighbours } from '../../src/zones/neighbours.js';
import type { ZoneProblem } from '../../src/zones/problem.js';

export interface ProblemShape {
  readonly points: readonly { x: number; y: number; demand: number }[];
  readonly floorShare: number;
  readonly withParents: boolean;
  readonly count: number | null;
}

export const problemShape = (minAreas: number, maxAreas: number): fc.Arbitrary<ProblemShape> =>
  fc.record({
    points: fc.uniqueArray(
      fc.record({
        x: fc.integer({ min: 0, max: 40 }),
        y: fc.integer({ min: 0, max: 40 }),
        demand: fc.integer({ min: 0, max: 500 }),
      }),
      { minLength: minAreas, maxLength: maxAreas, selector: (p) => `${p.x},${p.y}` },
    ),
    floorShare: fc.double({ min: 0.05, max: 0.6, noNaN: true }),
    withParents: fc.boolean(),
    count: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  });

export function problemOf(shape: ProblemShape): ZoneProblem {
  const total = shape.points.reduce((t, p) => t + p.demand, 0);
  const xs = shape.points.map((p) => p.x).sort((a, b) => a - b);
  const middle = xs[Math.floor(xs.length / 2)] ?? 0;
  const floor = Math.round(total * shape.floorShare);
  const most = Math.max(1, shape.count ?? (floor > 0 ? Math.floor(total / floor) : shape.points.length));
  return {
    areas: shape.points.map((p, i) => ({
      id: `A${String(i).padStart(2, '0')}`,
      x: p.x,
      y: p.y,
      demand: p.demand,
      parent: shape.withParents ? (p.x < middle ? 'W' : 'E') : null,
    })),
    neighbours: delaunayNeighbours(shape.points.map((p) => [p.x, p.y])),
    floor,
    ceiling: Math.max(2 * (total / most), ...shape.points.map((p) => p.demand)),
    count: shape.count,
  };
}

/** Connected pieces of `members` in the problem's graph, by a walk written here (not the library's). */
export function componentsOf(p: ZoneProblem, members: readonly number[]): number {
  const left = new Set(members);
  let pieces = 0;
  while (left.size > 0) {
    pieces++;
    const queue = [left.values().next().value as number];
    left.delete(queue[0] as number);
    while (queue.length > 0) {
      const i = queue.shift() as number;
      for (const j of p.neighbours[i] ?? []) if (left.delete(j)) queue.push(j);
    }
  }
  return pieces;
}
