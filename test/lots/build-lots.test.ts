import { describe, expect, test } from 'vitest';
import { buildLots, lotId } from '../../src/lots/build-lots.js';
import { eligibleBids, isEligible, roleAllows, servedAreas } from '../../src/lots/eligibility.js';
import { lowestPrice, meatScore } from '../../src/lots/offers.js';
import type { Scenario } from '../../src/model/types.js';
import { bid, demand, lotEntry, rules, twoZoneScenario } from '../helpers/scenario-builder.js';

const lotsOf = (s: Scenario) => buildLots(s, s.zonings.get(s.zoning) ?? new Map());

describe('buildLots', () => {
  test('one lot per zone and one county lot, ids <careType>:<zoneId>, sorted, with roles and demand', () => {
    const lots = lotsOf(twoZoneScenario());
    expect(lots.map((l) => [l.id, l.zoneId, l.areaIds, l.demand])).toEqual([
      ['reablement:county', 'county', ['A1', 'A2', 'A3'], 15],
      ['standard:Z1', 'Z1', ['A1', 'A2'], 100],
      ['standard:Z2', 'Z2', ['A3'], 50],
    ]);
    expect(lots[1]?.roles).toEqual([
      { role: 'lead', slot: 'lead', share: 0.8 },
      { role: 'secondary', slot: 'secondary', share: expect.closeTo(0.2, 12) as number },
    ]);
    expect(lots[0]?.roles).toEqual([{ role: 'sole', slot: 'sole', share: 1 }]);
    expect([...(lots[0]?.demandByArea ?? [])]).toEqual([
      ['A1', 10],
      ['A3', 5],
    ]);
    expect(lotId('complex', 'county')).toBe('complex:county');
  });

  test('county geography makes one lot of every area', () => {
    const s = twoZoneScenario({
      lotPlan: { standard: lotEntry({ geography: 'county' }), reablement: lotEntry({ geography: 'county' }) },
    });
    expect(lotsOf(s).map((l) => [l.id, l.demand])).toEqual([
      ['reablement:county', 15],
      ['standard:county', 150],
    ]);
  });

  test('a merged care type is folded into the standard lots and has none of its own', () => {
    const s = twoZoneScenario({
      lotPlan: { standard: lotEntry(), reablement: { kind: 'merge', into: 'standard' } },
    });
    expect(lotsOf(s).map((l) => [l.id, l.demand])).toEqual([
      ['standard:Z1', 110],
      ['standard:Z2', 55],
    ]);
  });

  test('other periods are ignored, lots with no demand are not tendered, low/high are summed', () => {
    const base = twoZoneScenario();
    const s = {
      ...base,
      demand: [
        demand('A1', 30, { low: 20, high: 40 }),
        demand('A2', 10, { low: 9, high: 12 }),
        demand('A3', 999, { period: '2028' }),
      ],
    };
    const lots = lotsOf(s);
    expect(lots.map((l) => [l.id, l.demand, l.demandLow, l.demandHigh])).toEqual([
      ['standard:Z1', 40, 29, 52],
    ]);
  });

  test('a different zoning gives different lots; inputs are not changed', () => {
    const s = twoZoneScenario({ otherZonings: { one: { A1: 'ALL', A2: 'ALL', A3: 'ALL' } } });
    const before = structuredClone(s);
    expect(buildLots(s, s.zonings.get('one') ?? new Map()).map((l) => l.id)).toEqual([
      'reablement:county',
      'standard:ALL',
    ]);
    expect(s).toEqual(before);
  });
});

describe('eligibility', () => {
  const s = twoZoneScenario();
  const [reab, z1, z2] = lotsOf(s);
  const byId = (id: string) => s.bids.find((b) => b.id === id) ?? bid(id, 'P1', []);

  test('roles: lead bids may lead or be sole, secondary bids only second', () => {
    expect([
      roleAllows('lead', 'sole'),
      roleAllows('lead', 'secondary'),
      roleAllows('secondary', 'lead'),
      roleAllows('secondary', 'secondary'),
      roleAllows('any', 'member'),
    ]).toEqual([true, false, false, true, true]);
  });

  test('a bid must cover every area of a role lot, match the care type and meet minQuality', () => {
    if (z1 === undefined || z2 === undefined || reab === undefined) throw new Error('lots missing');
    expect(isEligible(byId('B4'), z1, 'lead', s.award)).toBe(false); // covers A3 only
    expect(isEligible(byId('B2'), z2, 'lead', s.award)).toBe(true); // covers more than the lot
    expect(isEligible(byId('B3'), z1, 'lead', s.award)).toBe(false); // secondary only
    expect(isEligible(byId('B7'), z1, 'lead', s.award)).toBe(false); // reablement
    expect(isEligible(byId('B1'), z1, 'lead', rules({ minQuality: 71 }))).toBe(false);
    expect(eligibleBids(z1, s.bids, s.award).map((b) => b.id)).toEqual(['B1', 'B2', 'B3']);
    expect(lowestPrice(z2, s.bids, s.award)).toBe(19);
    expect(meatScore(byId('B1'), 19, rules({ qualityWeight: 0.6, priceWeight: 0.4 }))).toBeCloseTo(
      0.6 * 0.7 + (0.4 * 19) / 20,
      12,
    );
  });

  test('in a framework a bid serves just the areas with demand it covers', () => {
    const fw = lotsOf(
      twoZoneScenario({
        lotPlan: { standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2 }) },
      }),
    )[0];
    if (fw === undefined) throw new Error('no lot');
    expect(servedAreas(byId('B4'), fw)).toEqual(['A3']);
    expect(isEligible(byId('B4'), fw, 'member', s.award)).toBe(true);
    expect(isEligible(byId('B3'), fw, 'member', s.award)).toBe(false);
  });
});
