import { describe, expect, it } from 'vitest';
import { optimisedFromVariants, sharesOptimisedHighs } from '../../src/solve/highs-shared.js';
import { solvesLong } from '../../src/solve/wasm-tiering.js';

/** A batch of `variants` of the bundled county, whose award model has 122 variables. */
const county = (variants: number) => ({ variants, largestModel: 122 });

describe("a batch's workers share the optimised HiGHS only when the batch repays its compile", () => {
  it('from the threshold on; below it each worker runs HiGHS on baseline code', () => {
    expect(optimisedFromVariants).toBeGreaterThan(100);
    expect(optimisedFromVariants).toBeLessThanOrEqual(504); // the bundled grid keeps the optimised compile
    expect(sharesOptimisedHighs(county(6))).toBe(false);
    expect(sharesOptimisedHighs(county(optimisedFromVariants - 1))).toBe(false);
    expect(sharesOptimisedHighs(county(optimisedFromVariants))).toBe(true);
    expect(sharesOptimisedHighs(county(504))).toBe(true);
  });

  it('whatever the number of variants when a base solves long enough for zonal solve to optimise HiGHS', () => {
    expect(sharesOptimisedHighs({ variants: 1, largestModel: 2336 })).toBe(true); // the bench's L
    expect(sharesOptimisedHighs({ variants: 4, largestModel: 1823 })).toBe(true);
    for (const variables of [0, 122, 539, 1232]) {
      expect(sharesOptimisedHighs({ variants: 4, largestModel: variables })).toBe(false);
      expect(solvesLong(variables)).toBe(false);
    }
    expect(solvesLong(1823)).toBe(true);
  });

  it('whatever the size when asked (the bench), and never when the environment asks for baseline code', () => {
    expect(sharesOptimisedHighs(county(32), 'optimised')).toBe(true);
    const before = process.env['ZONAL_WASM_TIERING'];
    process.env['ZONAL_WASM_TIERING'] = 'baseline';
    try {
      expect(sharesOptimisedHighs(county(5000))).toBe(false);
      expect(sharesOptimisedHighs({ variants: 4, largestModel: 10_644 })).toBe(false);
      expect(sharesOptimisedHighs(county(32), 'optimised')).toBe(false);
    } finally {
      if (before === undefined) delete process.env['ZONAL_WASM_TIERING'];
      else process.env['ZONAL_WASM_TIERING'] = before;
    }
  });
});
