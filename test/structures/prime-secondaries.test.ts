/**
 * prime-secondaries end to end: settings as scenario.json gives them, the
 * roles and shares a lot gets, which bids may hold which role, a solve whose
 * result rows name `prime` and `secondary` (each a different provider), the
 * independent verifier catching broken awards of this structure, and the
 * option `zonal compare` adds.
 */
import { describe, expect, test } from 'vitest';
import { planComparison } from '../../src/compare/compare.js';
import { optionByName } from '../../src/compare/options.js';
import { buildLots } from '../../src/lots/build-lots.js';
import { isEligible } from '../../src/lots/eligibility.js';
import type { Allocation, Scenario } from '../../src/model/types.js';
import { lotEntrySchema } from '../../src/structures/entry-schema.js';
import { describeEntry, labelEntry } from '../../src/structures/index.js';
import { verifyAward, type AwardToVerify } from '../../src/verify/verify.js';
import { awardToVerify, solved } from '../helpers/run.js';
import { area, bid, demand, lotEntry, makeScenario, provider, rules } from '../helpers/scenario-builder.js';

const issues = (value: unknown) => {
  const parsed = lotEntrySchema().safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
};

describe('prime-secondaries settings', () => {
  test('the issue example parses; secondaries defaults to two', () => {
    const entry = { geography: 'zone', structure: 'prime-secondaries', primeShare: 0.6 };
    expect(lotEntrySchema().parse({ ...entry, secondaries: 2 })).toEqual({
      kind: 'lot',
      ...entry,
      secondaries: 2,
    });
    expect(lotEntrySchema().parse(entry)).toEqual({ kind: 'lot', ...entry, secondaries: 2 });
    expect(lotEntrySchema().parse({ ...entry, primeShare: '70%', secondaries: 1 })).toMatchObject({
      primeShare: 0.7,
      secondaries: 1,
    });
  });

  test('a missing or impossible setting names its key and the fix', () => {
    expect(issues({ geography: 'zone', structure: 'prime-secondaries' })).toEqual([
      "primeShare is missing: prime-secondaries needs primeShare, e.g. 0.6 for the prime's 60%",
    ]);
    expect(issues({ geography: 'zone', structure: 'prime-secondaries', primeShare: 0.3 })).toEqual([
      "primeShare is 0.3: it must be less than 1 and at least each secondary's share, 0.333 with 2 secondaries",
    ]);
    expect(
      issues({ geography: 'zone', structure: 'prime-secondaries', primeShare: 0.6, secondaries: 3 }),
    ).toEqual(['secondaries must be at most 2']);
    expect(issues({ geography: 'zone', structure: 'sole', secondaries: 2 })).toEqual([]);
    expect(
      issues({ geography: 'zone', structure: 'prime-secondaries', primeShare: 0.6, primeshare: 1 }),
    ).toEqual([' Unrecognized key: "primeshare"']);
  });
});

/** One zone of two areas, 100 hours; four providers bidding every role kind. */
function county(over: { primeShare?: number; secondaries?: number } = {}): Scenario {
  return makeScenario({
    areas: [area('A1'), area('A2')],
    zones: { A1: 'Z1', A2: 'Z1' },
    demand: [demand('A1', 60), demand('A2', 40)],
    providers: ['P1', 'P2', 'P3', 'P4'].map((id) => provider(id)),
    bids: [
      bid('B1', 'P1', ['A1', 'A2'], { price: 20, role: 'lead' }),
      bid('B2', 'P2', ['A1', 'A2'], { price: 21, role: 'any' }),
      bid('B3', 'P3', ['A1', 'A2'], { price: 19, role: 'secondary' }),
      bid('B4', 'P4', ['A1', 'A2'], { price: 25, role: 'secondary' }),
      // P1 again: a cheap secondary it may not take while it holds the prime.
      bid('B5', 'P1', ['A1', 'A2'], { price: 15, role: 'secondary' }),
    ],
    lotPlan: {
      standard: lotEntry({ structure: 'prime-secondaries', primeShare: 0.6, secondaries: 2, ...over }),
    },
    award: rules(),
  });
}

describe('prime-secondaries lots', () => {
  test('a prime role of primeShare and secondaries sharing the rest equally', () => {
    const [lot] = buildLots(county(), county().zonings.get('z') ?? new Map());
    expect(lot?.roles.map((r) => [r.role, r.slot, Number(r.share.toFixed(9))])).toEqual([
      ['prime', 'prime', 0.6],
      ['secondary', 'secondary-1', 0.2],
      ['secondary', 'secondary-2', 0.2],
    ]);
    const [one] = buildLots(county({ secondaries: 1 }), county().zonings.get('z') ?? new Map());
    expect(one?.roles.map((r) => r.role)).toEqual(['prime', 'secondary']);
  });

  test('lead and any bids may hold the prime; secondary and any bids a secondary role', () => {
    const s = county();
    const [lot] = buildLots(s, s.zonings.get('z') ?? new Map());
    if (lot === undefined) throw new Error('no lot');
    const may = (id: string, role: 'prime' | 'secondary') =>
      isEligible(s.bids.find((b) => b.id === id) ?? s.bids[0]!, lot, role, s.award);
    expect([may('B1', 'prime'), may('B2', 'prime'), may('B3', 'prime')]).toEqual([true, true, false]);
    expect([may('B1', 'secondary'), may('B2', 'secondary'), may('B3', 'secondary')]).toEqual([
      false,
      true,
      true,
    ]);
  });

  test('the solve fills every role with a different provider at the least cost, and rows name prime and secondary', async () => {
    const result = await solved(county());
    const rows = result.allocations.map((a) => [a.role, a.providerId, a.hoursPerWeek]).sort();
    // P1 bids the cheapest prime (20) but also the cheapest secondary (15), and may not hold both:
    // prime P1 + secondaries P3, P2 costs 60×20 + 20×(19+21) = 2000 a week;
    // prime P2 + secondaries P1, P3 costs 60×21 + 20×(15+19) = 1940, the optimum.
    expect(rows).toEqual([
      ['prime', 'P2', 60],
      ['secondary', 'P1', 20],
      ['secondary', 'P3', 20],
    ]);
    expect(result.lots[0]?.structure).toBe('prime-secondaries');
    expect(result.totals.annualCost).toBeCloseTo(52 * 1940, 6);
  });
});

describe('the verifier on prime-secondaries awards', () => {
  const repriced = (award: AwardToVerify, allocations: readonly Allocation[]): AwardToVerify => {
    const priced = allocations.map((a) => ({ ...a, annualCost: a.hoursPerWeek * a.pricePerHour * 52 }));
    const annualCost = priced.reduce((t, a) => t + a.annualCost, 0);
    return { ...award, allocations: priced, annualCost, objective: { kind: 'cost', value: annualCost } };
  };

  test('the solved award is clean; each break is named', async () => {
    const s = county();
    const good = awardToVerify(await solved(s));
    expect(verifyAward(s, good)).toEqual([]);
    const row = (bidId: string) => good.allocations.find((a) => a.bidId === bidId);
    const [prime, first, second] = [row('B2'), row('B5'), row('B3')];
    if (prime === undefined || first === undefined || second === undefined) throw new Error('three rows');
    // A third secondary (B4 of P4) beside the two there are.
    const extra = { ...second, bidId: 'B4', providerId: 'P4', pricePerHour: 25 };
    expect(verifyAward(s, repriced(good, [prime, first, second, extra]))).toContain(
      'lot standard:Z1: role secondary filled 3 times',
    );
    // A secondary-only bid (B3) holding the prime, P2 moving to a secondary.
    const swapped = [
      { ...prime, bidId: 'B3', providerId: 'P3', pricePerHour: 19 },
      first,
      { ...second, bidId: 'B2', providerId: 'P2', pricePerHour: 21 },
    ];
    expect(verifyAward(s, repriced(good, swapped))).toEqual([
      'allocation B3 → standard:Z1 (prime): a secondary bid cannot take role prime',
    ]);
    // A secondary holding the prime's hours.
    expect(verifyAward(s, repriced(good, [prime, first, { ...second, hoursPerWeek: 60 }]))).toContainEqual(
      expect.stringMatching(
        /^allocation B3 → standard:Z1 \(secondary\): 60 hours, the role holds 20(\.0+\d*)?$/,
      ),
    );
    // One provider (P1) in two roles: its lead bid as the prime beside its secondary.
    const twice = { ...prime, bidId: 'B1', providerId: 'P1', pricePerHour: 20 };
    expect(verifyAward(s, repriced(good, [twice, first, second]))).toEqual([
      'lot standard:Z1: one provider holds two places',
    ]);
  });
});

describe('compare and the report ask the structure', () => {
  test('compare --options may name it; the default comparison stays the standard set', () => {
    const named = planComparison(county(), undefined, ['lead-80-20', 'prime-60-20-20']);
    if (typeof named === 'string') throw new Error(named);
    expect(named.cases.map((c) => c.key)).toEqual(['lead-80-20@z', 'prime-60-20-20@z']);
    const all = planComparison(county(), undefined, undefined);
    if (typeof all === 'string') throw new Error(all);
    expect(all.cases.map((c) => c.key)).not.toContain('prime-60-20-20@z');
  });

  test('zonal compare tries prime and two secondaries per zone, 60/20/20', () => {
    const option = optionByName('prime-60-20-20');
    expect(option?.standard).toEqual({
      kind: 'lot',
      geography: 'zone',
      structure: 'prime-secondaries',
      primeShare: 0.6,
      secondaries: 2,
    });
    expect(option === undefined ? '' : describeEntry(option.standard)).toBe('per zone prime 60/20/20');
    expect(option === undefined ? '' : labelEntry(option.standard)).toBe(
      'prime-secondaries (prime 60.0%, 2 secondaries of 20.0%)',
    );
  });
});
