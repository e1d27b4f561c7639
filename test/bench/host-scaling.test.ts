/**
 * The bench's measure of how far the host scales from one thread to two: its text, and that its
 * worker threads run from the build (dist/bench/host-scaling-task.js, which the bench starts).
 */
import { expect, test } from 'vitest';
import { hostScalingText } from '../../src/bench/host-scaling.js';

test('the text gives each ratio to two decimals, in the order loop, cached copy, memory copy', () => {
  expect(hostScalingText({ loop: 1.987, cachedCopy: 1.9, memoryCopy: 1.004 })).toMatch(
    /a fixed loop ×1\.99, copying 1 MB ×1\.90, copying 64 MB ×1\.00\.$/,
  );
});

test('a small task runs in one thread and in two from the build, and gives a ratio', async () => {
  const built = new URL('../../dist/bench/host-scaling.js', import.meta.url).href;
  const { scaling } = (await import(built)) as typeof import('../../src/bench/host-scaling.js');
  const loop = await scaling({ kind: 'loop', turns: 1e5 });
  const copy = await scaling({ kind: 'copy', bytes: 4096, passes: 10 });
  for (const ratio of [loop, copy]) {
    expect(Number.isFinite(ratio)).toBe(true);
    expect(ratio).toBeGreaterThan(0);
  }
});
