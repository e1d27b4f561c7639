import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  inRoundOrder,
  oneWorkerFirst,
  ratioFactors,
  roundsRatio,
  type BatchRound,
} from '../../src/bench/batch-rounds.js';

const round = (one: number, oneCpu: number, two: number, twoCpu: number): BatchRound => ({
  one: { variantsPerSecond: one, cpuPerVariantMs: oneCpu },
  two: { variantsPerSecond: two, cpuPerVariantMs: twoCpu },
});

describe('the batch bench rounds', () => {
  it('alternate which run goes first, one worker in the first round', async () => {
    expect([0, 1, 2, 3, 4].map(oneWorkerFirst)).toEqual([true, false, true, false, true]);
    const calls: number[] = [];
    const run = async (workers: number) => {
      calls.push(workers);
      return `run with ${workers}`;
    };
    expect(await inRoundOrder(0, run)).toEqual({ one: 'run with 1', two: 'run with 2' });
    expect(await inRoundOrder(1, run)).toEqual({ one: 'run with 1', two: 'run with 2' });
    expect(calls).toEqual([1, 2, 2, 1]);
  });

  // Eight alternating rounds of one build on 2026-12-01, session 13 (docs/performance.md).
  const session13 = [
    round(54.9, 19.6, 115.7, 16.9),
    round(64.5, 16.9, 114.4, 17.1),
    round(67.2, 16.1, 113.9, 17.1),
    round(67.4, 16.1, 129.9, 15.0),
    round(57.9, 18.8, 99.6, 19.5),
    round(69.8, 15.5, 119.2, 16.3),
    round(53.7, 20.0, 95.3, 20.4),
    round(57.9, 18.7, 106.3, 18.3),
  ];

  it("give the median of every round's own ratio: a round in a slow spell is outvoted, not chosen", () => {
    const ratios = session13
      .map((r) => r.two.variantsPerSecond / r.one.variantsPerSecond)
      .sort((a, b) => a - b);
    expect(roundsRatio(session13)).toBeCloseTo(((ratios[3] ?? 0) + (ratios[4] ?? 0)) / 2, 10);
    expect(roundsRatio(session13)).toBeCloseTo(1.77, 2);
    // The first round's one-worker run fell in a slow spell (×2.11): the median does not move with it.
    expect(roundsRatio(session13.slice(1))).toBeCloseTo(1.77, 2);
  });

  it('give no ratio without a round', () => {
    expect(roundsRatio([])).toBeNull();
  });

  it("split a round's ratio into the cores two workers kept busy and the CPU they took for the same variants", () => {
    // Near the last round of session 31's first goals run: its CPU by thread (one worker 5.56 s, two 5.86 s), and its
    // wall clocks (5.23 and 3.05 s to the end) less about 60 ms after the last row.
    const f = ratioFactors({ cpuSeconds: 5.56, seconds: 5.17 }, { cpuSeconds: 5.86, seconds: 3.0 });
    expect(f.oneWorkerCores).toBeCloseTo(5.56 / 5.17, 10);
    expect(f.cores).toBeCloseTo(5.86 / 3.0 / (5.56 / 5.17), 10);
    expect(f.cpu).toBeCloseTo(5.56 / 5.86, 10);
    expect(f.cores * f.cpu).toBeCloseTo(5.17 / 3.0, 10);
    // Two cores busy throughout at this CPU: 2 / 1.075 × 0.949, short of ×1.8.
    expect(f.twoFullCores).toBeCloseTo(1.7645, 3);
    expect(f.twoFullCores).toBeLessThan(1.8);
  });

  it('give factors whose product is the ratio of the wall clocks, whatever the runs', () => {
    const span = fc.record({
      cpuSeconds: fc.double({ min: 0.01, max: 100, noNaN: true }),
      seconds: fc.double({ min: 0.01, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(span, span, (one, two) => {
        const f = ratioFactors(one, two);
        expect(f.cores * f.cpu).toBeCloseTo(one.seconds / two.seconds, 6);
        // Two cores busy throughout: the two-worker run would take its CPU over two.
        expect(f.twoFullCores).toBeCloseTo(one.seconds / (two.cpuSeconds / 2), 6);
      }),
    );
  });
});
