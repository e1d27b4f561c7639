/**
 * The batch bench's verdict on scaling, from its rounds (one run with one worker and one
 * with two, back to back). Pure: rates in, ratio out.
 *
 * The host's speed moves by 15-20% from minute to minute (docs/performance.md), so a
 * single round's ratio is noisy (×1.50-×2.13 on one build on 2026-12-01). The rounds
 * alternate which run goes first (one worker first in the first, third and fifth round,
 * two workers first in the others; an even number of rounds, so each goes first as often),
 * so that a drift in the host's speed over the bench falls on both alike, and the ratio is the median of every round's own ratio: a round
 * run in a slow spell is outvoted, not chosen.
 *
 * Until session 13 a round was left out when its one-worker run took more CPU a variant
 * than its two-worker run, on the premise that a second worker never makes a variant take
 * less CPU. Since the batch's own thread was halved (session 12) the two take about the
 * same CPU a variant on a steady host, so that rule left out about half the rounds at
 * random, keeping those whose two-worker run fell in a slower spell: eight alternating
 * rounds gave ×1.77 as the median of all and ×1.72 as the median of the five it kept.
 */
import { median } from './summary.js';

export interface BatchRate {
  readonly variantsPerSecond: number;
  /** CPU of the whole process per variant, milliseconds. */
  readonly cpuPerVariantMs: number;
}

export interface BatchRound {
  readonly one: BatchRate;
  readonly two: BatchRate;
}

/** Whether round `index` (from 0) runs its one-worker run first. */
export const oneWorkerFirst = (index: number): boolean => index % 2 === 0;

/** Round `index`: `run` with one worker and with two, back to back, in the order `oneWorkerFirst` gives. */
export async function inRoundOrder<T>(
  index: number,
  run: (workers: number) => Promise<T>,
): Promise<{ one: T; two: T }> {
  if (oneWorkerFirst(index)) {
    const one = await run(1);
    return { one, two: await run(2) };
  }
  const two = await run(2);
  return { one: await run(1), two };
}

/** The median of the rounds' own ratios (two workers' rate over one's), or null with no round. */
export function roundsRatio(rounds: readonly BatchRound[]): number | null {
  return median(rounds.map((r) => r.two.variantsPerSecond / r.one.variantsPerSecond));
}

/** A run up to its last row: the CPU of all the process's threads, and the wall clock. */
export interface BatchSpan {
  readonly cpuSeconds: number;
  readonly seconds: number;
}

/**
 * A round's ratio to its runs' last rows, as two factors whose product it is:
 * `cores`, how many cores the two-worker run kept busy against the one-worker run
 * (at most 2 over what one worker uses, a little over one core with V8's threads
 * beside it), and `cpu`, the CPU one worker took for the grid over what two took
 * for the same variants (under 1 where two workers spend more: each warms up its
 * own code). Where the ratio falls short, they say which of the two it lost.
 */
export interface RatioFactors {
  readonly cores: number;
  readonly cpu: number;
  /** The cores the one-worker run kept busy. */
  readonly oneWorkerCores: number;
  /** The ratio with the same CPU, had the two-worker run kept both cores busy throughout. */
  readonly twoFullCores: number;
}

export function ratioFactors(one: BatchSpan, two: BatchSpan): RatioFactors {
  const oneWorkerCores = one.cpuSeconds / one.seconds;
  const cpu = one.cpuSeconds / two.cpuSeconds;
  return {
    cores: two.cpuSeconds / two.seconds / oneWorkerCores,
    cpu,
    oneWorkerCores,
    twoFullCores: (2 / oneWorkerCores) * cpu,
  };
}
