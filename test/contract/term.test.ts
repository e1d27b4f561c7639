/**
 * Demand in each contract year and the default wage rise, by hand.
 */
import { describe, expect, it } from 'vitest';
import { wageRise } from '../../src/contract/indexation.js';
import { demandInYear } from '../../src/contract/term.js';
import { contractSchema, paymentSchema } from '../../src/model/contract-settings.js';

describe('demand in a contract year', () => {
  const points = [
    { year: 2027, hours: 100 },
    { year: 2029, hours: 120 },
    { year: 2032, hours: 90 },
  ];
  it('uses a given year, interpolates between given years, and holds the ends', () => {
    expect(demandInYear(points, 2027)).toBe(100);
    expect(demandInYear(points, 2028)).toBe(110);
    expect(demandInYear(points, 2030)).toBe(110);
    expect(demandInYear(points, 2031)).toBe(100);
    expect(demandInYear(points, 2035)).toBe(90);
    expect(demandInYear(points, 2025)).toBe(100);
    expect(demandInYear([], 2027)).toBe(0);
  });
});

describe('the wage rise', () => {
  it('follows the published National Living Wage, then holds the last rise', () => {
    expect(wageRise(2025, {})).toBeCloseTo(12.21 / 11.44 - 1, 12);
    expect(wageRise(2026, {})).toBeCloseTo(12.71 / 12.21 - 1, 12);
    expect(wageRise(2031, {})).toBeCloseTo(12.71 / 12.21 - 1, 12);
    expect(wageRise(2031, { wageRisePercentPerYear: 3 })).toBe(0.03);
  });
});

describe('lists in one cell (workbook settings sheets)', () => {
  it('reads JSON lists and ;-separated lists', () => {
    expect(contractSchema().parse({ years: 6, extensions: '[2, 2]' }).extensions).toEqual([2, 2]);
    expect(contractSchema().parse({ years: 6, extensions: '2;2' }).extensions).toEqual([2, 2]);
    expect(paymentSchema().parse({ compare: '["hourly","capitated"]' }).compare).toEqual([
      'hourly',
      'capitated',
    ]);
    expect(paymentSchema().parse({ compare: 'hourly; core-reward' }).compare).toEqual([
      'hourly',
      'core-reward',
    ]);
    expect(paymentSchema().safeParse({ compare: 'hourly;by-outcome' }).success).toBe(false);
  });
});
