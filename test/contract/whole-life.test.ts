/**
 * The contract term by hand: a 3-year contract with a 4% fixed uplift, demand
 * given for 2027 and 2029 only (2028 interpolated), discounted at 3.5%.
 */
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import type { Result } from '../../src/model/result.js';
import type { Scenario } from '../../src/model/types.js';
import { contractSchema } from '../../src/model/contract-settings.js';
import {
  area,
  bid,
  demand,
  lotEntry,
  makeScenario,
  provider,
  type ScenarioParts,
} from '../helpers/scenario-builder.js';
import { close, solved } from '../helpers/run.js';
import { buildLots } from '../../src/lots/build-lots.js';
import { contractSection } from '../../src/contract/whole-life.js';

const weeks = 52;
const pennies = (x: number) => Math.round(x * 100) / 100;

/** Two zones (Z1 = A1, Z2 = A2) with 2027 and 2029 demand, on a 3-year contract at +4% a year and 3.5%. */
function threeYears(
  hours: { readonly z1: [number, number]; readonly z2: [number, number] },
  over: Partial<ScenarioParts> = {},
): Scenario {
  return {
    ...makeScenario({
      areas: [area('A1'), area('A2')],
      zones: { A1: 'Z1', A2: 'Z2' },
      demand: [
        demand('A1', hours.z1[0]),
        demand('A1', hours.z1[1], { period: '2029' }),
        demand('A2', hours.z2[0]),
        demand('A2', hours.z2[1], { period: '2029' }),
      ],
      providers: [provider('P1'), provider('P2')],
      bids: [bid('B1', 'P1', ['A1'], { price: 20 }), bid('B2', 'P2', ['A2'], { price: 30 })],
      ...over,
    }),
    contract: contractSchema().parse({
      startPeriod: '2027',
      years: 3,
      discountRate: 0.035,
      indexation: { kind: 'fixed', percentPerYear: 4 },
    }),
  };
}

const handExample = { z1: [100, 120], z2: [50, 40] } as const satisfies Parameters<typeof threeYears>[0];

describe('contract term and whole-life cost', () => {
  it('prices every year as an independent calculation does', async () => {
    const result = await solved(threeYears(handExample));
    // Written out by hand: hours × price × 1.04^k × 52, then ÷ 1.035^k.
    const z1 = [100 * 20 * weeks, 110 * 20 * 1.04 * weeks, 120 * 20 * 1.04 * 1.04 * weeks];
    const z2 = [50 * 30 * weeks, 45 * 30 * 1.04 * weeks, 40 * 30 * 1.04 * 1.04 * weeks];
    const yearly = z1.map((c, k) => c + (z2[k] ?? 0));
    // 2027: 104,000 + 78,000; 2028 (110 h and 45 h interpolated): 118,976 + 73,008; 2029: 134,983.68 + 67,491.84
    expect(yearly.map(pennies)).toEqual([182_000, 191_984, 202_475.52]);
    const discounted = yearly[0]! + yearly[1]! / 1.035 + yearly[2]! / 1.035 ** 2;
    const contract = result.contract;
    expect(contract?.years.map((y) => y.period)).toEqual(['2027', '2028', '2029']);
    expect(contract?.years.map((y) => y.annualCost)).toEqual(yearly.map(pennies));
    expect(close(contract?.nominalTotal ?? 0, yearly[0]! + yearly[1]! + yearly[2]!, 1e-9)).toBe(true);
    expect(Math.abs((contract?.discountedTotal ?? 0) - discounted)).toBeLessThan(0.006);
    const lotZ1 = contract?.lots.find((l) => l.lotId === 'standard:Z1');
    expect(lotZ1?.years.map((y) => y.annualCost)).toEqual(z1.map(pennies));
    expect(contract?.years[0]?.annualCost).toBe(result.totals.annualCost);
  });
});

/** Per lot: its annual cost, its first contract year, and its winners' annual costs (allocations.csv) added up. */
function lotCosts(result: Result): [string, number, number | undefined, number][] {
  return result.lots.map((l) => [
    l.lotId,
    l.annualCost,
    result.contract?.lots.find((c) => c.lotId === l.lotId)?.years[0]?.annualCost,
    pennies(
      result.allocations
        .filter((a) => a.lotId === l.lotId && a.role !== 'backup')
        .reduce((t, a) => t + a.annualCost, 0),
    ),
  ]);
}

describe("a lot's annual cost and its first contract year", () => {
  it("are the same figure, its winners' annual costs added up, on the bundled county", async () => {
    const read = await readScenario('scenarios/hertfordshire');
    if (read.scenario === null) throw new Error('scenarios/hertfordshire did not load');
    const costs = lotCosts(await solved(read.scenario));
    expect(costs.length).toBeGreaterThan(0);
    for (const [lotId, annual, firstYear, paid] of costs) {
      expect(firstYear, lotId).toBe(annual);
      expect(paid, lotId).toBe(annual);
    }
  });

  it("agree when each winner's pennies round the other way from the lot's", async () => {
    // 100.3 h split 80/20: the lead's 83,992.0224 and the secondary's 25,066.1736 round to
    // 83,992.02 + 25,066.17 = 109,058.19, the sum unrounded to 109,058.20.
    const split = threeYears(
      { z1: [100.3, 100.3], z2: [50, 50] },
      {
        bids: [
          bid('B1', 'P1', ['A1'], { price: 20.13, role: 'lead' }),
          bid('B2', 'P2', ['A1'], { price: 24.03, role: 'secondary' }),
          bid('B3', 'P2', ['A2'], { price: 30 }),
        ],
        lotPlan: { standard: lotEntry({ structure: 'lead-secondary', leadShare: 0.8 }) },
      },
    );
    const result = await solved(split);
    const z1 = result.allocations.filter((a) => a.lotId === 'standard:Z1');
    expect(z1.map((a) => a.annualCost).sort()).toEqual([25_066.17, 83_992.02]);
    expect(lotCosts(result).find(([lotId]) => lotId === 'standard:Z1')).toEqual([
      'standard:Z1',
      109_058.19,
      109_058.19,
      109_058.19,
    ]);
    expect(result.contract?.years[0]?.annualCost).toBe(result.totals.annualCost);
  });
});

describe("result.json's contract lots", () => {
  it('are listed by lot id, whatever order the lots come in', () => {
    const scenario = threeYears(handExample);
    const lots = buildLots(scenario, scenario.zonings.get('z') ?? new Map()).reverse();
    const section = contractSection(scenario, lots, []);
    expect('contract' in section ? section.contract.lots.map((l) => l.lotId) : []).toEqual([
      'standard:Z1',
      'standard:Z2',
    ]);
  });
});

describe('award.objective "whole-life"', () => {
  // P1 is cheaper but may win one lot only: Z1 is larger in 2027, Z2 grows past it by 2029.
  const growing = (objective: 'cost' | 'whole-life') =>
    threeYears(
      { z1: [100, 100], z2: [90, 200] },
      {
        bids: [bid('B1', 'P1', ['A1', 'A2'], { price: 20 }), bid('B2', 'P2', ['A1', 'A2'], { price: 30 })],
        award: { objective, maxLotsPerProvider: 1 },
      },
    );

  it('gives the cheap provider the lot that costs most over the term, not in the design year', async () => {
    const byCost = await solved(growing('cost'));
    const byLife = await solved(growing('whole-life'));
    const lotOf = (r: typeof byCost) => r.allocations.find((a) => a.providerId === 'P1')?.lotId;
    expect(lotOf(byCost)).toBe('standard:Z1');
    expect(lotOf(byLife)).toBe('standard:Z2');
    expect(byLife.contract!.discountedTotal).toBeLessThan(byCost.contract!.discountedTotal);
    expect(byLife.totals.annualCost).toBeGreaterThan(byCost.totals.annualCost);
    // The objective is the discounted whole-life cost (nothing unmet here).
    expect(close(byLife.objective.value, byLife.contract!.discountedTotal, 1e-7)).toBe(true);
  });
});

describe('cost floors over the term', () => {
  it('flags a price viable in the first year that the wage-led floor overtakes later', async () => {
    const base = threeYears(handExample);
    const flat = { ...base.contract!, indexation: { kind: 'none' as const }, wageRisePercentPerYear: 10 };
    const first = await solved({ ...base, contract: flat });
    const floor = first.lots.find((l) => l.lotId === 'standard:Z1')!.costFloorPerHour;
    // A price 5% above the year-1 floor, held flat while the wage rises 10% a year.
    const priced = { ...base, contract: flat, bids: base.bids.map((b) => ({ ...b, price: floor * 1.05 })) };
    const result = await solved(priced);
    const flags = result.contract!.floorFlags.filter((f) => f.lotId === 'standard:Z1');
    expect(flags.map((f) => f.period)).toEqual(['2028']);
    expect(flags[0]!.pricePerHour).toBeLessThan(flags[0]!.floorPerHour);
    // In the scenario's currency (until 2026-12-02 always £).
    const inEuros = await solved({ ...priced, currency: 'EUR' });
    expect(inEuros.contract!.floorFlags.find((f) => f.lotId === 'standard:Z1')?.reason).toMatch(
      /^in 2028 the price rises to €\d+\.\d\d but the cost floor, following the wage, reaches €\d+\.\d\d: /,
    );
    // Indexed to the wage, the same price keeps its margin: no flag.
    const indexed = { ...flat, indexation: { kind: 'wage' as const } };
    const kept = await solved({ ...priced, contract: indexed });
    expect(kept.contract!.floorFlags).toEqual([]);
  });
});
