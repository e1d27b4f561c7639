/**
 * The bench's measure of how far the batch's own work scales from one thread to two: its text,
 * and that its threads run the grid's variants from the build (dist/bench/variant-scaling-task.js,
 * which the bench starts) and give rates and a ratio.
 */
import { expect, test } from 'vitest';
import { variantScalingText } from '../../src/bench/variant-scaling.js';

test('the text gives both rates, the median ratio and each round, in the order run', () => {
  expect(
    variantScalingText({ oneThread: 70.04, twoThreads: 130.06, ratio: 1.8571, roundRatios: [1.9, 1.8149] }),
  ).toMatch(
    /median of 2 rounds.*one thread 70\.0 variants\/s, two 130\.1, ×1\.857 \(rounds ×1\.90, ×1\.81\)\.$/,
  );
});

test("a few of the grid's variants run warm in one thread and in two from the build", async () => {
  const built = new URL('../../dist/bench/variant-scaling.js', import.meta.url).href;
  const { variantScaling } = (await import(built)) as typeof import('../../src/bench/variant-scaling.js');
  // every 63rd of the 504: 8 variants, one round
  const s = await variantScaling(1, 63);
  expect(s.roundRatios).toHaveLength(1);
  for (const rate of [s.oneThread, s.twoThreads, s.ratio]) {
    expect(Number.isFinite(rate)).toBe(true);
    expect(rate).toBeGreaterThan(0);
  }
  expect(s.ratio).toBe(s.twoThreads / s.oneThread);
}, 60_000);
