/**
 * Impossible requests are turned down before any search, each with a message
 * that says which rule and why.
 */
import { describe, expect, it } from 'vitest';
import { impossibleRequest } from '../../src/zones/impossible.js';
import type { ZoneProblem } from '../../src/zones/problem.js';

/** A line of four areas A-B-C-D (demand 100 each) and a fifth, E, with no neighbour. */
function line(
  over: Partial<ZoneProblem> = {},
  parents: readonly (string | null)[] = [null, null, null, null, null],
): ZoneProblem {
  const demand = [100, 100, 100, 100, 100];
  return {
    areas: ['A', 'B', 'C', 'D', 'E'].map((id, i) => ({
      id,
      x: i,
      y: 0,
      demand: demand[i] ?? 0,
      parent: parents[i] ?? null,
    })),
    neighbours: [[1], [0, 2], [1, 3], [2], []],
    floor: 100,
    ceiling: 1000,
    count: null,
    ...over,
  };
}

/** --max-hours given, no --within. */
const given = { within: null, ceilingGiven: true };

describe('impossible requests', () => {
  it('more zones than areas', () => {
    expect(impossibleRequest(line({ count: 6 }), given)).toMatch(
      /--count 6 asks for more zones than there are areas \(5\)/,
    );
  });
  it('a floor above the total demand', () => {
    expect(impossibleRequest(line({ floor: 600 }), given)).toMatch(
      /floor of 600 h\/week is above the total design demand of 500 h\/week/,
    );
  });
  it('a floor above the ceiling', () => {
    expect(impossibleRequest(line({ floor: 300, ceiling: 200 }), given)).toMatch(
      /floor of 300 h\/week is above the ceiling of 200/,
    );
  });
  it('a disconnected part below the floor', () => {
    expect(impossibleRequest(line({ floor: 150 }), given)).toMatch(
      /area E is not connected to the rest of the county .* and carries only 100 h\/week, below the floor of 150/,
    );
  });
  it('a parent zone below the floor', () => {
    const p = line({ floor: 150, neighbours: [[1], [0, 2], [1, 3], [2, 4], [3]] }, ['P', 'P', 'Q', 'Q', 'R']);
    expect(impossibleRequest(p, { within: 'districts', ceilingGiven: true })).toMatch(
      /--within districts: 1 parent zone carries less than the floor of 150 h\/week \(R 100 h\/week\)/,
    );
  });
  // A parent zone or island with no demand stays below any floor: "lower --min-hours" was advice that could not help.
  it('a parent zone or a part with no demand: no advice to lower --min-hours', () => {
    const empty = (p: ZoneProblem) => ({
      ...p,
      areas: p.areas.map((a) => (a.id === 'E' ? { ...a, demand: 0 } : a)),
    });
    const parents = line({ floor: 100, neighbours: [[1], [0, 2], [1, 3], [2, 4], [3]] }, [
      'P',
      'P',
      'Q',
      'Q',
      'R',
    ]);
    expect(impossibleRequest(empty(parents), { within: 'districts', ceilingGiven: true })).toBe(
      '--within districts: 1 parent zone carries less than the floor of 100 h/week (R 0 h/week), and a zone may not cross it: choose a coarser --within zoning (a zone with no demand is no lot to tender)',
    );
    expect(impossibleRequest(empty(line()), given)).toBe(
      'area E is not connected to the rest of the county (no neighbour link) and carries only 0 h/week, below the floor of 100 h/week: no zone can hold them; add boundaries that join them (a zone with no demand is no lot to tender)',
    );
  });
  it('parent zones below the floor are listed by id (code point), not in the order of their areas', () => {
    const p = line({ floor: 150, neighbours: [[1], [0, 2], [1, 3], [2, 4], [3]] }, ['r', 'Q', 'Q', 'P', 'S']);
    // The areas give r, P, S; the locale's order would put r before S.
    expect(impossibleRequest(p, { within: 'districts', ceilingGiven: true })).toMatch(
      /3 parent zones carry less than the floor of 150 h\/week \(P 100 h\/week, S 100 h\/week, r 100 h\/week\)/,
    );
  });
  it('a count the floor cannot reach', () => {
    expect(
      impossibleRequest(
        line({ floor: 200, count: 3, neighbours: [[1], [0, 2], [1, 3], [2, 4], [3]] }),
        given,
      ),
    ).toMatch(/at most 2 zones can each reach the floor of 200/);
  });
  // A zone needs an area with demand: ⌊demand / floor⌋ overcounted a piece of few areas (explore12).
  it('a count the areas with demand cannot reach', () => {
    const p = line({ floor: 50, count: 5, neighbours: [[1], [0, 2], [1, 3], [2, 4], [3]] });
    const zeroes = {
      ...p,
      areas: p.areas.map((a) => (a.id === 'B' || a.id === 'C' ? { ...a, demand: 0 } : a)),
    };
    // The areas with demand, not the floor, are too few: a lower --min-hours would not help.
    expect(impossibleRequest(zeroes, given)).toMatch(
      /--count 5 asks for more zones than there are areas with demand \(3 of 5\): a zone with no demand is no lot to tender; give at most 3/,
    );
  });
  it('a count too small for the ceiling', () => {
    expect(
      impossibleRequest(
        line({ ceiling: 200, count: 2, neighbours: [[1], [0, 2], [1, 3], [2, 4], [3]] }),
        given,
      ),
    ).toMatch(/2 zones cannot hold 500 h\/week under the ceiling of 200 h\/week each \(3 are needed\)/);
  });
  it('an area above the ceiling', () => {
    expect(impossibleRequest(line({ floor: 50, ceiling: 90 }), given)).toMatch(
      /area A alone carries 100 h\/week, above the ceiling of 90/,
    );
  });
  it('lets a possible request through', () => {
    expect(
      impossibleRequest(line({ neighbours: [[1], [0, 2], [1, 3], [2, 4], [3]], count: 2 }), given),
    ).toBeNull();
  });
});
