import { describe, expect, test } from 'vitest';
import { firstNonFinite } from '../../src/report/finite.js';

describe('firstNonFinite', () => {
  test('names the first number that is not finite, with its path', () => {
    expect(
      firstNonFinite({
        totals: { annualCost: 5 },
        lots: [{ costFloorPerHour: 30 }, { costFloorPerHour: Infinity }],
      }),
    ).toBe('result.lots[1].costFloorPerHour = Infinity');
    expect(firstNonFinite({ a: [1, { b: NaN }] })).toBe('result.a[1].b = NaN');
  });
  test('null for a result whose numbers are all finite', () => {
    expect(firstNonFinite({ a: 1, b: [2, 3], c: null, d: 'Infinity' })).toBeNull();
  });
});
