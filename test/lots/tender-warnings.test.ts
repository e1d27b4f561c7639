/**
 * Warnings about the tender as set, before any award: here a framework with more places
 * than providers who may take one, and one whose members' least share is above the share cap.
 */
import { describe, expect, test } from 'vitest';
import { tenderLots, tenderWarnings } from '../../src/lots/tender-lots.js';
import {
  area,
  bid,
  demand,
  lotEntry,
  makeScenario,
  provider,
  threeBidders,
} from '../helpers/scenario-builder.js';

/** Two zone frameworks of `places` places, with three providers bidding in both zones. */
const frameworks = (places: number) => ({
  ...threeBidders(0),
  lotPlan: { standard: lotEntry({ structure: 'framework', maxProviders: places }) },
});

const warningsOf = (places: number) => {
  const s = frameworks(places);
  const { lots, rejections } = tenderLots(s);
  return tenderWarnings(s, lots, rejections);
};

describe('a framework with more places than bidders (explore16)', () => {
  test('is told once for the care type, with the most members any of its frameworks can have', () => {
    // maxProviders 9 read as "valid" without a word: each framework can have 3 members at most.
    expect(warningsOf(9)).toEqual([
      'lots.standard.maxProviders is 9, but at most 3 providers have an eligible bid for any standard lot: its frameworks will have at most 3 members, not 9',
    ]);
  });

  test('is not told when some framework of the care type can fill every place', () => {
    expect(warningsOf(3)).toEqual([]);
    expect(warningsOf(2)).toEqual([]);
  });
});

describe("a framework whose members' least share is above the share cap", () => {
  /** Three bidders for 200 h/week; the share cap 30% lets each hold 60 h/week. */
  const capped = (geography: 'zone' | 'county', minShare: number) => {
    const base = threeBidders(0);
    const s = {
      ...base,
      lotPlan: { standard: lotEntry({ geography, structure: 'framework', maxProviders: 2, minShare }) },
      award: { ...base.award, maxShareOfTotalHours: 0.3 },
    };
    const { lots, rejections } = tenderLots(s);
    return tenderWarnings(s, lots, rejections);
  };

  test('is told: no provider may take a place, and every hour of the lot goes unbought', () => {
    // A county framework of 200 h/week whose members must each take 40% (80 h/week) read as valid.
    expect(capped('county', 0.4)).toEqual([
      'lots.standard.minShare is 0.4: a member of lot standard:county must take at least 80 h/week, but award.maxShareOfTotalHours 0.3 lets no provider hold more than 60 h/week: no provider may take a place in it, so its hours will go unbought; lower minShare to 0.3 or less, or raise award.maxShareOfTotalHours',
    ]);
  });

  test('is not told when a member may take its least share', () => {
    expect(capped('county', 0.3)).toEqual([]);
    // Each zone's framework carries 100 h/week: 40% of it is 40 h/week, under the cap.
    expect(capped('zone', 0.4)).toEqual([]);
  });
});

describe('a role whose hours are above the share cap', () => {
  /** Three bidders for two zones of 100 h/week; the share cap 30% lets each hold 60 h/week. */
  const capped = (entry: Parameters<typeof lotEntry>[0], cap = 0.3) => {
    const base = threeBidders(0);
    const s = {
      ...base,
      lotPlan: { standard: lotEntry(entry) },
      award: { ...base.award, maxShareOfTotalHours: cap },
    };
    const { lots, rejections } = tenderLots(s);
    return tenderWarnings(s, lots, rejections);
  };

  test('is told once per role and care type: no provider may hold it, and its hours go unbought', () => {
    // A lead of 80 h/week in each zone under a cap of 60 h/week: validate said "valid", and the award left them unbought.
    expect(capped({ structure: 'lead-secondary', leadShare: 0.8 })).toEqual([
      'award.maxShareOfTotalHours 0.3 lets no provider hold more than 60 h/week, but the lead of lot standard:Z1 takes 80 h/week: no provider may be the lead of it or of 1 more standard lot, so their hours will go unbought; raise award.maxShareOfTotalHours to 0.4 or more, or tender smaller lots',
    ]);
    expect(capped({ geography: 'county', structure: 'sole' }, 0.5)).toEqual([
      'award.maxShareOfTotalHours 0.5 lets no provider hold more than 100 h/week, but the sole provider of lot standard:county takes 200 h/week: no provider may be the sole provider of it, so its hours will go unbought; raise award.maxShareOfTotalHours to 1 or more, or tender smaller lots',
    ]);
  });

  test('is not told when every role fits under the cap', () => {
    expect(capped({ structure: 'lead-secondary', leadShare: 0.6 })).toEqual([]);
    expect(capped({ structure: 'sole' }, 0.5)).toEqual([]);
  });
});

describe('zones with no demand', () => {
  test('are told in zone id order by code point, not in the order of their areas', () => {
    const s = makeScenario({
      areas: [area('A1'), area('A2'), area('A3')],
      zones: { A1: 'z2', A2: 'Z3', A3: 'Z1' },
      demand: [demand('A3', 10)],
      providers: [provider('P1')],
      bids: [bid('B1', 'P1', ['A3'])],
    });
    const { lots, rejections } = tenderLots(s);
    // Their areas would give z2 first, and the locale's order z2 before Z3.
    expect(tenderWarnings(s, lots, rejections).map((w) => w.split(' (')[0])).toEqual(['zone Z3', 'zone z2']);
  });
});

describe('a bid below the legal pay floor of several lots', () => {
  /** Zones Z1 (urban), Z2 and Z3 (rural, so a higher floor); FAIR bids everywhere above every floor. */
  const tender = (price: number, coverage: readonly string[]) => {
    const s = makeScenario({
      areas: [area('A1'), area('A2', { rurality: 'rural' }), area('A3', { rurality: 'rural' })],
      zones: { A1: 'Z1', A2: 'Z2', A3: 'Z3' },
      demand: [demand('A1', 100), demand('A2', 100), demand('A3', 100)],
      providers: [provider('P1'), provider('P2')],
      bids: [bid('CHEAP', 'P1', coverage, { price }), bid('FAIR', 'P2', ['A1', 'A2', 'A3'], { price: 40 })],
      lotPlan: { standard: lotEntry() },
      award: { rejectBelowLegalPay: true },
    });
    const { lots, rejections } = tenderLots(s);
    return { warnings: tenderWarnings(s, lots, rejections), rejections };
  };
  const floors = tender(0, ['A1', 'A2', 'A3']).rejections.map((r) => r.legalPayFloorPerHour);
  const [urban = 0, rural = 0] = floors;

  test('is told once, with its lots, their floors and that it can win none, not once a lot', () => {
    expect(floors).toHaveLength(3);
    expect(rural).toBeGreaterThan(urban);
    const { warnings, rejections } = tender(10, ['A1', 'A2', 'A3']);
    expect(rejections.map((r) => r.lotId)).toEqual(['standard:Z1', 'standard:Z2', 'standard:Z3']);
    expect(warnings).toEqual([
      `bid CHEAP rejected for 3 lots (standard:Z1, standard:Z2, standard:Z3): £10.00/h cannot pay legal wages there (floors from £${urban.toFixed(2)}/h in standard:Z1 to £${rural.toFixed(2)}/h in standard:Z2); it can win no lot`,
    ]);
  });

  test('says how many lots it stays in for when it pays the floor of some', () => {
    const between = Math.round(urban + rural) / 2;
    expect(tender(between, ['A1', 'A2', 'A3']).warnings).toEqual([
      `bid CHEAP rejected for 2 lots (standard:Z2, standard:Z3): £${between.toFixed(2)}/h cannot pay legal wages there (floor £${rural.toFixed(2)}/h in each); it stays in for 1 other lot`,
    ]);
  });

  test("below one lot's floor only, names that lot as before", () => {
    expect(tender(10, ['A2']).warnings).toEqual([
      `bid CHEAP rejected for lot standard:Z2: £10.00/h cannot pay legal wages there (floor £${rural.toFixed(2)}/h)`,
    ]);
  });
});
