import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { periodOrder } from '../../src/lots/period-order.js';

const collator = new Intl.Collator('en', { numeric: true }).compare;
const sign = (x: number) => Math.sign(x);

describe('periodOrder', () => {
  test('orders periods as the numeric collator does: plain years, leading zeros, quarters, text', () => {
    const period = fc.oneof(
      fc.nat({ max: 100_000 }).map(String),
      fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
      fc.stringMatching(/^[0-9]{1,6}$/),
      fc.stringMatching(/^[0-9]{4}(-q[1-4])?$/),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(period, period, (a, b) => {
        expect(sign(periodOrder(a, b))).toBe(sign(collator(a, b)));
      }),
      { numRuns: 5000 },
    );
  });

  test('a year before the next, a quarter before the next year', () => {
    expect(periodOrder('2027', '2028')).toBeLessThan(0);
    expect(periodOrder('999', '1000')).toBeLessThan(0);
    expect(periodOrder('2027-q4', '2028-q1')).toBeLessThan(0);
    expect(periodOrder('2028', '2028')).toBe(0);
  });
});
