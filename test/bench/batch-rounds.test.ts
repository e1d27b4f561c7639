import { describe, expect, it } from 'vitest';
import { isSteady, steadyRatio, type BatchRound } from '../../src/bench/batch-rounds.js';

const round = (one: number, oneCpu: number, two: number, twoCpu: number): BatchRound => ({
  one: { variantsPerSecond: one, cpuPerVariantMs: oneCpu },
  two: { variantsPerSecond: two, cpuPerVariantMs: twoCpu },
});

describe('the batch bench rounds that count towards the ratio', () => {
  // The rounds of the bench at 11:10 UTC on 2026-12-01 (docs/performance.md), in a slow spell of the host.
  const slowSpell = [
    round(46.2, 23.9, 84.6, 22.8),
    round(59.8, 19.1, 87.1, 22.2),
    round(45.5, 24.0, 84.9, 22.6),
  ];

  it('leaves out a round whose one-worker half took more CPU a variant than its two-worker half', () => {
    expect(slowSpell.map(isSteady)).toEqual([false, true, false]);
    expect(steadyRatio(slowSpell)).toBeCloseTo(87.1 / 59.8, 10);
  });

  it('takes the middle of two steady rounds, not the larger', () => {
    // The afternoon's goals run (docs/performance.md): ×1.48 and ×1.63 steady, ×1.76 left out.
    const rounds = [
      round(57.5, 19.6, 85.2, 22.5),
      round(51.9, 21.5, 84.5, 22.8),
      round(46.9, 23.6, 82.4, 23.4),
    ];
    expect(steadyRatio(rounds)).toBeCloseTo((85.2 / 57.5 + 84.5 / 51.9) / 2, 10);
  });

  it('takes the median of the steady rounds, and gives none when no round is steady', () => {
    const quiet = [
      round(64.1, 17.6, 102.3, 18.7),
      round(64.8, 17.2, 102.2, 18.8),
      round(66.5, 16.8, 102.9, 18.7),
    ];
    expect(steadyRatio(quiet)).toBeCloseTo(102.2 / 64.8, 10);
    expect(steadyRatio([slowSpell[0] as BatchRound, slowSpell[2] as BatchRound])).toBeNull();
  });
});
