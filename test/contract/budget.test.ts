/**
 * award.maxAnnualBudget is a rule like the others: in the model, the
 * verifier, the rule costs and the infeasibility diagnosis.
 */
import { describe, expect, it } from 'vitest';
import type { AwardRules } from '../../src/model/types.js';
import { runScenario } from '../../src/pipeline.js';
import { highsBackend } from '../../src/solve/backend-highs.js';
import { verifyAward } from '../../src/verify/verify.js';
import { area, bid, demand, makeScenario, provider } from '../helpers/scenario-builder.js';
import { awardOrDiagnosis, solved } from '../helpers/run.js';

// Z1: 100 h at £20 (£104,000 a year); Z2: 50 h at £30 (£78,000 a year); both: £182,000.
const budgeted = (award: Partial<AwardRules>) =>
  makeScenario({
    areas: [area('A1'), area('A2')],
    zones: { A1: 'Z1', A2: 'Z2' },
    demand: [demand('A1', 100), demand('A2', 50)],
    providers: [provider('P1'), provider('P2')],
    bids: [bid('B1', 'P1', ['A1'], { price: 20 }), bid('B2', 'P2', ['A2'], { price: 30 })],
    award,
  });

describe('award.maxAnnualBudget', () => {
  it('buys what the budget allows and leaves the rest unmet', async () => {
    const result = await solved(budgeted({ maxAnnualBudget: 150_000 }));
    expect(result.totals.annualCost).toBe(104_000);
    expect(result.totals.unmetHoursPerWeek).toBe(50);
    const free = await solved(budgeted({ maxAnnualBudget: 182_000 }));
    expect(free.totals.annualCost).toBe(182_000);
  });

  it('is checked by the verifier', async () => {
    const result = await solved(budgeted({}));
    const award = {
      zoning: result.zoning,
      lots: result.lots,
      allocations: result.allocations,
      objective: result.objective,
      annualCost: result.totals.annualCost,
    };
    expect(verifyAward(budgeted({}), award)).toEqual([]);
    const tight = verifyAward(budgeted({ maxAnnualBudget: 150_000 }), award);
    expect(tight).toEqual(['the award costs 182000 a year, over award.maxAnnualBudget 150000']);
  });

  it('has a rule cost: what the budget saves and the hours it leaves unbought', async () => {
    const outcome = await runScenario(budgeted({ maxAnnualBudget: 150_000 }), {
      backend: highsBackend,
      timeLimit: 30,
      inputHash: 'test',
      version: 'test',
      ruleCosts: true,
    });
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    const cost = outcome.result.ruleCosts?.rules.find((r) => r.rule === 'budget');
    expect(cost?.status).toBe('computed');
    expect(cost?.annualCostChange).toBe(78_000);
    expect(cost?.unmetHoursChange).toBe(-50);
  });

  it('is named, with the budget that allows an award, when it makes the award impossible', async () => {
    const result = await awardOrDiagnosis(budgeted({ maxAnnualBudget: 150_000, minDistinctProviders: 2 }));
    expect(result.status).toBe('infeasible');
    if (result.status !== 'infeasible') throw new Error('expected no award');
    const moves = result.diagnosis.relaxations.flat();
    const budget = moves.find((m) => m.rule === 'budget');
    // 20 steps of (52 × £30 × 150 h − £150,000) / 20 = £4,200: £183,600 is the first at or above £182,000.
    expect(budget?.allowsAwardAt).toBe(183_600);
    expect(budget?.text).toContain('raise award.maxAnnualBudget to 183600');
    expect(moves.map((m) => m.rule).sort()).toEqual(['budget', 'min-providers']);
  });
});
