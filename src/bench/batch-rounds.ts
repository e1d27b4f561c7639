/**
 * The batch bench's verdict on scaling, from its rounds (one worker, then two,
 * back to back). Pure: rates in, ratio out.
 *
 * The host's speed moves by 15-20% from minute to minute (docs/performance.md),
 * and a round whose one-worker run fell in a slow spell flatters the ratio.
 * A second worker never makes a variant take less CPU (it adds its own start and
 * its own JIT warm-up; on a quiet host 16.8-17.6 ms a variant with one worker
 * against 18.4-19.2 ms with two), so a round where one worker took more CPU a
 * variant than two ran its one-worker half on a slower host. Such a round is
 * left out of the ratio; the opposite error (a slow two-worker half) only
 * understates it and is kept.
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

/** A round whose one-worker run took no more CPU a variant than its two-worker run. */
export const isSteady = (round: BatchRound): boolean =>
  round.one.cpuPerVariantMs <= round.two.cpuPerVariantMs;

/** The median of the steady rounds' own ratios (two workers' rate over one's), or null when no round is steady. */
export function steadyRatio(rounds: readonly BatchRound[]): number | null {
  return median(rounds.filter(isSteady).map((r) => r.two.variantsPerSecond / r.one.variantsPerSecond));
}
