import { describe, expect, test } from 'vitest';
import { parseBatchFile, type Variant } from '../../src/compare/batch-file.js';
import { chunkVariants } from '../../src/compare/batch-chunks.js';

function gridVariants(grid: Record<string, unknown[]>): Variant[] {
  const parsed = parseBatchFile(JSON.stringify({ base: 'hertfordshire', grid }));
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  return parsed.variants;
}

const ids = (chunks: Variant[][]) => chunks.map((c) => c.map((v) => v.index));

describe('chunkVariants', () => {
  test('neighbours that differ only in their award rules share a chunk, in batch order', () => {
    const variants = gridVariants({
      zoning: ['districts', 'twelve'],
      demandMultiplier: [1, 1.1],
      'award.maxShareOfTotalHours': [0.2, 0.5, 1],
    });
    const chunks = chunkVariants(variants, 1);
    expect(ids(chunks)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7, 8],
      [9, 10, 11],
    ]);
    for (const chunk of chunks) {
      const { award: _a, ...first } = chunk[0]?.overrides ?? {};
      for (const v of chunk)
        expect({ ...v.overrides, award: undefined }).toEqual({ ...first, award: undefined });
    }
  });

  test('neighbours apart in the batch (award rules not the last key) still share a chunk', () => {
    const variants = gridVariants({
      'award.maxShareOfTotalHours': [0.2, 1],
      zoning: ['districts', 'twelve'],
      demandMultiplier: [1, 1.1],
    });
    // batch order: the cap varies slowest, so each neighbourhood's two variants are 4 apart
    expect(ids(chunkVariants(variants, 1))).toEqual([
      [0, 4],
      [1, 5],
      [2, 6],
      [3, 7],
    ]);
  });

  test('every variant is in exactly one chunk, and a small batch still spreads over the workers', () => {
    const variants = gridVariants({
      'award.maxShareOfTotalHours': [0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
    });
    const chunks = chunkVariants(variants, 2);
    expect(chunks.flat().map((v) => v.index)).toEqual(variants.map((v) => v.index));
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...chunks.map((c) => c.length))).toBe(1); // 10 variants, 2 workers: about four chunks each
  });

  test('a long run of award-only changes is cut at 8, or shorter so that each worker gets about four chunks', () => {
    const caps = (n: number) => Array.from({ length: n }, (_, i) => (i + 1) / n);
    const long = gridVariants({ 'award.maxShareOfTotalHours': caps(80) });
    expect(chunkVariants(long, 1).map((c) => c.length)).toEqual(Array(10).fill(8));
    const short = gridVariants({ 'award.maxShareOfTotalHours': caps(20) });
    expect(chunkVariants(short, 1).map((c) => c.length)).toEqual([5, 5, 5, 5]);
  });

  test('with several workers the last chunks are one variant each, so that the workers finish together', () => {
    const variants = gridVariants({
      zoning: ['districts', 'twelve', 'quadrants'],
      demandMultiplier: [1, 1.1, 1.2],
      'award.maxShareOfTotalHours': [0.2, 0.3, 0.5, 1],
    });
    // 9 neighbourhoods of 4: with one worker, 9 chunks of 4.
    expect(chunkVariants(variants, 1).map((c) => c.length)).toEqual(Array(9).fill(4));
    // With two, a chunk of 4 each: the last two neighbourhoods' 8 variants run one a task.
    const two = chunkVariants(variants, 2);
    expect(two.map((c) => c.length)).toEqual([...Array(7).fill(4), ...Array(8).fill(1)]);
    expect(two.flat().map((v) => v.index)).toEqual(variants.map((v) => v.index));
  });
});
