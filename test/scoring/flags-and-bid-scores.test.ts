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
  it('below the wage floor: must reject; below the cost floor: ask to explain; at the floor: nothing', () => {
    expect(flagFor(priced(floor.wageFloorPerHour - 0.01), floor, 0)?.kind).toBe('below-wage-floor');
    expect(flagFor(priced(floor.wageFloorPerHour - 0.01), floor, 0)?.action).toMatch(/^must reject: below legal pay/);
    expect(flagFor(priced(floor.perHour - 0.01), floor, 0)?.action).toMatch(/^ask the bidder to explain/);
    expect(flagFor(priced(floor.perHour), floor, 0)).toBeNull();
    expect(flagFor(priced(floor.perHour * 0.95), floor, 0.1)).toBeNull();
  });
  it('flags awarded bids once per lot, sorted', () => {
    const floors = new Map([['standard:Z', floor]]);
    const a = (bidId: string, price: number) => ({ lotId: 'standard:Z', bidId, providerId: 'P', role: 'lead' as const, hoursPerWeek: 1, pricePerHour: price, annualCost: 0 });
    const flags = awardFlags([a('B2', 10), a('B1', 20), a('B2', 10), a('B3', 99)], floors, 0);
    expect(flags.map((f) => f.bidId)).toEqual(['B1', 'B2']);
  });
});

describe('bidScores (zonal score)', () => {
  const scenario = makeScenario({
    areas: [area('A1')],
    zones: { A1: 'Z' },
    demand: [demand('A1', 100)],
    providers: [provider('P1'), provider('P2'), provider('P3', { quality: 30 })],
    bids: [bid('B1', 'P1', ['A1'], { price: 20, quality: 80 }), bid('B2', 'P2', ['A1'], { price: 25, quality: 90 }), bid('B3', 'P3', ['A1'], { price: 15, quality: 30 })],
    award: { qualityWeight: 0.6, priceWeight: 0.4, minQuality: 50 },
  });
  const rows = bidScores(scenario, buildLots(scenario, scenario.zonings.get('z') ?? new Map()), defaultScoringSettings);

  it('price score = 100 × priceWeight × lowest eligible price / price; quality score = qualityWeight × quality', () => {
    const b2 = rows.find((r) => r.bidId === 'B2');
    expect(b2?.priceScore).toBeCloseTo(100 * 0.4 * (20 / 25), 2);
    expect(b2?.qualityScore).toBeCloseTo(54, 6);
    expect(b2?.totalScore).toBeCloseTo(32 + 54, 2);
  });
  it('ranks eligible bids by total within the lot; a bid below the minimum quality is listed, flagged and unranked', () => {
    // B1: 40 + 48 = 88 points; B2: 32 + 54 = 86.
    expect(rows.map((r) => [r.bidId, r.rank])).toEqual([['B1', 1], ['B2', 2], ['B3', null]]);
    expect(rows.find((r) => r.bidId === 'B3')?.flags).toContain('below-min-quality');
    expect(rows.find((r) => r.bidId === 'B3')?.flags).toContain('below-wage-floor');
  });
});
