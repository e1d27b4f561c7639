/**
 * A lot with complex care merged into standard, end to end: the award is
 * priced from each care type's own bid, decoded with its parts, and the
 * independent verifier catches the old pricing (standard price on complex
 * hours) and every broken part.
 */
import { describe, expect, test } from 'vitest';
import type { Allocation, Scenario } from '../../src/model/types.js';
import { verifyAward } from '../../src/verify/verify.js';
import { awardToVerify, solved } from '../helpers/run.js';
import { bid, mergedZoneScenario } from '../helpers/scenario-builder.js';

/** Z1 = A1, A2: standard 100 h/week, complex 20 h/week, merged; one sole lot. */
function scenario(
  over: {
    complexMax?: number;
    s3Structures?: readonly ('sole' | 'framework')[];
    c1Structures?: readonly ('sole' | 'framework')[];
  } = {},
): Scenario {
  return mergedZoneScenario([
    bid('S1', 'P1', ['A1', 'A2'], { price: 20 }),
    bid('C1', 'P1', ['A1', 'A2'], {
      price: 30,
      careType: 'complex',
      maxHours: over.complexMax ?? 10_000,
      ...(over.c1Structures === undefined ? {} : { structures: over.c1Structures }),
    }),
    bid('S2', 'P2', ['A1', 'A2'], { price: 18 }), // cheapest standard price, but P2 offered no complex care
    bid('S3', 'P3', ['A1', 'A2'], {
      price: 22,
      ...(over.s3Structures === undefined ? {} : { structures: over.s3Structures }),
    }),
    bid('C3', 'P3', ['A1', 'A2'], { price: 26, careType: 'complex' }),
  ]);
}

const toVerify = awardToVerify;

describe("a merged lot is priced from each care type's own bid", () => {
  test('the cheapest offer wins: P1 at 100 h × £20 + 20 h × £30, not P2 (no complex bid) nor P1 at £20 for all 120 h', async () => {
    const r = await solved(scenario());
    expect(r.allocations).toHaveLength(1);
    const [a] = r.allocations;
    // P1: 100 × 20 + 20 × 30 = £2,600 a week; P3: 100 × 22 + 20 × 26 = £2,720 a week.
    expect(a).toMatchObject({
      lotId: 'standard:Z1',
      bidId: 'S1',
      providerId: 'P1',
      role: 'sole',
      hoursPerWeek: 120,
      annualCost: 2600 * 52,
    });
    expect(a?.pricePerHour).toBeCloseTo(2600 / 120, 6);
    expect(a?.parts).toEqual([
      { bidId: 'S1', careType: 'standard', hoursPerWeek: 100, pricePerHour: 20 },
      { bidId: 'C1', careType: 'complex', hoursPerWeek: 20, pricePerHour: 30 },
    ]);
    expect(r.objective.value).toBeCloseTo(2600 * 52, 6);
  });

  test("complex hours count against the complex bid's own capacity", async () => {
    const r = await solved(scenario({ complexMax: 10 }));
    expect(r.allocations.map((a) => a.parts?.map((p) => p.bidId).join('&'))).toEqual(['S3&C3']);
  });

  test('a bid priced only for frameworks cannot win a sole lot', async () => {
    const r = await solved(scenario({ complexMax: 10, s3Structures: ['framework'] }));
    expect(r.allocations).toEqual([]);
    expect(r.totals.unmetHoursPerWeek).toBe(120);
    expect(r.warnings.join('\n')).not.toMatch(/no eligible bid/); // P1's offer is eligible, only short of complex capacity
    const none = await solved(scenario({ c1Structures: ['framework'], s3Structures: ['framework'] }));
    expect(none.allocations).toEqual([]);
    expect(none.warnings.join('\n')).toMatch(
      /lot standard:Z1 has 120 h\/week of demand and no eligible bid \(it carries standard and complex care: a provider needs an eligible bid for each\)/,
    );
  });
});

describe('the verifier reads parts independently', () => {
  const s = scenario();
  const breaking = async (change: (a: Allocation) => Allocation, s2: Scenario = s) => {
    const award = toVerify(await solved(s));
    return verifyAward(s2, { ...award, allocations: award.allocations.map(change) });
  };

  test('the solved award passes', async () => {
    expect(verifyAward(s, toVerify(await solved(s)))).toEqual([]);
  });

  test.each<[string, (a: Allocation) => Allocation, RegExp]>([
    [
      'standard price on complex hours (no parts)',
      ({ parts: _parts, ...a }) => ({ ...a, pricePerHour: 20, annualCost: 120 * 20 * 52 }),
      /priced for standard care, the lot carries complex \+ standard \(one bid per care type\)/,
    ],
    [
      'a part at another price',
      (a) => ({ ...a, parts: a.parts?.map((p) => (p.bidId === 'C1' ? { ...p, pricePerHour: 25 } : p)) }),
      /bid C1: price 25 but the bid says 30/,
    ],
    [
      'hours moved between care types',
      (a) => ({ ...a, parts: a.parts?.map((p) => ({ ...p, hoursPerWeek: p.bidId === 'C1' ? 30 : 90 })) }),
      /90 hours of standard care, the place holds 100/,
    ],
    [
      "another provider's complex bid",
      (a) => ({
        ...a,
        parts: a.parts?.map((p) => (p.bidId === 'C1' ? { ...p, bidId: 'C3', pricePerHour: 26 } : p)),
      }),
      /bid C3: provider P1 but the bid is P3's/,
    ],
    [
      'the blended price misstated',
      (a) => ({ ...a, pricePerHour: 20 }),
      /price 20 but its bids' hours-weighted price is 21\.66/,
    ],
  ])('catches %s', async (_name, change, pattern) => {
    const violations = await breaking(change);
    expect(
      violations.some((v) => pattern.test(v)),
      violations.join('\n'),
    ).toBe(true);
  });

  test('catches a part whose price holds for other structures, and its capacity', async () => {
    const s2 = {
      ...s,
      bids: s.bids.map((b) =>
        b.id === 'C1' ? { ...b, structures: ['framework' as const], maxHours: 15 } : b,
      ),
    };
    const violations = await breaking((a) => a, s2);
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bid C1: its price holds for framework lots, not sole/),
        'bid C1: 20 hours, its max is 15',
      ]),
    );
  });

  test('catches half a package: the complex bid wins, its package partner does not', async () => {
    const s2 = {
      ...s,
      bids: s.bids.map((b) => (b.id === 'C1' || b.id === 'C3' ? { ...b, packageId: 'PK' } : b)),
    };
    const violations = await breaking((a) => a, s2);
    expect(violations).toContain('package PK: bids win 1/0 roles; each must win exactly one, or none');
  });
});
