import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitHandback, type SplitNeed, type SplitRoute } from '../../src/scoring/handback-split.js';
import { coverableHours } from '../../src/scoring/handback-cover.js';

/** A small random hand-back: up to three lots, a few needs, routes reaching some of them, a spare. */
const handback = fc
  .record({
    lots: fc.integer({ min: 1, max: 3 }),
    needs: fc.array(fc.record({ lot: fc.nat(2), hours: fc.integer({ min: 1, max: 200 }) }), {
      minLength: 1,
      maxLength: 5,
    }),
    routes: fc.array(
      fc.record({ room: fc.integer({ min: 0, max: 300 }), reach: fc.array(fc.nat(4), { maxLength: 4 }) }),
      { minLength: 1, maxLength: 3 },
    ),
    spare: fc.integer({ min: 0, max: 600 }),
  })
  .map(({ lots, needs, routes, spare }) => ({
    lots,
    needs: needs.map((n) => ({ lot: n.lot % lots, hours: n.hours })),
    routes: routes.map((r) => ({
      room: r.room,
      reach: [...new Set(r.reach.filter((j) => j < needs.length))],
    })),
    spare,
  }));

/** What the stand-in could take over of the needs of `lots` together, by handback-cover.ts's own flow. */
const together = (
  needs: readonly SplitNeed[],
  routes: readonly SplitRoute[],
  spare: number,
  lots: ReadonlySet<number>,
) =>
  Math.min(
    spare,
    coverableHours(
      new Map(needs.flatMap((n, j) => (lots.has(n.lot) ? [[String(j), n.hours] as const] : []))),
      routes.map((r) => ({ spare: r.room, covers: (key: string) => r.reach.includes(Number(key)) })),
    ),
  );

const subsets = (n: number) =>
  [...Array(2 ** n).keys()].map((mask) => new Set([...Array(n).keys()].filter((i) => (mask >> i) & 1)));

describe('splitHandback', () => {
  it('two lots sharing one bid of 100 share it; a third under its own bid gets all of its own', () => {
    const split = splitHandback(
      3,
      [
        { lot: 0, hours: 100 },
        { lot: 1, hours: 100 },
        { lot: 2, hours: 100 },
      ],
      [
        { room: 100, reach: [0, 1] },
        { room: 100, reach: [2] },
      ],
      5000,
    );
    expect(split.hours.map((h) => Math.round(h * 1000) / 1000)).toEqual([50, 50, 100]);
    expect(split.limits).toEqual([{ by: [0], against: 200 }, { by: [0], against: 200 }, null]);
  });

  it('names the spare when it is what runs out', () => {
    const split = splitHandback(
      2,
      [
        { lot: 0, hours: 100 },
        { lot: 1, hours: 300 },
      ],
      [{ room: 1000, reach: [0, 1] }],
      200,
    );
    expect(split.hours).toEqual([50, 150]);
    expect(split.limits).toEqual([
      { by: 'spare', against: 400 },
      { by: 'spare', against: 400 },
    ]);
  });

  it('names for each lot only the routes that reach it, and the hours the routes are held against', () => {
    // A (50 h) reaches both lots, B (10 h) only the second: both run out at 30 h each.
    const split = splitHandback(
      2,
      [
        { lot: 0, hours: 100 },
        { lot: 1, hours: 100 },
      ],
      [
        { room: 50, reach: [0, 1] },
        { room: 10, reach: [1] },
      ],
      5000,
    );
    expect(split.hours.map((h) => Math.round(h * 1000) / 1000)).toEqual([30, 30]);
    // Until later on 2026-12-02 the first lot's limit named B too, which cannot reach it.
    expect(split.limits).toEqual([
      { by: [0], against: 200 },
      { by: [0, 1], against: 200 },
    ]);
  });

  it("a limit's routes each reach its lot", () => {
    fc.assert(
      fc.property(handback, ({ lots, needs, routes, spare }) => {
        for (const [i, limit] of splitHandback(lots, needs, routes, spare).limits.entries())
          if (limit !== null && limit.by !== 'spare')
            for (const r of limit.by) expect(routes[r]?.reach.some((j) => needs[j]?.lot === i)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('credits summed over any set of lots are never more than the stand-in could deliver to them together', () => {
    fc.assert(
      fc.property(handback, ({ lots, needs, routes, spare }) => {
        const { hours } = splitHandback(lots, needs, routes, spare);
        for (const set of subsets(lots)) {
          const credited = [...set].reduce((t, i) => t + (hours[i] ?? 0), 0);
          expect(credited).toBeLessThanOrEqual(together(needs, routes, spare, set) + 1e-6);
        }
        // And nothing is left on the table: all the lots together get all the stand-in could deliver.
        expect(hours.reduce((t, h) => t + h, 0)).toBeCloseTo(
          together(needs, routes, spare, new Set(subsets(lots).at(-1))),
          6,
        );
      }),
      { numRuns: 300 },
    );
  });

  it("raising one route's room never lowers the credit of a lot it does not reach, while the spare is not what runs out", () => {
    fc.assert(
      fc.property(
        handback,
        fc.nat(2),
        fc.integer({ min: 1, max: 300 }),
        ({ lots, needs, routes }, pick, more) => {
          const r = pick % routes.length;
          const spare = 10_000;
          const before = splitHandback(lots, needs, routes, spare).hours;
          const raised = routes.map((route, i) => (i === r ? { ...route, room: route.room + more } : route));
          const after = splitHandback(lots, needs, raised, spare).hours;
          const reached = new Set((routes[r]?.reach ?? []).map((j) => needs[j]?.lot));
          for (let i = 0; i < lots; i++)
            if (!reached.has(i)) expect(after[i] ?? 0).toBeGreaterThanOrEqual((before[i] ?? 0) - 1e-6);
        },
      ),
      { numRuns: 300 },
    );
  });
});
