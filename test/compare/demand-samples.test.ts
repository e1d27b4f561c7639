import fc from 'fast-check';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { sampleAward, triangular } from '../../src/compare/demand-samples.js';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Lot, Scenario } from '../../src/model/types.js';
import type { Result } from '../../src/model/result.js';
import { runScenario } from '../../src/pipeline.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { repoRoot } from '../helpers/cli.js';

let tiny: Scenario;
let award: { result: Result; lots: readonly Lot[] };
beforeAll(async () => {
  const { scenario } = await readScenario(path.join(repoRoot, 'scenarios', 'tiny'));
  if (scenario === null) throw new Error('tiny does not read');
  tiny = scenario;
  const outcome = await runScenario(tiny, {
    backend: highsBackend,
    timeLimit: 30,
    inputHash: 't',
    version: 't',
  });
  if (outcome.kind !== 'ok') throw new Error(outcome.kind);
  award = outcome;
});

describe('triangular', () => {
  test('stays in [low, high], hits the ends and the mode at the right quantiles', () => {
    expect(triangular(0, 10, 12, 20)).toBe(10);
    expect(triangular(1, 10, 12, 20)).toBe(20);
    expect(triangular(0.2, 10, 12, 20)).toBeCloseTo(12, 12);
    expect(triangular(0.5, 5, 5, 5)).toBe(5);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (u, a, b, c) => {
          const [low, mode, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
          const x = triangular(u, low, mode, high);
          return x >= low - 1e-9 && x <= high + 1e-9;
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('sampleAward', () => {
  test('the same seed gives the same numbers; another seed other numbers', () => {
    const a = sampleAward(tiny, award.lots, award.result, { samples: 300, seed: 5 });
    const b = sampleAward(tiny, award.lots, award.result, { samples: 300, seed: 5 });
    const c = sampleAward(tiny, award.lots, award.result, { samples: 300, seed: 6 });
    expect(b).toEqual(a);
    expect(c.providers.map((p) => p.meanHoursPerWeek)).not.toEqual(
      a.providers.map((p) => p.meanHoursPerWeek),
    );
    for (const p of [a.probUnmet, a.probOverCapacity, a.probBelowMinViable])
      expect(p >= 0 && p <= 1).toBe(true);
  });

  test("the providers' mean total load matches the mean triangular demand ((low + central + high) / 3)", () => {
    const s = sampleAward(tiny, award.lots, award.result, { samples: 4000, seed: 1 });
    const expectedTotal = [...tiny.demand]
      .filter((d) => d.period === tiny.period)
      .reduce((t, d) => t + (d.low + d.hours + d.high) / 3, 0);
    expect(award.result.totals.unmetHoursPerWeek).toBe(0);
    const served = s.providers.reduce((t, p) => t + p.meanHoursPerWeek, 0);
    expect(Math.abs(served - expectedTotal) / expectedTotal).toBeLessThan(0.01);
  });

  test('with no spread in demand, the award at design demand is all there is', () => {
    const flat: Scenario = {
      ...tiny,
      demand: [...tiny.demand].map((d) => ({ ...d, low: d.hours, high: d.hours })),
    };
    const s = sampleAward(flat, award.lots, award.result, { samples: 50, seed: 9 });
    expect(s.probUnmet).toBe(award.result.totals.unmetHoursPerWeek > 0 ? 1 : 0);
    for (const p of s.providers) {
      const design = award.result.providers.find((q) => q.providerId === p.providerId);
      expect(p.meanHoursPerWeek).toBeCloseTo(design?.hoursPerWeek ?? NaN, 6);
      expect(p.probBelowMinViable).toBe(
        (design?.hoursPerWeek ?? 0) < (design?.minViableHoursPerWeek ?? 0) ? 1 : 0,
      );
    }
  });

  test('demand far above capacity puts a provider over capacity every time and leaves hours unmet', () => {
    const big: Scenario = {
      ...tiny,
      demand: [...tiny.demand].map((d) => ({ ...d, low: d.hours * 3, high: d.hours * 4 })),
    };
    const s = sampleAward(big, award.lots, award.result, { samples: 50, seed: 9 });
    expect(s.probOverCapacity).toBe(1);
    expect(s.probUnmet).toBe(1);
    expect(s.meanUnmetHoursPerWeek).toBeGreaterThan(0);
  });
});
