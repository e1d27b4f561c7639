/**
 * The exact program against brute force: on tiny random maps, every
 * partition of the areas is enumerated and checked by the rules; the exact
 * optimum must equal the cheapest one found, the heuristic may not beat it,
 * and when no partition keeps the rules the design must say so.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { designZones } from '../../src/zones/design.js';
import { exactMap } from '../../src/zones/exact.js';
import type { ZoneProblem } from '../../src/zones/problem.js';
import { close } from '../helpers/run.js';
import { componentsOf, problemOf, problemShape } from './random-problem.js';

/** Every set partition of 0..n-1 as restricted growth strings. */
function* partitions(n: number): Generator<number[]> {
  const a = new Array<number>(n).fill(0);
  function* rec(i: number, max: number): Generator<number[]> {
    if (i === n) {
      yield [...a];
      return;
    }
    for (let z = 0; z <= max + 1; z++) {
      a[i] = z;
      yield* rec(i + 1, Math.max(max, z));
    }
  }
  if (n > 0) yield* rec(1, 0);
}

/** Cost written out here: each zone's best centre area, demand × straight-line distance. */
function bruteForce(p: ZoneProblem): { zones: number; cost: number } | null {
  let best: { zones: number; cost: number } | null = null;
  for (const assignment of partitions(p.areas.length)) {
    const zones = new Map<number, number[]>();
    for (const [i, z] of assignment.entries()) zones.set(z, [...(zones.get(z) ?? []), i]);
    if (p.count !== null && zones.size !== p.count) continue;
    let cost = 0;
    let ok = true;
    for (const members of zones.values()) {
      const demand = members.reduce((t, i) => t + (p.areas[i]?.demand ?? 0), 0);
      if (
        demand < p.floor ||
        demand > p.ceiling ||
        componentsOf(p, members) !== 1 ||
        new Set(members.map((i) => p.areas[i]?.parent)).size > 1
      ) {
        ok = false;
        break;
      }
      cost += Math.min(
        ...members.map((c) =>
          members.reduce(
            (t, i) =>
              t +
              (p.areas[i]?.demand ?? 0) *
                Math.hypot(
                  (p.areas[i]?.x ?? 0) - (p.areas[c]?.x ?? 0),
                  (p.areas[i]?.y ?? 0) - (p.areas[c]?.y ?? 0),
                ),
            0,
          ),
        ),
      );
    }
    if (!ok) continue;
    if (best === null || zones.size > best.zones || (zones.size === best.zones && cost < best.cost))
      best = { zones: zones.size, cost };
  }
  return best;
}

describe('exact zone design', () => {
  it('equals brute force on tiny maps (max-p and fixed counts, with and without parents)', async () => {
    let compared = 0;
    let none = 0;
    await fc.assert(
      fc.asyncProperty(problemShape(2, 7), async (shape) => {
        const p = problemOf(shape);
        const truth = bruteForce(p);
        const exact = await exactMap(p, { backend: highsBackend, timeLimit: 30, start: null });
        if (truth === null) {
          none++;
          expect(exact.status).toBe('infeasible');
          const designed = await designZones(p, {
            seed: 1,
            alternatives: 1,
            method: 'auto',
            exactAreaLimit: 30,
            timeLimit: 30,
            backend: highsBackend,
            within: null,
            ceilingGiven: true,
          });
          expect(designed.kind).toBe('impossible');
          return;
        }
        compared++;
        expect(exact.status).toBe('optimal');
        if (exact.status !== 'optimal') return;
        expect(new Set(exact.assignment).size).toBe(truth.zones);
        expect(close(exact.cost, truth.cost)).toBe(true);
        const heuristic = await designZones(p, {
          seed: 1,
          alternatives: 1,
          method: 'heuristic',
          exactAreaLimit: 0,
          timeLimit: 30,
          backend: highsBackend,
          within: null,
          ceilingGiven: true,
        });
        if (heuristic.kind === 'designed')
          expect(heuristic.proposals[0]?.cost ?? 0).toBeGreaterThanOrEqual(truth.cost - 1e-6);
      }),
      { numRuns: 60, seed: 3 },
    );
    expect(compared).toBeGreaterThan(20);
    expect(none).toBeGreaterThan(3);
  });
});
