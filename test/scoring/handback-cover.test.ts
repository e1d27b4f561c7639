import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverableHours } from '../../src/scoring/handback-cover.js';

const helper = (spare: number, areas: readonly string[]) => ({
  spare,
  covers: (a: string) => areas.includes(a),
});

describe('hours the other members can take on after a handback', () => {
  it('re-routes hours already placed when that frees room for more', () => {
    // Filling X from H1 first would leave Y with nobody; the best plan is H2 → X, H1 → Y.
    const need = new Map([
      ['X', 10],
      ['Y', 10],
    ]);
    expect(coverableHours(need, [helper(10, ['X', 'Y']), helper(10, ['X'])])).toBe(20);
  });

  it('takes nothing where no helper covers the area, and no more than the spare', () => {
    expect(coverableHours(new Map([['X', 50]]), [helper(100, ['Y'])])).toBe(0);
    expect(coverableHours(new Map([['X', 50]]), [helper(30, ['X']), helper(5, ['X'])])).toBe(35);
  });

  it('law: with every area covered by every helper, it is the lesser of the need and the spare', () => {
    let ran = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 4 }),
        (needs, spares) => {
          ran++;
          const need = new Map(needs.map((h, i) => [`A${i}`, h]));
          const total = coverableHours(
            need,
            spares.map((s) => ({ spare: s, covers: () => true })),
          );
          const sum = (xs: readonly number[]) => xs.reduce((t, x) => t + x, 0);
          return Math.abs(total - Math.min(sum(needs), sum(spares))) < 1e-6;
        },
      ),
      { seed: 7, numRuns: 100 },
    );
    expect(ran).toBe(100);
  });
});
