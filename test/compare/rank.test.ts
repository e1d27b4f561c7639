import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { AwardMetrics } from '../../src/compare/metrics.js';
import { dominates, rankAwards, type Rankable } from '../../src/compare/rank.js';

function metrics(
  annualCost: number,
  riskScore: number,
  unmetHoursPerWeek = 0,
  status: AwardMetrics['status'] = 'optimal',
): AwardMetrics {
  return {
    status,
    gap: 0,
    annualCost,
    allInAnnualCost: annualCost + unmetHoursPerWeek * 32.14 * 52,
    costPerHour: 0,
    demandHoursPerWeek: 100,
    unmetHoursPerWeek,
    riskScore,
    viabilityScore: 50,
    viabilityMean: 50,
    viabilityWorst: 40,
    providers: 3,
    largestShare: 0.4,
    hhi: 3000,
    lots: 2,
    unpricedLots: [],
  };
}

describe('dominance', () => {
  test('cheaper and no riskier dominates; cheaper but riskier does not', () => {
    expect(dominates(metrics(90, 40), metrics(100, 40))).toBe(true);
    expect(dominates(metrics(90, 50), metrics(100, 40))).toBe(false);
    expect(dominates(metrics(100, 40), metrics(100, 40))).toBe(false);
    expect(dominates(metrics(90, 30, 5), metrics(100, 40, 0))).toBe(false);
  });
});

describe('rankAwards', () => {
  test('buyable options first by cost; short ones, then failures and infeasible ones after; cheapest, least risky and dominated only among buyable', () => {
    const items: Rankable[] = [
      { key: 'a', metrics: metrics(100, 50) },
      { key: 'b', metrics: metrics(120, 20) },
      { key: 'c', metrics: metrics(80, 60, 10) },
      { key: 'd', metrics: null },
      { key: 'e', metrics: metrics(130, 30) },
      { key: 'f', metrics: metrics(0, 0, 100, 'infeasible') },
    ];
    const r = rankAwards(items);
    expect(r.ranked.map((x) => x.item.key)).toEqual(['a', 'b', 'e', 'c', 'd', 'f']);
    expect(r.ranked.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.cheapest).toBe('a');
    expect(r.leastRisky).toBe('b');
    expect(Object.fromEntries(r.ranked.map((x) => [x.item.key, x.dominatedBy]))).toEqual({
      a: [],
      b: [],
      e: ['b'],
      c: [],
      d: [],
      f: [],
    });
    expect(r.notBuyable).toEqual(['c', 'd', 'f']);
  });

  test("an option that buys nobody's care is never cheapest or least risky, even at £0 and risk 0", () => {
    const r = rankAwards([
      { key: 'nothing', metrics: metrics(0, 0, 100) },
      { key: 'infeasible', metrics: metrics(0, 0, 0, 'infeasible') },
      { key: 'real', metrics: metrics(500, 90) },
    ]);
    expect(r.cheapest).toBe('real');
    expect(r.leastRisky).toBe('real');
    expect(r.notBuyable).toEqual(['nothing', 'infeasible']);
    expect(rankAwards([{ key: 'nothing', metrics: metrics(0, 0, 100) }]).cheapest).toBeNull();
  });

  test('laws on random awards: nobody dominates itself, the cheapest is never dominated on cost, ranks are 1..n', () => {
    const award = fc.record({
      cost: fc.integer({ min: 1, max: 50 }),
      risk: fc.integer({ min: 0, max: 10 }),
      unmet: fc.constantFrom(0, 0, 5),
    });
    let checked = 0;
    fc.assert(
      fc.property(fc.array(award, { minLength: 1, maxLength: 12 }), (list) => {
        const items = list.map((a, i) => ({ key: `k${i}`, metrics: metrics(a.cost, a.risk, a.unmet) }));
        const r = rankAwards(items);
        expect(r.ranked.map((x) => x.rank)).toEqual(items.map((_, i) => i + 1));
        for (const x of r.ranked) expect(x.dominatedBy).not.toContain(x.item.key);
        const cheapest = r.ranked.find((x) => x.item.key === r.cheapest);
        const rivals = r.ranked.filter((x) => (x.item.metrics?.unmetHoursPerWeek ?? 0) === 0);
        expect(r.cheapest === null).toBe(rivals.length === 0);
        expect(r.leastRisky === null).toBe(rivals.length === 0);
        if (rivals.length > 0) {
          expect(cheapest?.item.metrics?.annualCost).toBe(
            Math.min(...rivals.map((x) => x.item.metrics?.annualCost ?? Infinity)),
          );
          for (const d of cheapest?.dominatedBy ?? [])
            expect(r.ranked.find((x) => x.item.key === d)?.item.metrics?.annualCost).toBe(
              cheapest?.item.metrics?.annualCost,
            );
        }
        // Options leaving hours unmet are never named, never dominate and are never dominated.
        for (const x of r.ranked.filter((y) => (y.item.metrics?.unmetHoursPerWeek ?? 0) > 0)) {
          expect([r.cheapest, r.leastRisky]).not.toContain(x.item.key);
          expect(x.dominatedBy).toEqual([]);
          expect(r.notBuyable).toContain(x.item.key);
          for (const y of r.ranked) expect(y.dominatedBy).not.toContain(x.item.key);
        }
        checked++;
      }),
      { seed: 42, numRuns: 200 },
    );
    expect(checked).toBe(200);
  });
});

describe('rankAwards on ties', () => {
  test('equal options rank by key by code point (capitals first), whatever order they came in; so does the least risky', () => {
    const items: Rankable[] = [
      { key: 'b-option', metrics: metrics(100, 50) },
      { key: 'Z-option', metrics: metrics(100, 50) },
      { key: 'a-option', metrics: metrics(100, 50) },
    ];
    const r = rankAwards(items);
    // The locale's order would put a-option first.
    expect(r.ranked.map((x) => x.item.key)).toEqual(['Z-option', 'a-option', 'b-option']);
    expect(r.cheapest).toBe('Z-option');
    expect(r.leastRisky).toBe('Z-option');
    expect(rankAwards([...items].reverse()).leastRisky).toBe('Z-option');
  });
});
