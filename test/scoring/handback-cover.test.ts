import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverableHours } from '../../src/scoring/handback-cover.js';

const standIn = (spare: number, areas: readonly string[]) => ({
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
    expect(coverableHours(need, [standIn(10, ['X', 'Y']), standIn(10, ['X'])])).toBe(20);
  });

  it('takes nothing where no stand-in covers the area, and no more than the spare', () => {
    expect(coverableHours(new Map([['X', 50]]), [standIn(100, ['Y'])])).toBe(0);
    expect(coverableHours(new Map([['X', 50]]), [standIn(30, ['X']), standIn(5, ['X'])])).toBe(35);
  });

  it('law: it equals a textbook maximum flow on random coverage; covering everything, the lesser of need and spare', () => {
    let ran = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 5 }),
        fc.array(
          fc.record({ spare: fc.integer({ min: 0, max: 300 }), mask: fc.integer({ min: 0, max: 31 }) }),
          { minLength: 1, maxLength: 4 },
        ),
        (needs, hs) => {
          ran++;
          const need = new Map(needs.map((h, i) => [`A${i}`, h]));
          const standIns = hs.map((h) => ({
            spare: h.spare,
            covers: (a: string) => ((h.mask >> Number(a.slice(1))) & 1) === 1,
          }));
          const everywhere = hs.map((h) => ({ spare: h.spare, covers: () => true }));
          const sum = (xs: readonly number[]) => xs.reduce((t, x) => t + x, 0);
          const least = Math.min(sum(needs), sum(hs.map((h) => h.spare)));
          return (
            Math.abs(coverableHours(need, standIns) - textbookFlow(needs, standIns)) < 1e-6 &&
            Math.abs(coverableHours(need, everywhere) - least) < 1e-6
          );
        },
      ),
      { seed: 11, numRuns: 200 },
    );
    expect(ran).toBe(200);
  });
});

/** Edmonds-Karp on a dense capacity matrix: source 0, areas 1…A, standIns A+1…A+H, sink A+H+1. */
function textbookFlow(
  needs: readonly number[],
  standIns: readonly { spare: number; covers: (a: string) => boolean }[],
) {
  const n = needs.length + standIns.length + 2;
  const sink = n - 1;
  const cap = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const set = (u: number, v: number, c: number) => {
    const row = cap[u];
    if (row !== undefined) row[v] = c;
  };
  for (const [i, h] of needs.entries()) set(0, 1 + i, h);
  for (const [j, h] of standIns.entries()) {
    set(1 + needs.length + j, sink, h.spare);
    for (const i of needs.keys())
      if (h.covers(`A${i}`)) set(1 + i, 1 + needs.length + j, Number.POSITIVE_INFINITY);
  }
  let flow = 0;
  for (;;) {
    const prev = new Array<number>(n).fill(-1);
    prev[0] = 0;
    const queue = [0];
    for (let k = 0; k < queue.length && (prev[sink] ?? -1) < 0; k++) {
      const u = queue[k] ?? 0;
      for (let v = 0; v < n; v++)
        if ((prev[v] ?? 0) < 0 && (cap[u]?.[v] ?? 0) > 1e-9) {
          prev[v] = u;
          queue.push(v);
        }
    }
    if ((prev[sink] ?? -1) < 0) return flow;
    let f = Number.POSITIVE_INFINITY;
    for (let v = sink; v !== 0; v = prev[v] ?? 0) f = Math.min(f, cap[prev[v] ?? 0]?.[v] ?? 0);
    for (let v = sink; v !== 0; v = prev[v] ?? 0) {
      const u = prev[v] ?? 0;
      set(u, v, (cap[u]?.[v] ?? 0) - f);
      set(v, u, (cap[v]?.[u] ?? 0) + f);
    }
    flow += f;
  }
}
