/**
 * Laws of zone design on random maps: every proposal covers each area
 * exactly once, every zone is connected under the neighbour rule and lies
 * between the floor and the ceiling, no zone crosses a --within parent, a
 * fixed count is met, and the same seed gives the same map.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { designZones, type DesignSettings } from '../../src/zones/design.js';
import type { ZoneProblem } from '../../src/zones/problem.js';
import { componentsOf, problemOf, problemShape } from './random-problem.js';

const settings: DesignSettings = {
  seed: 7,
  alternatives: 3,
  method: 'heuristic',
  exactAreaLimit: 0,
  timeLimit: 30,
  backend: highsBackend,
  within: null,
  ceilingGiven: true,
};

function brokenRules(p: ZoneProblem, assignment: readonly number[]): string[] {
  const out: string[] = [];
  if (assignment.length !== p.areas.length) out.push('not every area has exactly one zone');
  const zones = new Map<number, number[]>();
  for (const [i, z] of assignment.entries()) zones.set(z, [...(zones.get(z) ?? []), i]);
  if (p.count !== null && zones.size !== p.count) out.push(`${zones.size} zones, asked for ${p.count}`);
  for (const [z, members] of zones) {
    const demand = members.reduce((t, i) => t + (p.areas[i]?.demand ?? 0), 0);
    if (demand < p.floor - 1e-6) out.push(`zone ${z} below the floor`);
    if (demand > p.ceiling + 1e-6) out.push(`zone ${z} above the ceiling`);
    if (componentsOf(p, members) !== 1) out.push(`zone ${z} not connected`);
    if (new Set(members.map((i) => p.areas[i]?.parent)).size !== 1) out.push(`zone ${z} crosses a parent`);
  }
  return out;
}

describe('zone design (heuristic) on random maps', () => {
  it('keeps every rule in every proposal, and the same seed gives the same maps', async () => {
    let designed = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(problemShape(3, 24), async (shape) => {
        const p = problemOf(shape);
        const first = await designZones(p, settings);
        runs++;
        if (first.kind !== 'designed') return;
        designed++;
        expect(first.proposals.length).toBeGreaterThan(0);
        for (const proposal of first.proposals) expect(brokenRules(p, proposal.assignment)).toEqual([]);
        const again = await designZones(p, settings);
        expect(again).toEqual(first);
      }),
      { numRuns: 120, seed: 14 },
    );
    expect(runs).toBe(120);
    // The generator must give mostly solvable maps, or this law would check little.
    expect(designed).toBeGreaterThan(50);
  });

  it('does not change the problem it is given', async () => {
    const p = problemOf({
      points: [
        { x: 0, y: 0, demand: 10 },
        { x: 1, y: 0, demand: 20 },
        { x: 0, y: 1, demand: 30 },
        { x: 1, y: 1, demand: 40 },
      ],
      floorShare: 0.3,
      withParents: false,
      count: null,
    });
    const before = JSON.stringify(p);
    await designZones(p, settings);
    expect(JSON.stringify(p)).toBe(before);
  });
});
