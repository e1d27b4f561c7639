import fc from 'fast-check';
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

describe('firstNonFinite against the walk that writes every path', () => {
  /** The guard as it was until session 19: a path written for every value as it is walked. */
  function everyPath(value: unknown, where = 'result'): string | null {
    if (typeof value === 'number') return Number.isFinite(value) ? null : `${where} = ${value}`;
    if (value === null || typeof value !== 'object') return null;
    const entries = Array.isArray(value)
      ? value.map((v, i) => [`${where}[${i}]`, v] as const)
      : Object.entries(value).map(([k, v]) => [`${where}.${k}`, v] as const);
    for (const [path, v] of entries) {
      const found = everyPath(v, path);
      if (found !== null) return found;
    }
    return null;
  }
  test('names the same place on any nesting of objects, arrays and numbers', () => {
    let runs = 0;
    fc.assert(
      fc.property(
        fc
          .jsonValue()
          .chain((v) =>
            fc.constantFrom(v, { v, bad: Infinity }, [v, NaN, v], { a: [v, { '0': -Infinity }] }),
          ),
        (value) => {
          runs++;
          expect(firstNonFinite(value)).toBe(everyPath(value));
        },
      ),
      { seed: 19, numRuns: 500 },
    );
    expect(runs).toBe(500);
  });
});
