import { describe, expect, it } from 'vitest';
import { optimisedFromVariants, sharesOptimisedHighs } from '../../src/solve/highs-shared.js';

describe("a batch's workers share the optimised HiGHS only when the batch repays its compile", () => {
  it('from the threshold on; below it each worker runs HiGHS on baseline code', () => {
    expect(optimisedFromVariants).toBeGreaterThan(100);
    expect(optimisedFromVariants).toBeLessThanOrEqual(504); // the bundled grid keeps the optimised compile
    expect(sharesOptimisedHighs(6)).toBe(false);
    expect(sharesOptimisedHighs(optimisedFromVariants - 1)).toBe(false);
    expect(sharesOptimisedHighs(optimisedFromVariants)).toBe(true);
    expect(sharesOptimisedHighs(504)).toBe(true);
  });

  it('whatever the size when asked (the bench), and never when the environment asks for baseline code', () => {
    expect(sharesOptimisedHighs(32, 'optimised')).toBe(true);
    const before = process.env['ZONAL_WASM_TIERING'];
    process.env['ZONAL_WASM_TIERING'] = 'baseline';
    try {
      expect(sharesOptimisedHighs(5000)).toBe(false);
      expect(sharesOptimisedHighs(32, 'optimised')).toBe(false);
    } finally {
      if (before === undefined) delete process.env['ZONAL_WASM_TIERING'];
      else process.env['ZONAL_WASM_TIERING'] = before;
    }
  });
});
