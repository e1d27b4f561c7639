import { describe, expect, it } from 'vitest';
import { formatLargeInput, type LargeInputMeasure } from '../../src/bench/large-input.js';

const run = (over: Partial<LargeInputMeasure>): LargeInputMeasure => ({
  demandMegabytes: 50,
  demandRows: 1_357_281,
  seconds: 8,
  cpuSeconds: 8,
  peakRssMb: 330,
  exitCode: 0,
  ...over,
});

describe('the large-input line says whether issue 10 goal is met', () => {
  it.each<[string, Partial<LargeInputMeasure>, string]>([
    ['under 10 s and 500 MB', {}, 'goal met.'],
    ['10 s or more of clock time', { seconds: 10.5 }, 'goal not met.'],
    ['500 MB or more', { peakRssMb: 565 }, 'goal not met.'],
    ['a failed validate', { exitCode: 2 }, 'goal not met.'],
    ['a file of another size', { demandMegabytes: 5 }, 'goal not measured (it is for a 50 MB file).'],
  ])('%s', (_what, over, verdict) => {
    expect(formatLargeInput(run(over)).endsWith(verdict)).toBe(true);
  });

  it('shows clock, CPU and memory', () => {
    expect(formatLargeInput(run({ seconds: 12.34, cpuSeconds: 8.76, peakRssMb: 329.6 }))).toContain(
      '12.3 s (8.8 s of CPU), peak memory 330 MB',
    );
  });
});
