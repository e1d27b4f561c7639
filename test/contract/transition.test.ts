/**
 * Transition by hand: today Z1's 100 hours are with P1 and Z2's 50 with P2;
 * P3 bids lower for both.
 */
import { describe, expect, it } from 'vitest';
import { transitionSchema } from '../../src/model/contract-settings.js';
import type { Bid, Scenario } from '../../src/model/types.js';
import { verifyAward } from '../../src/verify/verify.js';
import { area, bid, demand, lotEntry, makeScenario, provider } from '../helpers/scenario-builder.js';
import { awardOrDiagnosis, solved } from '../helpers/run.js';

/**
 * Areas A1 (100 h) and A2 (50 h) in `zones`, P1-P3 bidding `bids` under `lotPlan`, with today's
 * caseload (P1 A1's 100 h, P2 A2's 50 h) and `transition` settings, if any.
 */
function withToday(
  zones: Readonly<Record<string, string>>,
  bids: readonly Bid[],
  transition: Record<string, unknown> | null,
  lotPlan?: Scenario['lotPlan'],
): Scenario {
  const base = makeScenario({
    areas: [area('A1'), area('A2')],
    zones,
    demand: [demand('A1', 100), demand('A2', 50)],
    providers: [provider('P1'), provider('P2'), provider('P3')],
    bids,
    ...(lotPlan === undefined ? {} : { lotPlan }),
  });
  return {
    ...base,
    current: [
      { areaId: 'A1', careType: 'standard', providerId: 'P1', hours: 100 },
      { areaId: 'A2', careType: 'standard', providerId: 'P2', hours: 50 },
    ],
    ...(transition === null ? {} : { transition: transitionSchema().parse(transition) }),
  };
}

const changing = (transition: Record<string, unknown> | null): Scenario =>
  withToday(
    { A1: 'Z1', A2: 'Z2' },
    [
      bid('B1', 'P1', ['A1'], { price: 20 }),
      bid('B2', 'P2', ['A2'], { price: 30 }),
      bid('B3', 'P3', ['A1'], { price: 18 }),
      bid('B4', 'P3', ['A2'], { price: 25 }),
    ],
    transition,
  );

const winners = (r: { allocations: readonly { lotId: string; providerId: string }[] }) =>
  Object.fromEntries(r.allocations.map((a) => [a.lotId, a.providerId]));

describe('transition', () => {
  it('reports the hours that change provider and their one-off cost', async () => {
    const result = await solved(changing(null));
    expect(winners(result)).toEqual({ 'standard:Z1': 'P3', 'standard:Z2': 'P3' });
    // Defaults: £100 mobilisation + 4 weeks × £32.14 double running per weekly hour moved.
    expect(result.transition).toEqual({
      currentHoursPerWeek: 150,
      keptHoursPerWeek: 0,
      movedHoursPerWeek: 150,
      movedShare: 1,
      maxMovedShare: null,
      costPerMovedHour: 228.56,
      mobilisationCost: 15_000,
      doubleRunningCost: 19_284,
      oneOffCost: 34_284,
      priced: false,
    });
  });

  it('caps the share of today’s hours that may move', async () => {
    const result = await solved(changing({ maxMovedShare: 0.5 }));
    // Keeping Z1 with P1 moves 50 of 150 hours; keeping Z2 with P2 would move 100 (over 75).
    expect(winners(result)).toEqual({ 'standard:Z1': 'P1', 'standard:Z2': 'P3' });
    expect(result.transition?.movedHoursPerWeek).toBe(50);
    expect(result.totals.annualCost).toBe(100 * 20 * 52 + 50 * 25 * 52);
  });

  it('prices change in the objective: a saving smaller than the cost of moving keeps the incumbent', async () => {
    const result = await solved(changing({ priceChange: true }));
    // Z1: P3 saves £2 × 100 × 52 = £10,400 a year, moving 100 h costs £22,856: P1 stays.
    // Z2: P3 saves £5 × 50 × 52 = £13,000, moving 50 h costs £11,428: P3 wins.
    expect(winners(result)).toEqual({ 'standard:Z1': 'P1', 'standard:Z2': 'P3' });
    expect(result.objective.value).toBeCloseTo(104_000 + 65_000 + 50 * 228.56, 6);
  });

  it('is checked by the verifier', async () => {
    const free = await solved(changing(null));
    const award = {
      zoning: free.zoning,
      lots: free.lots,
      allocations: free.allocations,
      objective: free.objective,
      annualCost: free.totals.annualCost,
    };
    expect(verifyAward(changing(null), award)).toEqual([]);
    expect(verifyAward(changing({ maxMovedShare: 0.5 }), award)).toEqual([
      "150 of today's 150 hours change provider, over transition.maxMovedShare 0.5",
    ]);
    const priced = verifyAward(changing({ priceChange: true }), award);
    expect(priced).toHaveLength(1);
    // £93,600 + £65,000 a year, plus 150 moved hours × £228.56 once.
    expect(priced[0]).toMatch(/^objective 158600 ≠ recomputed 192884/);
  });

  it('names the cap, and the share that allows an award, when it makes the award impossible', async () => {
    // Only P3 bids: every hour of today moves, so a cap below 100% leaves no award.
    const only = changing({ maxMovedShare: 0.3 });
    const result = await awardOrDiagnosis({ ...only, bids: only.bids.filter((b) => b.providerId === 'P3') });
    if (result.status !== 'infeasible') throw new Error('expected no award');
    const move = result.diagnosis.relaxations.flat().find((m) => m.rule === 'transition-cap');
    expect(move?.allowsAwardAt).toBe(1);
    expect(move?.text).toContain('raise transition.maxMovedShare to 1');
  });

  /**
   * A county framework: today P1 serves A1's 100 h and P2 A2's 50 h. P1 bids £20 for A2 alone
   * (and £25 for A1), P2 £20 for A1 alone, P3 £30 for both: the cheapest award swaps the areas.
   */
  const swapping = (transition: Record<string, unknown> | null): Scenario =>
    withToday(
      { A1: 'Z', A2: 'Z' },
      [
        bid('B1', 'P1', ['A2'], { price: 20 }),
        bid('B1X', 'P1', ['A1'], { price: 25 }),
        bid('B2', 'P2', ['A1'], { price: 20 }),
        bid('B3', 'P3', ['A1', 'A2'], { price: 30 }),
      ],
      transition,
      { standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 3 }) },
    );
  const served = (r: {
    allocations: readonly { providerId: string; hoursPerWeek: number; areaHours?: unknown }[];
  }) =>
    r.allocations
      .filter((a) => a.hoursPerWeek > 0)
      .map((a) => `${a.providerId} ${JSON.stringify(a.areaHours)}`);

  it('in a framework, a member keeps only the people it serves today in the areas it serves', async () => {
    const result = await solved(swapping(null));
    expect(served(result)).toEqual(['P1 {"A2":50}', 'P2 {"A1":100}']);
    // Area by area nobody keeps anyone; by the lot, P1 would "keep" 50 of its 100 and P2 all 50.
    expect(result.transition?.movedHoursPerWeek).toBe(150);
    expect(result.lots[0]?.risk['transition']).toBe(1);
  });

  it('in a framework, the cap holds area by area, and the verifier checks it so', async () => {
    const result = await solved(swapping({ maxMovedShare: 0.5 }));
    // P1 (at £25) keeps 75 of its A1 people, as few as the cap allows; P2 (£20) takes A1's other
    // 25 h and P3 A2's 50 (P1 holds one place): 75 of 150 hours move.
    expect(served(result)).toEqual(['P1 {"A1":75}', 'P2 {"A1":25}', 'P3 {"A2":50}']);
    expect(result.transition?.movedHoursPerWeek).toBe(75);
    const free = await solved(swapping(null));
    const award = {
      zoning: free.zoning,
      lots: free.lots,
      allocations: free.allocations,
      objective: free.objective,
      annualCost: free.totals.annualCost,
    };
    expect(verifyAward(swapping({ maxMovedShare: 0.5 }), award)).toEqual([
      "150 of today's 150 hours change provider, over transition.maxMovedShare 0.5",
    ]);
  });
});
