import { describe, expect, it } from 'vitest';
import { buildLots } from '../../src/lots/build-lots.js';
import { diagnoseInfeasible } from '../../src/explain/diagnose.js';
import type { Scenario } from '../../src/model/types.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import type { SolverBackend } from '../../src/solve/program.js';
import { area, bid, demand, lotEntry, makeScenario, provider } from '../helpers/scenario-builder.js';
import { run, watchedHighs } from '../helpers/run.js';

/** Three zones, three providers; P3's bid has quality 40. */
function tender(award: Partial<Scenario['award']>): Scenario {
  return makeScenario({
    areas: [area('A1'), area('A2'), area('A3')],
    zones: { A1: 'Z1', A2: 'Z2', A3: 'Z3' },
    demand: [demand('A1', 100), demand('A2', 100), demand('A3', 100)],
    providers: [provider('P1'), provider('P2'), provider('P3', { quality: 40 })],
    bids: [
      bid('B1', 'P1', ['A1', 'A2', 'A3'], { price: 20 }),
      bid('B2', 'P2', ['A1', 'A2'], { price: 22 }),
      bid('B3', 'P3', ['A3'], { price: 21, quality: 40 }),
    ],
    lotPlan: { standard: lotEntry({ structure: 'sole' }) },
    award,
  });
}

const lotsOf = (s: Scenario) => buildLots(s, s.zonings.get(s.zoning) ?? new Map());

describe('diagnoseInfeasible', () => {
  it('names the rule and how far it must move: "at most 3 can win, because only 3 providers bid"', async () => {
    const s = tender({ minDistinctProviders: 4 });
    const d = await diagnoseInfeasible(s, lotsOf(s), highsBackend);
    expect(d.relaxations).toEqual([
      [
        {
          rule: 'min-providers',
          setting: 'award.minDistinctProviders',
          allowsAwardAt: 3,
          text: 'at least 4 distinct providers: at most 3 can win, because only 3 providers have a bid that may win a lot; lower award.minDistinctProviders to 3',
        },
      ],
    ]);
  });

  it('with no bid that may win, does not offer "lower it to 0" as a way out: that award buys no care (explore19)', async () => {
    const s = tender({ minDistinctProviders: 2 });
    // Every bid is for complex care, which has no demand here: no bid may win a standard lot.
    const cheap = { ...s, bids: s.bids.map((b) => ({ ...b, careType: 'complex' as const })) };
    const d = await diagnoseInfeasible(cheap, lotsOf(cheap), highsBackend);
    expect(d.relaxations.map((set) => set.map((m) => m.text))).toEqual([
      [
        'at least 2 distinct providers: no provider can win, because no bid may win any lot (the warnings of zonal validate say why); lowering award.minDistinctProviders to 0 allows only an award that buys no care: the tender needs bids that may win',
      ],
    ]);
  });

  it('offers every single rule whose relaxation allows an award, each with its nearest setting', async () => {
    // P3 is below the quality threshold, so only 2 providers may win; 3 are required.
    const s = tender({ minDistinctProviders: 3, minQuality: 50 });
    const d = await diagnoseInfeasible(s, lotsOf(s), highsBackend);
    expect(d.relaxations.map((set) => set.map((m) => [m.rule, m.allowsAwardAt]))).toEqual([
      [['min-providers', 2]],
      [['quality-threshold', 40]],
    ]);
    expect(d.summary).toContain('Relax one of these');
    expect(d.relaxations[1]?.[0]?.text).toBe(
      'quality at least 50: an award is possible from 40; lower award.minQuality to 40',
    );
  });

  it('finds the share cap that allows an award', async () => {
    // Each zone is a third of the hours; with a 30% cap nobody may hold any zone, so nobody can win.
    const s = tender({ minDistinctProviders: 1, maxShareOfTotalHours: 0.3 });
    const d = await diagnoseInfeasible(s, lotsOf(s), highsBackend);
    const cap = d.relaxations.find((set) => set[0]?.rule === 'share-cap')?.[0];
    expect(cap?.allowsAwardAt).toBeGreaterThanOrEqual(1 / 3);
    expect(cap?.allowsAwardAt).toBeLessThan(1 / 3 + 0.05);
  });

  it('is what a run returns for an infeasible tender, with no totals and no scores', async () => {
    const outcome = await run(tender({ minDistinctProviders: 4 }));
    expect(outcome.kind).toBe('infeasible');
    if (outcome.kind !== 'infeasible') return;
    expect(outcome.result.status).toBe('infeasible');
    expect(Object.keys(outcome.result)).not.toContain('totals');
    expect(outcome.result.lots.map((l) => l.eligibleBids)).toEqual([2, 2, 2]);
  });

  it('bounds every feasibility test by nodes, so the diagnosis does not depend on the machine', async () => {
    const seen: (number | undefined)[] = [];
    const recording = watchedHighs((_, o) => seen.push(o.nodeLimit));
    const s = tender({ minDistinctProviders: 4 });
    await diagnoseInfeasible(s, lotsOf(s), recording, { nodeLimit: 77 });
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([77]));
  });

  it('stops at its time budget and says which rules are in force, rather than running on', async () => {
    // A backend as slow as a national tender's tests, that never finds a plan in its time.
    let tests = 0;
    const slow: SolverBackend = {
      name: 'slow',
      solve: async () => {
        tests++;
        await new Promise((resolve) => setTimeout(resolve, 40));
        return { status: 'error', message: 'no plan within the time limit', seconds: 0.04 };
      },
    };
    const s = tender({ minDistinctProviders: 3, minQuality: 50 });
    const d = await diagnoseInfeasible(s, lotsOf(s), slow, { budgetSeconds: 0.1 });
    // Each test takes at least 40 ms, so no more than 3 fit in 0.1 s (and the one that ends past it).
    expect(tests).toBeLessThanOrEqual(3);
    expect(d.relaxations).toEqual([]);
    expect(d.summary).toBe(
      'No award meets every rule. Which rule to relax was not found within the 0.1 s the diagnosis was given (each test of a large tender is slow): the rules in force are award.minDistinctProviders, award.minQuality; relax one and solve again, or give a longer --time-limit',
    );
  });
});
