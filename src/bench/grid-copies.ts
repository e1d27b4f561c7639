/**
 * A batch grid repeated, for measuring how a batch's size changes its scaling
 * (batch-scaling.ts). Pure.
 */
import type { Variant } from '../compare/batch-file.js';

/**
 * The grid `copies` times over. Each copy after the first has its demand a thousandth
 * above the copy before (×1.001, ×1.002, …), so no solved model repeats across copies and
 * a worker's solve memo cannot answer them; ids get the copy's number, indexes run on.
 */
export function repeatedGrid(grid: readonly Variant[], copies: number): Variant[] {
  const variants: Variant[] = [];
  for (let copy = 0; copy < copies; copy++)
    for (const v of grid) {
      const multiplier = (v.overrides.demandMultiplier ?? 1) * (1 + copy / 1000);
      variants.push({
        ...v,
        id: `${v.id}-${copy}`,
        index: variants.length,
        overrides: copy === 0 ? v.overrides : { ...v.overrides, demandMultiplier: multiplier },
      });
    }
  return variants;
}
