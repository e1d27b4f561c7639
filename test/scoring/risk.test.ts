import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLots } from '../../src/lots/build-lots.js';
import type { Allocation, Scenario } from '../../src/model/types.js';
import { awardFacts } from '../../src/scoring/award-facts.js';
import { countyConcentration, hhiBand, hhiValue } from '../../src/scoring/concentration.js';
import {
  cherryPickingRisk,
  growthRisk,
  n1Risk,
  supplyRisk,
  surgeRisk,
} from '../../src/scoring/risk-cover.js';
import { solved } from '../helpers/run.js';
import { readScenario } from '../../src/io/read-scenario.js';
import { awardRisk, transitionRisk, type ScoredLot } from '../../src/scoring/risk.js';
import { component } from '../../src/scoring/components.js';
import { defaultScoringSettings } from '../../src/scoring/settings.js';
import type { Lot } from '../../src/model/types.js';
import { area, bid, demand, lotEntry, makeScenario, provider } from '../helpers/scenario-builder.js';
import { twoAreaZones } from '../helpers/scenario-builder.js';

const alloc = (
  lotId: string,
  providerId: string,
  role: Allocation['role'],
  hours: number,
  price = 25,
): Allocation => ({
  lotId,
  bidId: `B-${providerId}`,
  providerId,
  role,
  hoursPerWeek: hours,
  pricePerHour: price,
  annualCost: hours * price * 52,
});

function oneLot(
  maxHours: Readonly<Record<string, number>>,
  structure: 'sole' | 'lead-secondary' | 'framework' = 'lead-secondary',
): Scenario {
  return makeScenario({
    areas: [area('A1'), area('A2', { rurality: 'rural' })],
    zones: { A1: 'Z', A2: 'Z' },
    demand: [demand('A1', 600, { low: 550, high: 700 }), demand('A2', 400, { low: 350, high: 500 })],
    providers: Object.entries(maxHours).map(([id, h]) => provider(id, { maxHours: h })),
    bids: Object.keys(maxHours).map((id) => bid(`B-${id}`, id, id === 'P3' ? ['A1'] : ['A1', 'A2'])),
    lotPlan: { standard: lotEntry({ structure, leadShare: 0.8, maxProviders: 3 }) },
  });
}

const lotsOf = (s: Scenario) => buildLots(s, s.zonings.get('z') ?? new Map());

/** A back-up whose bid has room for 10,000 h/week more, so its spare alone limits what it could take over. */
const spareOnly = (providerId: string, spare: number) => ({
  providerId,
  spare,
  bidRoom: 10_000,
  caps: [10_000],
  partial: false,
  hours: Math.min(spare, 10_000),
});

describe('supply', () => {
  it('sole without back-up is highest; a secondary or back-ups lower it', () => {
    expect(supplyRisk([['P1', 1000]], [], 0.25).value).toBe(1);
    expect(
      supplyRisk(
        [
          ['P1', 800],
          ['P2', 200],
        ],
        [],
        0.25,
      ).value,
    ).toBeCloseTo(0.68, 6);
    const ample = [spareOnly('P2', 1000), spareOnly('P3', 5000)];
    expect(supplyRisk([['P1', 1000]], ample, 0.25).value).toBeCloseTo(0.5625, 6);
    expect(supplyRisk([], [], 0.25).value).toBe(1);
  });

  /** A sole lot of 1,000 h/week with back-ups: P1 wins it, P2 and P3 have `spare` h/week left each. */
  const soleWithBackups = (spare: number) =>
    makeScenario({
      areas: [area('A1')],
      zones: { A1: 'Z' },
      demand: [demand('A1', 1000), demand('A1', 50, { careType: 'complex' })],
      providers: [
        provider('P1'),
        provider('P2', { maxHours: 50 + spare }),
        provider('P3', { maxHours: spare }),
      ],
      bids: [
        bid('B-P1', 'P1', ['A1'], { price: 24 }),
        bid('B-P2', 'P2', ['A1']),
        bid('B-P3', 'P3', ['A1'], { price: 26 }),
        bid('B-P2-C', 'P2', ['A1'], { careType: 'complex', price: 20 }),
      ],
      lotPlan: {
        standard: lotEntry({ structure: 'sole', backup: true }),
        complex: lotEntry({ structure: 'sole' }),
      },
    });

  it('a back-up with too little spare capacity to take the lead over earns only the part it could take', async () => {
    const result = await solved(soleWithBackups(250));
    const lot = result.lots.find((l) => l.careType === 'standard');
    expect(lot?.winners.map((w) => `${w.providerId} ${w.role} ${w.hoursPerWeek}`)).toEqual([
      'P1 sole 1000',
      'P2 backup 0',
      'P3 backup 0',
    ]);
    // Each back-up could take over 250 of P1's 1,000 h/week: a quarter of the 0.25 relief each.
    expect(lot?.risk['supply']).toBeCloseTo((1 - 0.25 * 0.25) ** 2, 4);
    expect(lot?.riskDetail?.['supply']?.reason).toBe(
      'one provider holds all the hours; back-up P2 could take over 250 of the 1,000 h/week (250 h/week spare) if P1 failed; back-up P3 could take over 250 of the 1,000 h/week (250 h/week spare) if P1 failed (a back-up counts in full only if it could take over all of them)',
    );
  });

  it("a back-up with spare capacity for all the lead's hours keeps its full credit", async () => {
    const lot = (await solved(soleWithBackups(1500))).lots.find((l) => l.careType === 'standard');
    expect(lot?.winners.filter((w) => w.role === 'backup').map((w) => w.providerId)).toEqual(['P2', 'P3']);
    expect(lot?.risk['supply']).toBeCloseTo(0.75 ** 2, 4);
    expect(lot?.riskDetail?.['supply']?.reason).toBe(
      'one provider holds all the hours; back-up P2 could take over all 1,000 h/week if P1 failed; back-up P3 could take over all 1,000 h/week if P1 failed',
    );
  });
  it("a back-up's spare is held against the lead's hours in every lot it backs up, as the lead's failure hands them all back at once", async () => {
    // P1 wins both zones (600 h and 400 h); P2, with 600 h spare, backs up both: enough for either alone.
    const s = makeScenario({
      areas: [area('A1'), area('A2')],
      zones: { A1: 'Z1', A2: 'Z2' },
      demand: [demand('A1', 600), demand('A2', 400)],
      providers: [provider('P1'), provider('P2', { maxHours: 600 })],
      bids: [bid('B-P1', 'P1', ['A1', 'A2'], { price: 24 }), bid('B-P2', 'P2', ['A1', 'A2'])],
      lotPlan: { standard: lotEntry({ structure: 'sole', backup: true }) },
    });
    const lots = (await solved(s)).lots;
    expect(lots.map((l) => l.winners.map((w) => `${w.providerId} ${w.role} ${w.hoursPerWeek}`))).toEqual([
      ['P1 sole 600', 'P2 backup 0'],
      ['P1 sole 400', 'P2 backup 0'],
    ]);
    // P2 could take over 600 of P1's 1,000 h/week in the two lots: 0.6 of the 0.25 relief in each
    // (240 of the 400 in the second lot; until later on 2026-12-02 the reason gave the two lots' 600 of 1,000).
    for (const lot of lots) expect(lot.risk['supply']).toBeCloseTo(1 - 0.25 * 0.6, 4);
    expect(lots[1]?.riskDetail?.['supply']?.reason).toBe(
      "one provider holds all the hours; back-up P2 could take over 240 of the 400 h/week if P1 failed, as its 600 h/week spare is held against all 1,000 h/week of P1's it would stand in for in this lot and others (a back-up counts in full only if it could take over all of them)",
    );
  });

  it("a back-up's bids for a lot whose lead is another provider do not count for this lot's lead", async () => {
    // P1 wins Z1 (600 h), P3 Z2 (400 h); P2, with 10,000 h spare, backs up both, but bids
    // only 200 h/week for Z1. Its 1,000 h/week bid for Z2 cannot serve Z1's work.
    const s = makeScenario({
      areas: [area('A1'), area('A2')],
      zones: { A1: 'Z1', A2: 'Z2' },
      demand: [demand('A1', 600), demand('A2', 400)],
      providers: [provider('P1'), provider('P2'), provider('P3')],
      bids: [
        bid('B-P1', 'P1', ['A1'], { price: 24 }),
        bid('B-P3', 'P3', ['A2'], { price: 24 }),
        bid('B-P2-1', 'P2', ['A1'], { maxHours: 200 }),
        bid('B-P2-2', 'P2', ['A2'], { maxHours: 1_000 }),
      ],
      lotPlan: { standard: lotEntry({ structure: 'sole', backup: true }) },
    });
    const [z1] = (await solved(s)).lots;
    expect(z1?.winners.map((w) => `${w.providerId} ${w.role} ${w.hoursPerWeek}`)).toEqual([
      'P1 sole 600',
      'P2 backup 0',
    ]);
    // Supply and N-1 say the same: P2 could take over 200 of P1's 600 h/week in Z1.
    expect(z1?.risk['supply']).toBeCloseTo(1 - (0.25 * 200) / 600, 4);
    expect(z1?.risk['n1']).toBeCloseTo(1 - 200 / 600, 4);
    expect(z1?.riskDetail?.['supply']?.reason).toBe(
      'one provider holds all the hours; back-up P2 could take over 200 of the 600 h/week under its bid (at most 200 h/week; 10,000 h/week spare) if P1 failed (a back-up counts in full only if it could take over all of them)',
    );
  });

  /** A county framework: P1 (cheaper) serves A1's 600 h, P2 A2's 400 h and also covers `p2Areas`, with `p2Spare` h/week left. */
  const framework = (p2Areas: readonly string[], p2Spare = 10_000) =>
    makeScenario({
      areas: [area('A1'), area('A2')],
      zones: { A1: 'Z', A2: 'Z' },
      demand: [demand('A1', 600), demand('A2', 400)],
      providers: [provider('P1'), provider('P2', { maxHours: 400 + p2Spare })],
      bids: [bid('B-P1', 'P1', ['A1'], { price: 24 }), bid('B-P2', 'P2', p2Areas)],
      lotPlan: { standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2 }) },
    });

  it('a framework whose members each hold separate areas is as concentrated as a sole provider in each', async () => {
    const lot = (await solved(framework(['A2']))).lots[0];
    expect(lot?.winners.map((w) => w.hoursPerWeek)).toEqual([600, 400]);
    expect(lot?.risk['supply']).toBe(1);
    // No member covers another's area: nothing about spare or bids stops cover, so the reason says so.
    expect(lot?.riskDetail?.['supply']?.reason).toBe(
      '2 providers share the hours (largest 60%), but each area is served by one (area by area 1.00); no other member covers their areas',
    );
  });

  it('a framework member covering an area it does not serve counts there as a named back-up would', async () => {
    const lot = (await solved(framework(['A1', 'A2']))).lots[0];
    expect(lot?.winners.map((w) => w.hoursPerWeek)).toEqual([600, 400]);
    // A1: P1 alone, P2 covers it (× 0.75); A2: P2 alone, P1 does not cover it.
    expect(lot?.risk['supply']).toBeCloseTo((600 * 0.75 + 400) / 1000, 4);
    expect(lot?.riskDetail?.['supply']?.reason).toBe(
      '2 providers share the hours (largest 60%), but each area is served by one (area by area 1.00); other members covering an area count as its back-ups: 0.85',
    );
  });

  it("a framework member with too little spare capacity to take over an area's provider earns only the part it could take", async () => {
    const lot = (await solved(framework(['A1', 'A2'], 150))).lots[0];
    expect(lot?.winners.map((w) => w.hoursPerWeek)).toEqual([600, 400]);
    // A1: P2 could take over 150 of P1's 600 h: a quarter of the 0.25 relief. A2: P1 does not cover it.
    expect(lot?.risk['supply']).toBeCloseTo((600 * (1 - 0.25 * 0.25) + 400) / 1000, 4);
    expect(lot?.riskDetail?.['supply']?.reason).toBe(
      '2 providers share the hours (largest 60%), but each area is served by one (area by area 1.00); other members covering an area count as its back-ups: 0.96; member P2 could take over 150 of the 600 h/week in the areas it covers (150 h/week spare) if P1 failed (a member counts in full only if it could take over all of them)',
    );
  });

  it("a framework member's spare is held against all the hours of the provider it would take over in the areas it covers, not one area's", async () => {
    // P1 serves A1 (600 h) and A3 (300 h); P2 serves A2 and covers A1 and A3 with 450 h spare:
    // enough for either area alone, half of the 900 h it would face if P1 failed.
    const s = makeScenario({
      areas: [area('A1'), area('A2'), area('A3')],
      zones: { A1: 'Z', A2: 'Z', A3: 'Z' },
      demand: [demand('A1', 600), demand('A2', 400), demand('A3', 300)],
      providers: [provider('P1'), provider('P2', { maxHours: 850 })],
      bids: [bid('B-P1', 'P1', ['A1', 'A3'], { price: 24 }), bid('B-P2', 'P2', ['A1', 'A2', 'A3'])],
      lotPlan: { standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2 }) },
    });
    const lot = (await solved(s)).lots[0];
    expect(lot?.winners.map((w) => `${w.providerId} ${w.hoursPerWeek}`)).toEqual(['P1 900', 'P2 400']);
    expect(lot?.risk['supply']).toBeCloseTo((900 * (1 - 0.25 * 0.5) + 400) / 1300, 4);
    expect(lot?.riskDetail?.['supply']?.reason).toMatch(
      /member P2 could take over 450 of the 900 h\/week in the areas it covers \(450 h\/week spare\) if P1 failed/,
    );
  });

  it('law: adding a secondary provider to a lead never raises supply risk', () => {
    let ran = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.array(fc.integer({ min: 0, max: 6000 }), { maxLength: 2 }),
        (lead, secondary, spares) => {
          ran++;
          const backups = spares.map((spare, i) => spareOnly(`B${i}`, spare));
          return (
            supplyRisk(
              [
                ['P1', lead],
                ['P2', secondary],
              ],
              backups,
              0.25,
            ).value <= supplyRisk([['P1', lead]], backups, 0.25).value
          );
        },
      ),
      { seed: 42, numRuns: 100 },
    );
    expect(ran).toBe(100);
  });
});

describe('N-1 stress and surge cover', () => {
  it("N-1: the share of the lead's hours the others cannot absorb", () => {
    const s = oneLot({ P1: 1000, P2: 600 });
    const lot = lotsOf(s)[0];
    if (lot === undefined) throw new Error('no lot');
    const allocations = [alloc(lot.id, 'P1', 'lead', 800), alloc(lot.id, 'P2', 'secondary', 200)];
    const r = n1Risk(awardFacts(s, allocations, [lot]), lot, s, allocations);
    expect(r.value).toBeCloseTo(1 - 400 / 800, 4);
    expect(r.reason).toMatch(
      /if P1 \(800 h\/week\) hands back, P2 could take on 400 of them under its bid \(at most 10,000 h\/week; 400 h\/week spare\): 50% uncovered/,
    );
  });
  it('N-1 in a framework: a member can take on only the hours in areas it covers', () => {
    /**
     * P1 serves A1's 600 h; P2, with 1,600 h spare, serves A2 and covers `p2Areas` under its place
     * (B-P2; its dearer bid for both areas won no place); P3, with 360 h, holds a place and no hours.
     */
    const n1 = (p2Areas: readonly string[], withP3 = false) => {
      const s = makeScenario({
        areas: [area('A1'), area('A2')],
        zones: { A1: 'Z', A2: 'Z' },
        demand: [demand('A1', 600), demand('A2', 400)],
        providers: [
          provider('P1', { maxHours: 600 }),
          provider('P2', { maxHours: 2000 }),
          provider('P3', { maxHours: 360 }),
        ],
        bids: [
          bid('B-P1', 'P1', ['A1']),
          bid('B-P2', 'P2', p2Areas),
          bid('B-P2-ALL', 'P2', ['A1', 'A2'], { price: 30, maxHours: 5_000 }),
          bid('B-P3', 'P3', ['A1']),
        ],
        lotPlan: { standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 3 }) },
      });
      const lot = lotsOf(s)[0];
      if (lot === undefined) throw new Error('no lot');
      const members = [
        { ...alloc(lot.id, 'P1', 'member', 600), areaHours: { A1: 600 } },
        { ...alloc(lot.id, 'P2', 'member', 400), areaHours: { A2: 400 } },
        ...(withP3 ? [{ ...alloc(lot.id, 'P3', 'member', 0), areaHours: {} }] : []),
      ];
      return n1Risk(awardFacts(s, members, [lot]), lot, s, members);
    };
    expect(n1(['A2']).value).toBe(1);
    expect(n1(['A2']).reason).toBe(
      "if P1 (600 h/week) hands back, P2 can take on 0 h/week of it in the areas it covers (P2 covers none of P1's areas): 100% uncovered",
    );
    expect(n1(['A1', 'A2']).value).toBe(0);
    // A member with a place and no hours steps in as a named back-up would: 360 of the 600 h.
    expect(n1(['A2'], true).value).toBeCloseTo(0.4, 6);
  });
  it('surge and growth in a framework: only a member covering the area can take on its extra hours', async () => {
    // A1's high forecast adds 200 h, and 2028 100 h; P1, which alone covers A1, is full; P2's 1,600 h spare is in A2 only.
    const s = twoAreaZones(['P1', 'P2'], [bid('B1', 'P1', ['A1']), bid('B2', 'P2', ['A2'])], {
      demand: [
        demand('A1', 600, { high: 800 }),
        demand('A2', 400),
        demand('A1', 700, { period: '2028' }),
        demand('A2', 400, { period: '2028' }),
      ],
      providers: [provider('P1', { maxHours: 600 }), provider('P2', { maxHours: 2000 })],
      lotPlan: { standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2 }) },
    });
    const lot = (await solved(s)).lots[0];
    expect(lot?.winners.map((w) => w.hoursPerWeek)).toEqual([600, 400]);
    expect(lot?.risk['surge']).toBe(1);
    expect(lot?.riskDetail?.['surge']?.reason).toBe(
      'high forecast adds 200 h/week; winners could take on 400 h/week more under their bids (1,600 h/week spare for this lot), of which 0 h/week in the areas that need it: 100% not covered',
    );
    expect(lot?.risk['growth']).toBe(1);
  });
  it('surge and growth in a framework count a member awarded no hours, as N-1 does: it holds a place and can be called off', async () => {
    // P1 (A1) and P2 (A2) fill their bids; P3, dearer, holds a place with no hours and 1,000 h/week spare over both areas.
    const s = makeScenario({
      areas: [area('A1'), area('A2')],
      zones: { A1: 'Z', A2: 'Z' },
      demand: [
        demand('A1', 600, { high: 700 }),
        demand('A2', 400),
        demand('A1', 650, { period: '2028' }),
        demand('A2', 400, { period: '2028' }),
      ],
      providers: [provider('P1'), provider('P2'), provider('P3', { maxHours: 1000 })],
      bids: [
        bid('B1', 'P1', ['A1'], { price: 24, maxHours: 600 }),
        bid('B2', 'P2', ['A2'], { price: 24, maxHours: 400 }),
        bid('B3', 'P3', ['A1', 'A2'], { price: 29 }),
      ],
      lotPlan: { standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 3 }) },
    });
    const lot = (await solved(s)).lots[0];
    expect(lot?.winners.map((w) => `${w.providerId} ${w.hoursPerWeek}`)).toEqual([
      'P1 600',
      'P2 400',
      'P3 0',
    ]);
    expect(lot?.risk['n1']).toBe(0);
    // Until later on 2026-12-02 surge and growth counted only members holding hours, both full: 1 and 1.
    expect(lot?.risk['surge']).toBe(0);
    expect(lot?.risk['growth']).toBe(0);
    expect(lot?.riskDetail?.['surge']?.reason).toBe(
      'high forecast adds 100 h/week; winners could take on 1,000 h/week more under their bids (20,000 h/week spare for this lot), of which 100 h/week in the areas that need it: 0% not covered',
    );
  });
  it('growth in a framework quotes the rise of the areas that grow when it is more than the net rise, as its value counts it (review14)', async () => {
    // 2028: A1 +1,000 h, A2 −900 h (net +100). P1 holds A1 and is full; P2 covers both with 900 h spare.
    const s = twoAreaZones(
      ['P1', 'P2'],
      [bid('B1', 'P1', ['A1'], { price: 20 }), bid('B2', 'P2', ['A1', 'A2'])],
      {
        demand: [
          demand('A1', 600),
          demand('A2', 1000),
          demand('A1', 1600, { period: '2028' }),
          demand('A2', 100, { period: '2028' }),
        ],
        providers: [provider('P1', { maxHours: 600 }), provider('P2', { maxHours: 1900 })],
        lotPlan: { standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2 }) },
      },
    );
    const lot = (await solved(s)).lots[0];
    expect(lot?.winners.map((w) => [w.providerId, w.hoursPerWeek])).toEqual([
      ['P1', 600],
      ['P2', 1000],
    ]);
    expect(lot?.risk['growth']).toBeCloseTo(0.1, 6);
    expect(lot?.riskDetail?.['growth']?.reason).toBe(
      'demand rises by 100 h/week to 1,700 h/week in 2028 (1,000 h/week in the areas that grow); winners could take on 900 h/week more under their bids (900 h/week spare for this lot), of which 900 h/week in the areas that need it: 10% not covered',
    );
  });
  it('growth in a framework does not repeat a rise that every area shares, for rounding alone (review14b)', async () => {
    // 2028: A1 +0.1 h, A2 +0.2 h: the areas' own rises add up to the net rise but for floating-point dust.
    const s = twoAreaZones(['P1', 'P2'], [bid('B1', 'P1', ['A1']), bid('B2', 'P2', ['A2'])], {
      demand: [
        demand('A1', 600),
        demand('A2', 400),
        demand('A1', 600.1, { period: '2028' }),
        demand('A2', 400.2, { period: '2028' }),
      ],
      providers: [provider('P1', { maxHours: 2000 }), provider('P2', { maxHours: 2000 })],
      lotPlan: { standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2 }) },
    });
    const reason = (await solved(s)).lots[0]?.riskDetail?.['growth']?.reason;
    expect(reason).toMatch(/^demand rises by /);
    expect(reason).not.toMatch(/in the areas that grow/);
  });
  it("a framework's price reason says its members are held against their own areas' floors, as its value counts them (review14)", async () => {
    const read = await readScenario('scenarios/tiny');
    if (read.scenario === null) throw new Error('scenarios/tiny did not read');
    const tiny = read.scenario;
    const s: Scenario = {
      ...tiny,
      lotPlan: {
        ...tiny.lotPlan,
        standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 3 }),
      },
    };
    const result = await solved(s);
    const lot = result.lots.find((l) => l.lotId.startsWith('standard'));
    const floors = result.providers.flatMap((p) =>
      (p.awards ?? []).filter((a) => a.lotId === lot?.lotId).map((a) => a.costFloorPerHour),
    );
    // The members serve areas of different floors, so the reason gives their range beside the lot's mix.
    expect(new Set(floors).size).toBeGreaterThan(1);
    const [low, high] = [Math.min(...floors), Math.max(...floors)].map((f) => `£${f.toFixed(2)}`);
    expect(lot?.riskDetail?.['price']?.reason).toMatch(
      new RegExp(`; each member is held against the floor of the areas it serves \\(${low}-${high}/h\\)$`),
    );
  });
  it('law: more spare capacity never raises N-1 or surge risk', () => {
    let ran = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 3000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        (p2, extra, backupCap) => {
          ran++;
          const allocations = [
            alloc('standard:Z', 'P1', 'lead', 800),
            alloc('standard:Z', 'P2', 'secondary', 200),
            alloc('standard:Z', 'P3', 'backup', 0),
          ];
          const risks = (cap2: number) => {
            const s = oneLot({ P1: 800, P2: cap2, P3: backupCap });
            const lot = lotsOf(s)[0];
            const facts = awardFacts(s, allocations, lotsOf(s));
            return lot === undefined
              ? [NaN, NaN]
              : [n1Risk(facts, lot, s, allocations).value, surgeRisk(facts, lot).value];
          };
          const [n1a = NaN, surgeA = NaN] = risks(p2);
          const [n1b = NaN, surgeB = NaN] = risks(p2 + extra);
          return n1b <= n1a && surgeB <= surgeA;
        },
      ),
      { seed: 42, numRuns: 100 },
    );
    expect(ran).toBe(100);
  });
});

describe('transition and cherry-picking', () => {
  it("transition: share of today's hours whose provider does not keep them", () => {
    const base = oneLot({ P1: 2000, P2: 2000 });
    const s: Scenario = {
      ...base,
      current: [
        { areaId: 'A1', careType: 'standard', providerId: 'P1', hours: 600 },
        { areaId: 'A2', careType: 'standard', providerId: 'P3', hours: 300 },
      ],
    };
    const lot = lotsOf(s)[0];
    if (lot === undefined) throw new Error('no lot');
    const allocations = [alloc(lot.id, 'P1', 'lead', 800), alloc(lot.id, 'P2', 'secondary', 200)];
    expect(transitionRisk(s, lot, allocations).value).toBeCloseTo(300 / 900, 4);
    expect(transitionRisk(base, lot, allocations).value).toBe(0);
  });
  /** A county framework: today P1 serves A1's 600 h and P2 A2's 400 h; P1 bids for `p1Area`, P2 for the other. */
  const todayInFramework = (p1Area: 'A1' | 'A2'): Scenario => ({
    ...makeScenario({
      areas: [area('A1'), area('A2')],
      zones: { A1: 'Z', A2: 'Z' },
      demand: [demand('A1', 600), demand('A2', 400)],
      providers: [provider('P1'), provider('P2')],
      bids: [bid('B-P1', 'P1', [p1Area]), bid('B-P2', 'P2', [p1Area === 'A1' ? 'A2' : 'A1'])],
      lotPlan: { standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2 }) },
    }),
    current: [
      { areaId: 'A1', careType: 'standard', providerId: 'P1', hours: 600 },
      { areaId: 'A2', careType: 'standard', providerId: 'P2', hours: 400 },
    ],
  });
  it('transition in a framework: a member keeps only the people in the areas it serves, not its hours anywhere in the lot', async () => {
    // The framework gives P1 A2 and P2 A1, so everyone changes provider.
    const lot = (await solved(todayInFramework('A2'))).lots[0];
    expect(lot?.winners.map((w) => `${w.providerId} ${w.hoursPerWeek}`)).toEqual(['P1 400', 'P2 600']);
    expect(lot?.risk['transition']).toBe(1);
    expect(lot?.riskDetail?.['transition']?.reason).toBe(
      "1,000 h/week of today's 1,000 h/week change provider (100%), area by area: a member keeps only the people in the areas it serves",
    );
  });
  it('transition in a framework: a member that keeps its own areas keeps its people', async () => {
    const lot = (await solved(todayInFramework('A1'))).lots[0];
    expect(lot?.winners.map((w) => `${w.providerId} ${w.hoursPerWeek}`)).toEqual(['P1 600', 'P2 400']);
    expect(lot?.risk['transition']).toBe(0);
  });
  it('cherry-picking: a rural area covered by one framework member counts half', () => {
    const s = oneLot({ P1: 2000, P3: 2000 }, 'framework');
    const lot = lotsOf(s)[0];
    if (lot === undefined) throw new Error('no lot');
    const members = [alloc(lot.id, 'P1', 'member', 500), alloc(lot.id, 'P3', 'member', 500)];
    expect(cherryPickingRisk(s, lot, members).value).toBe(0.5);
    expect(cherryPickingRisk(s, lot, [alloc(lot.id, 'P3', 'member', 600)]).value).toBe(1);
  });
});

describe('concentration', () => {
  it('county HHI and its bands (EU 2004: 1,000 / 2,000; US 2023: 1,800)', () => {
    const c = countyConcentration(
      new Map([
        ['A', 50],
        ['B', 30],
        ['C', 20],
      ]),
    );
    expect(c.hhi).toBe(3800);
    expect(c.largestProvider).toBe('A');
    expect(hhiValue(900)).toBe(0);
    expect(hhiValue(1800)).toBe(0.5);
    expect(hhiValue(2000)).toBe(0.75);
    expect(hhiValue(1400)).toBeCloseTo(0.25, 10);
    expect(hhiValue(9000)).toBe(1);
    expect(hhiBand(1885)).toMatch(/US 2023/);
  });

  /** Three zones split 50/50 by six providers; with `unbought`, a fourth zone of 1,000 h/week that nobody bids for. */
  function sixProviders(unbought: boolean): Scenario {
    const zones = ['A', 'B', 'C', ...(unbought ? ['D'] : [])];
    const pairs = [
      ['A', 'P1'],
      ['A', 'P2'],
      ['B', 'P3'],
      ['B', 'P4'],
      ['C', 'P5'],
      ['C', 'P6'],
    ] as const;
    return makeScenario({
      areas: zones.map((z) => area(z)),
      zones: Object.fromEntries(zones.map((z) => [z, `Z-${z}`])),
      demand: zones.map((z) => demand(z, 1000)),
      providers: pairs.map(([, p]) => provider(p, { maxHours: 500 })),
      bids: pairs.map(([z, p]) => bid(`B-${p}`, p, [z], { price: 30 })),
      lotPlan: { standard: lotEntry({ structure: 'lead-secondary', leadShare: 0.5 }) },
      award: { minDistinctProviders: 1 },
    });
  }

  it('care left unbought in another zone does not make the market look less concentrated', async () => {
    const [all, short] = [await solved(sixProviders(false)), await solved(sixProviders(true))];
    expect(short.totals.unmetHoursPerWeek).toBe(1000);
    // The same six providers hold the same hours: 1/6 of the care bought each.
    for (const r of [all, short]) {
      expect(r.totals.hhi).toBe(1667);
      expect((r.risk as Record<string, unknown>)['county']).toMatchObject({ hhi: 1667, largestShare: 1 / 6 });
    }
    const zoneA = (r: typeof all) => r.lots.find((l) => l.lotId === 'standard:Z-A');
    expect(zoneA(short)?.risk['concentration']).toBe(zoneA(all)?.risk['concentration']);
    expect(zoneA(short)?.riskScore).toBe(zoneA(all)?.riskScore);
    expect(zoneA(short)?.riskDetail?.['concentration']?.reason).toMatch(/P1 holds 17% of the hours bought/);
  });
});

describe('growth (demand periods after the design period)', () => {
  /** 100 h/week in 2027, 150 in 2028 and 130 in 2029; one provider with 120 h capacity holds the lot. */
  function growing(withLaterPeriods: boolean): Scenario {
    const later = withLaterPeriods
      ? [demand('A1', 150, { period: '2028' }), demand('A1', 130, { period: '2029' })]
      : [];
    return makeScenario({
      areas: [area('A1')],
      zones: { A1: 'Z' },
      demand: [demand('A1', 100), ...later],
      providers: [provider('P1', { maxHours: 120 })],
      bids: [bid('B-P1', 'P1', ['A1'])],
      lotPlan: { standard: lotEntry({ structure: 'sole' }) },
    });
  }

  it('lots carry their demand in every later period, in order', () => {
    expect(lotsOf(growing(true))[0]?.laterDemand).toEqual([
      { period: '2028', hours: 150 },
      { period: '2029', hours: 130 },
    ]);
    expect(lotsOf(growing(false))[0]?.laterDemand).toEqual([]);
  });

  it("the largest rise must come out of the winners' spare capacity: 50 h of growth, 20 h spare, 60% not covered", () => {
    const s = growing(true);
    const lots = lotsOf(s);
    const lot = lots[0];
    if (lot === undefined) throw new Error('no lot');
    const facts = awardFacts(s, [alloc(lot.id, 'P1', 'sole', 100)], lots);
    const growth = growthRisk(facts, lot);
    expect(growth.value).toBeCloseTo(0.6, 6);
    expect(growth.reason).toBe(
      'demand rises by 50 h/week to 150 h/week in 2028; winners could take on 20 h/week more under their bids (20 h/week spare for this lot): 60% not covered',
    );
    const flat = lotsOf(growing(false))[0];
    if (flat === undefined) throw new Error('no lot');
    expect(growthRisk(facts, flat).value).toBe(0);
  });

  it("deleting the later periods changes the award's risk and its output", async () => {
    const [withLater, without] = [await solved(growing(true)), await solved(growing(false))];
    expect(withLater.totals.riskScore).toBeGreaterThan(without.totals.riskScore);
    expect(withLater.lots[0]?.laterDemand).toEqual([
      { period: '2028', hoursPerWeek: 150 },
      { period: '2029', hoursPerWeek: 130 },
    ]);
    expect(without.lots[0]?.laterDemand).toEqual([]);
  });
});

describe('ties', () => {
  it('between providers with the same largest share: the first by id (code point) is the largest provider', () => {
    const hours = new Map([
      ['b-care', 50],
      ['B-care', 50],
    ]);
    // The locale's order would name b-care.
    expect(countyConcentration(hours).largestProvider).toBe('B-care');
    expect([...countyConcentration(hours).shares.keys()]).toEqual(['B-care', 'b-care']);
  });

  it("between lots equally risky: the award's reason names the first by lot id", () => {
    const scored = (id: string): ScoredLot => ({
      lot: { id, demand: 100 } as unknown as Lot,
      risk: { supply: component(0.5, 'r', 1) },
      unmet: 0,
    });
    const county = countyConcentration(new Map([['P', 100]]));
    const risk = awardRisk(
      [scored('standard:Z2'), scored('standard:Z1')],
      county,
      defaultScoringSettings.scoring,
    );
    expect(risk['supply']?.reason).toBe('weighted by hours bought over 2 lots; highest standard:Z1 0.50');
  });
});
