import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedNumber } from '../../src/model/grouped-number.js';

describe('groupedNumber', () => {
  it('writes numbers as toLocaleString en-GB does', () => {
    let runs = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e16, max: 1e16, noNaN: true }),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 20),
          fc.constantFrom(0, -0, 0.05, -0.05, 0.25, 2.5, 1e15, 999999.95, Infinity),
        ),
        fc.integer({ min: 0, max: 3 }),
        (x, digits) => {
          runs++;
          expect(groupedNumber(x, digits)).toBe(x.toLocaleString('en-GB', { maximumFractionDigits: digits }));
        },
      ),
      { seed: 16, numRuns: 3000 },
    );
    expect(runs).toBe(3000);
  });

  it('keeps trailing zeros to the minimum asked, as toLocaleString does (money: £24.30)', () => {
    let runs = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 0, max: 1e12, noNaN: true }),
          fc.integer({ min: 0, max: 1e9 }).map((n) => n / 20),
          fc.constantFrom(0, 0.005, 1.005, 24.3, 999.995, 9999.5, 999999.995, 1e13),
        ),
        fc.integer({ min: 0, max: 3 }),
        (x, digits) => {
          runs++;
          expect(groupedNumber(x, digits, digits)).toBe(
            x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }),
          );
        },
      ),
      { seed: 16, numRuns: 3000 },
    );
    expect(runs).toBe(3000);
  });

  it('groups thousands and drops trailing zeros', () => {
    expect(groupedNumber(1234567.5, 1)).toBe('1,234,567.5');
    expect(groupedNumber(1000000)).toBe('1,000,000');
    expect(groupedNumber(12.0, 1)).toBe('12');
  });
});
