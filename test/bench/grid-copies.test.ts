import { describe, expect, it } from 'vitest';
import type { Variant } from '../../src/compare/batch-file.js';
import { repeatedGrid } from '../../src/bench/grid-copies.js';

const variant = (id: string, index: number, demandMultiplier?: number): Variant => ({
  id,
  index,
  base: 'county',
  overrides: demandMultiplier === undefined ? {} : { demandMultiplier },
  samples: null,
  seed: 1,
});

describe('repeatedGrid', () => {
  const grid = [variant('a', 0, 0.9), variant('b', 1)];

  it('keeps the first copy as it is and scales each later copy a thousandth more', () => {
    const copies = repeatedGrid(grid, 3);
    expect(copies.map((v) => v.overrides.demandMultiplier)).toEqual([
      0.9,
      undefined,
      0.9 * 1.001,
      1.001,
      0.9 * 1.002,
      1.002,
    ]);
  });

  it('gives every variant its own id and the next index', () => {
    const copies = repeatedGrid(grid, 2);
    expect(copies.map((v) => v.id)).toEqual(['a-0', 'b-0', 'a-1', 'b-1']);
    expect(copies.map((v) => v.index)).toEqual([0, 1, 2, 3]);
    expect(new Set(copies.map((v) => JSON.stringify(v.overrides))).size).toBe(copies.length);
  });
});
