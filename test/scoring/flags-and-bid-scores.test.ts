import { describe, expect, it } from 'vitest';
import { buildLots } from '../../src/lots/build-lots.js';
import { bidScores } from '../../src/scoring/bid-scores.js';
import { zoneCostFloor } from '../../src/scoring/cost-floor.js';
import { awardFlags, flagFor } from '../../src/scoring/flags.js';
import { defaultScoringSettings } from '../../src/scoring/settings.js';
import { area, bid, demand, makeScenario, provider } from '../helpers/scenario-builder.js';

const floor = zoneCostFloor([{ area: area('A'), weight: 1 }], defaultScoringSettings.costModel);
const priced = (price: number) => ({ bidId: 'B', providerId: 'P', lotId: 'standard:Z', price });

describe('abnormally low tender flags', () => {
  const limits = { tolerance: 0, belowMedian: 0.1 };
  const others = floor.perHour * 1.2;
  it('below the wage floor: must reject, whatever the other bids say', () => {
    expect(flagFor(priced(floor.wageFloorPerHour - 0.01), floor, null, limits, 'GBP')?.kind).toBe(
      'below-wage-floor',
    );
    expect(
      flagFor(priced(floor.wageFloorPerHour - 0.01), floor, floor.wageFloorPerHour - 0.01, limits, 'GBP')
        ?.action,
    ).toMatch(/^must reject: below legal pay/);
  });
  it("ask to explain only when below the cost floor and well below the other bids' median", () => {
    expect(flagFor(priced(floor.perHour - 0.01), floor, others, limits, 'GBP')?.action).toMatch(
      /^ask the bidder to explain/,
    );
    expect(flagFor(priced(floor.perHour - 0.01), floor, others, limits, 'GBP')?.reason).toMatch(
      /below the other bids' median/,
    );
    // Below the floor, but in line with the market: nothing stands out.
    expect(flagFor(priced(floor.perHour - 0.01), floor, floor.perHour, limits, 'GBP')).toBeNull();
    // No other provider bid: nothing to compare with.
    expect(flagFor(priced(floor.perHour - 0.01), floor, null, limits, 'GBP')).toBeNull();
    // Well below the others but above the floor: a keen price, not an abnormally low one.
    expect(flagFor(priced(floor.perHour), floor, floor.perHour * 2, limits, 'GBP')).toBeNull();
    expect(
      flagFor(priced(floor.perHour * 0.95), floor, others, { tolerance: 0.1, belowMedian: 0.1 }, 'GBP'),
    ).toBeNull();
  });
  it("flags awarded bids once per lot, sorted, measured against the other providers' bids", () => {
    const scenario = makeScenario({
      areas: [area('A')],
      zones: { A: 'Z' },
      demand: [demand('A', 100)],
      providers: [provider('P'), provider('Q'), provider('R')],
      bids: [
        bid('B1', 'P', ['A'], { price: 20 }),
        bid('B2', 'P', ['A'], { price: 10 }),
        bid('B3', 'P', ['A'], { price: 99 }),
        bid('Q1', 'Q', ['A'], { price: 40 }),
        bid('R1', 'R', ['A'], { price: 44 }),
      ],
      award: { rejectBelowLegalPay: false },
    });
    const lots = buildLots(scenario, scenario.zonings.get('z') ?? new Map());
    const floors = new Map([['standard:Z', floor]]);
    const a = (bidId: string, price: number) => ({
      lotId: 'standard:Z',
      bidId,
      providerId: 'P',
      role: 'lead' as const,
      hoursPerWeek: 1,
      pricePerHour: price,
      annualCost: 0,
    });
    const flags = awardFlags(
      scenario,
      lots,
      [a('B2', 10), a('B1', 20), a('B2', 10), a('B3', 99)],
      floors,
      limits,
    );
    expect(flags.map((f) => f.bidId)).toEqual(['B1', 'B2']);
  });
});

describe('bidScores (zonal score)', () => {
  const scenario = makeScenario({
    areas: [area('A1')],
    zones: { A1: 'Z' },
    demand: [demand('A1', 100)],
    providers: [provider('P1'), provider('P2'), provider('P3', { quality: 30 })],
    bids: [
      bid('B1', 'P1', ['A1'], { price: 20, quality: 80 }),
      bid('B2', 'P2', ['A1'], { price: 25, quality: 90 }),
      bid('B3', 'P3', ['A1'], { price: 15, quality: 30 }),
    ],
    award: { qualityWeight: 0.6, priceWeight: 0.4, minQuality: 50 },
  });
  const rows = bidScores(
    scenario,
    buildLots(scenario, scenario.zonings.get('z') ?? new Map()),
    defaultScoringSettings,
  );

  it('price score = 100 × priceWeight × lowest eligible price / price; quality score = qualityWeight × quality', () => {
    const b2 = rows.find((r) => r.bidId === 'B2');
    expect(b2?.priceScore).toBeCloseTo(100 * 0.4 * (20 / 25), 2);
    expect(b2?.qualityScore).toBeCloseTo(54, 6);
    expect(b2?.totalScore).toBeCloseTo(32 + 54, 2);
  });
  it('ranks eligible bids by total within the lot; a bid below the minimum quality is listed, flagged and unranked', () => {
    // B1: 40 + 48 = 88 points; B2: 32 + 54 = 86.
    expect(rows.map((r) => [r.bidId, r.rank])).toEqual([
      ['B1', 1],
      ['B2', 2],
      ['B3', null],
    ]);
    expect(rows.find((r) => r.bidId === 'B3')?.flags).toContain('below-min-quality');
    expect(rows.find((r) => r.bidId === 'B3')?.flags).toContain('below-wage-floor');
  });
  it('a bid that may not win, cheaper than every bid that may, gets the full price points and no more', () => {
    // £15 against the lowest eligible £20 would be 40 × 20/15 = 53.33 of 40 points.
    expect(rows.find((r) => r.bidId === 'B3')?.priceScore).toBe(40);
  });
});

describe('the order of the bid scores (scores.csv)', () => {
  it('lists lots by id, and in a lot by rank, then price, then bid id by code point, whatever order they came in', () => {
    const scenario = makeScenario({
      areas: [area('A1'), area('A2')],
      zones: { A1: 'Z1', A2: 'Z2' },
      demand: [demand('A1', 100), demand('A2', 100)],
      providers: [provider('P1'), provider('P2')],
      bids: [
        bid('b1', 'P2', ['A2'], { price: 20 }),
        bid('B2', 'P1', ['A2'], { price: 20 }),
        bid('B3', 'P1', ['A1'], { price: 20 }),
      ],
    });
    const lots = buildLots(scenario, scenario.zonings.get('z') ?? new Map()).reverse();
    const rows = bidScores(scenario, lots, defaultScoringSettings);
    // 'B2' before 'b1' (capitals first by code point); the locale's order would put 'b1' first.
    expect(rows.map((r) => [r.lotId, r.bidId, r.rank])).toEqual([
      ['standard:Z1', 'B3', 1],
      ['standard:Z2', 'B2', 1],
      ['standard:Z2', 'b1', 1],
    ]);
  });
});
