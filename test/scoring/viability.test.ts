import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreOf } from '../../src/scoring/components.js';
import { zoneCostFloor } from '../../src/scoring/cost-floor.js';
import { defaultScoringSettings } from '../../src/scoring/settings.js';
import {
  awardViability,
  awardViabilityScore,
  headroomValue,
  marginValue,
  providerViability,
  stabilityValue,
  travelValue,
  volumeValue,
  type AwardTerms,
} from '../../src/scoring/viability.js';
import { area, bid, lotEntry, provider, twoAreaZones } from '../helpers/scenario-builder.js';
import { solved } from '../helpers/run.js';
import type { Lot } from '../../src/model/types.js';

const s = defaultScoringSettings.scoring;
const floor = zoneCostFloor(
  [{ area: area('A', { rurality: 'town' }), weight: 1 }],
  defaultScoringSettings.costModel,
);
const lot: Lot = {
  id: 'standard:Z',
  careType: 'standard',
  zoneId: 'Z',
  areaIds: ['A'],
  structure: 'sole',
  roles: [{ role: 'sole', slot: 'sole', share: 1 }],
  maxProviders: 1,
  minShare: 0,
  backup: false,
  demand: 1000,
  demandLow: 900,
  demandHigh: 1100,
  laterDemand: [],
  demandByArea: new Map([['A', 1000]]),
  careDemand: new Map([['standard', new Map([['A', 1000]])]]),
  rejectedBidIds: [],
};
const terms = (over: Partial<AwardTerms> = {}): AwardTerms => ({
  provider: provider('P', { maxHours: 2000, minViableHours: 800 }),
  lot,
  hours: 1000,
  price: 30,
  floor,
  providerHours: 1000,
  ...over,
});

describe('viability components', () => {
  it('volume: hours against the minimum viable volume, capped at 1', () => {
    expect(volumeValue(400, 800)).toBe(0.5);
    expect(volumeValue(1600, 800)).toBe(1);
    expect(volumeValue(10, 0)).toBe(1);
  });
  it('margin: 1 at or above the floor, 0 at marginBand below it, linear between', () => {
    expect(marginValue(30, 30, 0.25)).toBe(1);
    expect(marginValue(22.5, 30, 0.25)).toBeCloseTo(0, 10);
    expect(marginValue(26.25, 30, 0.25)).toBeCloseTo(0.5, 10);
  });
  it('travel, headroom and stability', () => {
    expect(travelValue(10, 40)).toBe(0.75);
    expect(headroomValue(0.5, 0.85)).toBe(1);
    expect(headroomValue(1, 0.85)).toBe(0);
    expect(stabilityValue({ demand: 100, demandLow: 90, demandHigh: 115 }, 0.5)).toBeCloseTo(0.5, 10);
  });
  it('an award carries every component with a reason naming the numbers, weights summing to 1', () => {
    const v = awardViability(terms(), s, 'GBP');
    expect(Object.keys(v).sort()).toEqual(['headroom', 'margin', 'stability', 'travel', 'volume']);
    expect(Object.values(v).reduce((t, c) => t + c.weight, 0)).toBeCloseTo(1, 3);
    expect(v['volume']?.reason).toBe('this award: 1,000 h/week against a minimum viable 800 h/week');
    for (const c of Object.values(v)) expect(c.value >= 0 && c.value <= 1).toBe(true);
  });
  it('a provider that wins nothing scores 0 on volume alone', () => {
    const v = providerViability(provider('P', { minViableHours: 500 }), [], s, 'GBP');
    expect(scoreOf(v)).toBe(0);
    expect(v['volume']?.reason).toMatch(/wins nothing/);
  });
});

describe('viability laws', () => {
  it("raising a price from below the floor to above it never lowers that award's viability", () => {
    let ran = 0;
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        fc.double({ min: 1, max: 1.5, noNaN: true }),
        fc.integer({ min: 1, max: 3000 }),
        (below, above, hours) => {
          ran++;
          const low = scoreOf(awardViability(terms({ price: floor.perHour * below, hours }), s, 'GBP'));
          const high = scoreOf(awardViability(terms({ price: floor.perHour * above, hours }), s, 'GBP'));
          return high >= low;
        },
      ),
      { seed: 42, numRuns: 100 },
    );
    expect(ran).toBe(100);
  });

  it('the score without reasons equals the score of the award with them', () => {
    let ran = 0;
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 60, noNaN: true }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 2000 }),
        (price, hours, providerHours, minViableHours) => {
          ran++;
          const t = terms({
            price,
            hours,
            providerHours,
            provider: provider('P', { maxHours: 2000, minViableHours }),
          });
          expect(awardViabilityScore(t, s)).toBe(scoreOf(awardViability(t, s, 'GBP')));
        },
      ),
      { seed: 16, numRuns: 300 },
    );
    expect(ran).toBe(300);
  });
});

describe('viability of framework members', () => {
  it("each member's margin and travel are those of the areas it serves, not the county's mix", async () => {
    // A county framework over an urban zone (Z1) and a rural one (Z2): P1 serves the urban area, P2 the rural one.
    const s = twoAreaZones(
      ['P1', 'P2'],
      [bid('B1', 'P1', ['A1'], { price: 26 }), bid('B2', 'P2', ['A2'], { price: 26 })],
      {
        areas: [area('A1'), area('A2', { rurality: 'rural', lat: 52.3 })],
        lotPlan: { standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2 }) },
      },
    );
    const r = await solved(s);
    const floors = (r.risk as { zoneFloors: Record<string, { perHour: number }> }).zoneFloors;
    const award = (p: string) => r.providers.find((x) => x.providerId === p)?.awards?.[0];
    expect(award('P1')?.costFloorPerHour).toBe(floors['Z1']?.perHour);
    expect(award('P2')?.costFloorPerHour).toBe(floors['Z2']?.perHour);
    expect(floors['Z2']?.perHour).toBeGreaterThan(floors['Z1']?.perHour ?? Infinity);
    expect(award('P2')?.viability['travel']?.reason).toMatch(/about 22\.0 paid travel minutes/);
  });
});
