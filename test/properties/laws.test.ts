/**
 * Laws on random scenarios, frameworks included:
 *  (b) every award passes the independent verifier (runScenario returns 'bug' otherwise);
 *  (c) permuting bids, areas, providers and demand rows changes nothing in the result;
 *  (d) adding a bid never raises the optimal cost.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../src/model/types.js';
import { extraBidArb, randomScenario } from '../helpers/random-scenario.js';
import { awardOrDiagnosis, run } from '../helpers/run.js';

/** A seeded permutation (fast-check gives the random keys). */
function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);
}

const keys = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 });

describe('laws of the award', () => {
  test('(b) every award passes the verifier', async () => {
    const seen = { run: 0, framework: 0, feasible: 0 };
    await fc.assert(
      fc.asyncProperty(randomScenario(), async (scenario) => {
        const outcome = await run(scenario);
        expect(['ok', 'infeasible'], JSON.stringify(outcome)).toContain(outcome.kind);
        if (outcome.kind !== 'ok' && outcome.kind !== 'infeasible') return;
        seen.run++;
        if (outcome.result.lots.some((l) => l.structure === 'framework')) seen.framework++;
        if (outcome.kind === 'ok') seen.feasible++;
      }),
      { seed: 42, numRuns: 150 },
    );
    console.info('verifier law', seen);
    expect(seen.run).toBe(150);
    expect(seen.framework).toBeGreaterThanOrEqual(25);
    expect(seen.feasible).toBeGreaterThanOrEqual(90);
  });

  test('(c) permuting input rows changes nothing in the result', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(randomScenario(), keys, async (scenario, k) => {
        const shuffled: Scenario = {
          ...scenario,
          bids: permute(scenario.bids, k),
          areas: permute(scenario.areas, k.slice(1)),
          providers: permute(scenario.providers, k.slice(2)),
          demand: permute([...scenario.demand], k.slice(3)),
        };
        const [a, b] = [await awardOrDiagnosis(scenario), await awardOrDiagnosis(shuffled)];
        expect(b.status).toBe(a.status);
        expect(b.lots).toEqual(a.lots);
        const timeless = (r: typeof a) => ({ ...r, run: { ...r.run, solveSeconds: 0 } });
        if (a.status === 'infeasible' || b.status === 'infeasible') expect(timeless(b)).toEqual(timeless(a));
        else {
          expect(b.allocations).toEqual(a.allocations);
          expect(b.totals).toEqual(a.totals);
        }
        compared++;
      }),
      { seed: 3, numRuns: 80 },
    );
    expect(compared).toBe(80);
  });

  test('(d) adding a bid never raises the optimal cost', async () => {
    const seen = { compared: 0, lowered: 0, bothInfeasible: 0 };
    const withExtra = randomScenario()
      .map((s): Scenario => ({ ...s, award: { ...s.award, objective: 'cost' } }))
      .chain((s) => extraBidArb(s).map((extra) => ({ s, extra })));
    await fc.assert(
      fc.asyncProperty(withExtra, async ({ s, extra }) => {
        const before = await awardOrDiagnosis(s);
        const after = await awardOrDiagnosis({ ...s, bids: [...s.bids, extra] });
        if (before.status === 'infeasible' && after.status === 'infeasible') {
          seen.bothInfeasible++;
          return;
        }
        if (after.status === 'infeasible') throw new Error('adding a bid made an award impossible');
        expect(after.status).toBe('optimal');
        if (before.status === 'infeasible') return;
        seen.compared++;
        expect(after.objective.value).toBeLessThanOrEqual(before.objective.value * (1 + 1e-6) + 1e-6);
        if (after.objective.value < before.objective.value * (1 - 1e-6)) seen.lowered++;
      }),
      { seed: 11, numRuns: 100 },
    );
    console.info('adding a bid', seen);
    expect(seen.compared).toBeGreaterThanOrEqual(60);
    expect(seen.lowered).toBeGreaterThanOrEqual(10);
  });
});
