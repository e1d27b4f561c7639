/**
 * The verifier must catch broken awards. Each test starts from a correct
 * award (solved, then checked clean), breaks it one way, re-prices it so only
 * that one thing is wrong, and asserts the exact violation.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Allocation, Scenario } from '../../src/model/types.js';
import { verifyAward, type AwardToVerify } from '../../src/verify/verify.js';
import {
  lotEntry,
  makeScenario,
  area,
  bid,
  demand,
  provider,
  twoZoneScenario,
} from '../helpers/scenario-builder.js';
import { solved } from '../helpers/run.js';

const base = twoZoneScenario();
let good: AwardToVerify;

function toVerify(r: Awaited<ReturnType<typeof solved>>): AwardToVerify {
  return {
    zoning: r.zoning,
    lots: r.lots,
    allocations: r.allocations,
    objective: r.objective,
    annualCost: r.totals.annualCost,
  };
}

/** Make costs and the (cost) objective agree with the allocations, so only the intended break remains. */
function consistent(award: AwardToVerify, scenario: Scenario = base): AwardToVerify {
  const allocations = award.allocations.map((a) => ({
    ...a,
    annualCost: a.hoursPerWeek * a.pricePerHour * scenario.weeksPerYear,
  }));
  const annualCost = allocations.reduce((t, a) => t + a.annualCost, 0);
  const unmet = award.lots.reduce((t, l) => t + l.unmetHoursPerWeek, 0);
  return {
    ...award,
    allocations,
    annualCost,
    objective: {
      kind: 'cost',
      value: annualCost + scenario.weeksPerYear * unmet * scenario.award.unmetPenaltyPerHour,
    },
  };
}

function replace(
  award: AwardToVerify,
  bidId: string,
  lotId: string,
  change: Partial<Allocation>,
): AwardToVerify {
  const found = award.allocations.some((a) => a.bidId === bidId && a.lotId === lotId);
  if (!found) throw new Error(`no allocation ${bidId} → ${lotId}`);
  return {
    ...award,
    allocations: award.allocations.map((a) =>
      a.bidId === bidId && a.lotId === lotId ? { ...a, ...change } : a,
    ),
  };
}

const alloc = (
  bidId: string,
  providerId: string,
  lotId: string,
  role: Allocation['role'],
  hours: number,
  price: number,
): Allocation => ({
  lotId,
  bidId,
  providerId,
  role,
  hoursPerWeek: hours,
  pricePerHour: price,
  annualCost: hours * price * 52,
});

beforeAll(async () => {
  good = toVerify(await solved(base));
});

describe('verifyAward on the running example', () => {
  test('the solved award is the hand-computed optimum and passes', () => {
    // Z1: B1 lead 80h @20 + B3 secondary 20h @21; Z2: package bid B5 lead 40h @19 + B2 secondary 10h @22; reablement: B6 (package) 15h @26.
    expect(good.allocations.map((a) => `${a.lotId} ${a.role} ${a.bidId} ${a.hoursPerWeek}`)).toEqual([
      'reablement:county sole B6 15',
      'standard:Z1 lead B1 80',
      'standard:Z1 secondary B3 20',
      'standard:Z2 lead B5 40',
      'standard:Z2 secondary B2 10',
    ]);
    expect(good.annualCost).toBeCloseTo(3390 * 52, 6);
    expect(verifyAward(base, good)).toEqual([]);
    expect(verifyAward(base, consistent(good))).toEqual([]);
  });

  test.each<[string, (a: AwardToVerify) => AwardToVerify, Scenario | null, RegExp[]]>([
    [
      '1: a role filled twice',
      (a) => ({
        ...a,
        allocations: [...a.allocations, alloc('B2', 'P2', 'standard:Z1', 'lead', 80, 22)],
        lots: a.lots.map((l) => (l.lotId === 'standard:Z1' ? { ...l, unmetHoursPerWeek: -80 } : l)),
      }),
      null,
      [/lot standard:Z1: role lead filled 2 times/],
    ],
    [
      '1: a role neither filled nor unmet',
      (a) => ({ ...a, allocations: a.allocations.filter((x) => x.bidId !== 'B3') }),
      null,
      [/lot standard:Z1: allocated 80 \+ unmet 0 ≠ demand 100/],
    ],
    [
      '2: one provider in both roles',
      (a) => replace(a, 'B3', 'standard:Z1', { bidId: 'B1', providerId: 'P1', pricePerHour: 20 }),
      null,
      [/lot standard:Z1: one provider holds two places/],
    ],
    [
      '3: bid capacity',
      (a) => a,
      { ...base, bids: base.bids.map((b) => (b.id === 'B1' ? { ...b, maxHours: 50 } : b)) },
      [/bid B1: 80 hours, its max is 50/],
    ],
    [
      '4: provider capacity',
      (a) => a,
      { ...base, providers: base.providers.map((p) => (p.id === 'P1' ? { ...p, maxHours: 60 } : p)) },
      [/provider P1: 80 hours, capacity 60/],
    ],
    [
      '5: share cap',
      (a) => a,
      { ...base, award: { ...base.award, maxShareOfTotalHours: 0.4 } },
      [
        /provider P1: 80 hours breaks the share cap of 0.4/,
        /provider P3: 75 hours breaks the share cap of 0.4/,
      ],
    ],
    [
      '6: lots per provider',
      (a) => a,
      { ...base, award: { ...base.award, maxLotsPerProvider: 2 } },
      [/provider P3: 3 lots, at most 2/],
    ],
    [
      '7: distinct providers',
      (a) => a,
      { ...base, award: { ...base.award, minDistinctProviders: 4 } },
      [/3 providers win at least 1 hour a week, at least 4 must/],
    ],
    [
      '8: half a package',
      (a) => replace(a, 'B6', 'reablement:county', { bidId: 'B7', providerId: 'P2', pricePerHour: 27 }),
      null,
      [/package PK: bids win 1\/0 roles/],
    ],
    [
      'wrong price',
      (a) => replace(a, 'B1', 'standard:Z1', { pricePerHour: 18 }),
      null,
      [/allocation B1 → standard:Z1 \(lead\): price 18 but the bid says 20/],
    ],
    [
      'hours of a role',
      (a) => ({
        ...replace(a, 'B1', 'standard:Z1', { hoursPerWeek: 70 }),
        lots: a.lots.map((l) => (l.lotId === 'standard:Z1' ? { ...l, unmetHoursPerWeek: 10 } : l)),
      }),
      null,
      [/allocation B1 → standard:Z1 \(lead\): 70 hours, the role holds 80/],
    ],
    [
      'bid does not cover the lot',
      (a) => replace(a, 'B3', 'standard:Z1', { bidId: 'B4', providerId: 'P1', pricePerHour: 24 }),
      null,
      [
        /allocation B4 → standard:Z1 \(secondary\): bid does not cover area A1 of the lot/,
        /one provider holds two places/,
      ],
    ],
    [
      'secondary-only bid as lead',
      (a) => ({
        ...a,
        allocations: a.allocations.map((x) =>
          x.lotId !== 'standard:Z1'
            ? x
            : x.role === 'lead'
              ? { ...x, bidId: 'B3', providerId: 'P3', pricePerHour: 21 }
              : { ...x, bidId: 'B1', providerId: 'P1', pricePerHour: 20 },
        ),
      }),
      null,
      [/allocation B3 → standard:Z1 \(lead\): a secondary bid cannot take role lead/],
    ],
    [
      'care type',
      (a) => replace(a, 'B6', 'reablement:county', { bidId: 'B2', providerId: 'P2', pricePerHour: 22 }),
      null,
      [/allocation B2 → reablement:county \(sole\): bid is for standard, lot is reablement/, /package PK/],
    ],
    [
      'minQuality',
      (a) => a,
      {
        ...base,
        award: { ...base.award, minQuality: 75 },
        bids: base.bids.map((b) =>
          b.id === 'B1' ? { ...b, quality: 60 } : b.id === 'B1' ? b : { ...b, quality: 80 },
        ),
      },
      [/allocation B1 → standard:Z1 \(lead\): quality 60 below minQuality 75/],
    ],
    [
      'unknown bid',
      (a) => replace(a, 'B1', 'standard:Z1', { bidId: 'B99' }),
      null,
      [/allocation B99 → standard:Z1 \(lead\): bid does not exist/],
    ],
    [
      "provider not the bid's",
      (a) => replace(a, 'B1', 'standard:Z1', { providerId: 'P2' }),
      null,
      [/provider P2 but the bid is P1's/],
    ],
    [
      'lot missing',
      (a) => ({
        ...a,
        lots: a.lots.filter((l) => l.lotId !== 'reablement:county'),
        allocations: a.allocations.filter((x) => x.lotId !== 'reablement:county'),
      }),
      null,
      [/lot reablement:county has demand but is missing from the award/, /package PK/],
    ],
    [
      'lot demand wrong',
      (a) => ({
        ...a,
        lots: a.lots.map((l) => (l.lotId === 'standard:Z2' ? { ...l, demandHoursPerWeek: 55 } : l)),
      }),
      null,
      [/lot standard:Z2: demand 55, the scenario says 50/],
    ],
    [
      'lot areas wrong',
      (a) => ({
        ...a,
        lots: a.lots.map((l) => (l.lotId === 'standard:Z2' ? { ...l, areaIds: ['A2', 'A3'] } : l)),
      }),
      null,
      [/lot standard:Z2: areas differ from the zoning/],
    ],
    [
      'backup with hours',
      (a) => ({
        ...a,
        allocations: [...a.allocations, alloc('B7', 'P2', 'reablement:county', 'backup', 5, 27)],
      }),
      { ...base, lotPlan: { ...base.lotPlan, reablement: lotEntry({ geography: 'county', backup: true }) } },
      [/a backup holds no guaranteed hours/],
    ],
    [
      'backup where none are named',
      (a) => ({
        ...a,
        allocations: [...a.allocations, alloc('B7', 'P2', 'reablement:county', 'backup', 0, 27)],
      }),
      null,
      [/backup in a lot without back-ups/],
    ],
  ])('catches %s', (_name, breakIt, scenario, expected) => {
    const s = scenario ?? base;
    const violations = verifyAward(s, consistent(breakIt(good), s));
    for (const pattern of expected)
      expect(
        violations.some((v) => pattern.test(v)),
        `${pattern} in\n${violations.join('\n')}`,
      ).toBe(true);
    expect(violations.length).toBeGreaterThan(0);
  });

  test('catches costs and an objective that do not add up', () => {
    const cost = replace(good, 'B1', 'standard:Z1', { annualCost: 1 });
    expect(verifyAward(base, cost)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/annual cost 1 ≠ hours × price × weeks/),
        expect.stringMatching(/annual cost .* ≠ sum of allocations/),
      ]),
    );
    expect(verifyAward(base, { ...good, annualCost: good.annualCost + 100 })).toEqual([
      expect.stringMatching(/^annual cost .* ≠ sum of allocations/),
    ]);
    // half a penny of rounding is fine; a pound is not
    expect(verifyAward(base, replace(good, 'B1', 'standard:Z1', { annualCost: 83200.004 }))).toEqual([]);
    expect(verifyAward(base, replace(good, 'B1', 'standard:Z1', { annualCost: 83201 }))).toContainEqual(
      expect.stringMatching(/annual cost 83201 ≠ hours × price × weeks/),
    );
    expect(
      verifyAward(base, { ...good, objective: { kind: 'cost', value: good.objective.value * 0.99 } }),
    ).toEqual([expect.stringMatching(/^objective .* ≠ recomputed/)]);
  });

  test('a meat award is checked against its own objective', async () => {
    const meat = { ...base, award: { ...base.award, objective: 'meat' as const } };
    const award = toVerify(await solved(meat));
    expect(verifyAward(meat, award)).toEqual([]);
    expect(
      verifyAward(meat, { ...award, objective: { kind: 'meat', value: award.objective.value + 1 } }),
    ).toEqual([expect.stringMatching(/^objective/)]);
  });
});

describe('verifyAward on framework lots', () => {
  const scenario = makeScenario({
    areas: [area('A1'), area('A2')],
    zones: { A1: 'Z1', A2: 'Z1' },
    demand: [demand('A1', 30), demand('A2', 20)],
    providers: [provider('P1', { maxHours: 100 }), provider('P2', { maxHours: 100 }), provider('P3')],
    bids: [
      bid('B1', 'P1', ['A1'], { price: 20 }),
      bid('B2', 'P2', ['A1', 'A2'], { price: 22 }),
      bid('B3', 'P3', ['A2'], { price: 30 }),
    ],
    lotPlan: {
      standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2, minShare: 0.2 }),
    },
  });
  const member = (
    bidId: string,
    providerId: string,
    areaHours: Readonly<Record<string, number>>,
    price: number,
  ): Allocation => {
    const hours = Object.values(areaHours).reduce((t, h) => t + h, 0);
    return { ...alloc(bidId, providerId, 'standard:county', 'member', hours, price), areaHours };
  };
  let fw: AwardToVerify;
  beforeAll(async () => {
    fw = toVerify(await solved(scenario));
  });

  test('the solved framework award passes: cheapest members serve each area', () => {
    expect(fw.allocations.map((a) => [a.bidId, a.areaHours])).toEqual([
      ['B1', { A1: 30 }],
      ['B2', { A2: 20 }],
    ]);
    expect(verifyAward(scenario, fw)).toEqual([]);
  });

  test.each<[string, Allocation[], number, RegExp]>([
    [
      'too many members',
      [
        member('B1', 'P1', { A1: 15 }, 20),
        member('B2', 'P2', { A1: 15 }, 22),
        member('B3', 'P3', { A2: 20 }, 30),
      ],
      0,
      /3 members, at most 2/,
    ],
    [
      'below minShare',
      [member('B1', 'P1', { A1: 5 }, 20), member('B2', 'P2', { A1: 25, A2: 20 }, 22)],
      0,
      /lot standard:county: P1 serves 5, below minShare/,
    ],
    [
      'an area served twice over',
      [member('B1', 'P1', { A1: 30 }, 20), member('B2', 'P2', { A1: 5, A2: 15 }, 22)],
      0,
      /area A1 served 35 hours, demand is 30/,
    ],
    [
      'an area the bid does not cover',
      [member('B1', 'P1', { A1: 30, A2: 5 }, 20), member('B2', 'P2', { A2: 15 }, 22)],
      0,
      /allocation B1 → standard:county \(member\): serves area A2 it does not cover/,
    ],
  ])('catches %s', (_name, members, unmet, pattern) => {
    const priced = members.map((m) => ({
      ...m,
      pricePerHour: scenario.bids.find((b) => b.id === m.bidId)?.price ?? 0,
    }));
    const award = consistent(
      { ...fw, allocations: priced, lots: fw.lots.map((l) => ({ ...l, unmetHoursPerWeek: unmet })) },
      scenario,
    );
    const violations = verifyAward(scenario, award);
    expect(
      violations.some((v) => pattern.test(v)),
      violations.join('\n'),
    ).toBe(true);
  });

  test('a member with no hours does not count towards award.minDistinctProviders', () => {
    const two = {
      ...scenario,
      lotPlan: {
        standard: lotEntry({ geography: 'county', structure: 'framework', maxProviders: 2, minShare: 0 }),
      },
      award: { ...scenario.award, minDistinctProviders: 2 },
    };
    const award = consistent(
      { ...fw, allocations: [member('B1', 'P1', { A1: 0 }, 20), member('B2', 'P2', { A1: 30, A2: 20 }, 22)] },
      two,
    );
    expect(verifyAward(two, award)).toEqual(['1 provider wins at least 1 hour a week, at least 2 must']);
  });

  test("area hours that do not add up to the member's hours", () => {
    const broken = replace(fw, 'B1', 'standard:county', { areaHours: { A1: 25 } });
    expect(verifyAward(scenario, broken)).toEqual([expect.stringMatching(/area hours add to 25, not 30/)]);
  });
});
