/**
 * What the bound by provider blocks gives a large HiGHS solve
 * (docs/performance.md, "Lever 5"): a proven bound (block-bound.ts) within a
 * share of the time limit, then an award from its packings (block-award.ts)
 * within another share, for HiGHS to start from. HiGHS's own bound and award
 * stay: the solve reports the better of each.
 */
import type { Highs } from 'highs';
import { blockAward } from './block-award.js';
import { blockBound } from './block-bound.js';
import type { Program, SolveOptions } from './program.js';

/** Shares of the solve's time limit for the bound and for the award from its packings. */
const boundShare = 0.3;
const awardShare = 0.3;

export interface BlockStart {
  /** Proven bound on the objective (offset excluded), in the program's sense. */
  readonly bound: number;
  /** A plan of the program from the packings, or null. */
  readonly plan: Float64Array | null;
}

/** The bound and a plan from it; null when the program is infeasible. */
export function blockStart(h: Highs, program: Program, options: SolveOptions): BlockStart | null {
  const found = blockBound(h, program, { timeLimit: boundShare * options.timeLimit });
  if (found.status !== 'bound') return null;
  const plan = blockAward(h, program, found, {
    timeLimit: awardShare * options.timeLimit,
    relativeGap: options.relativeGap,
  });
  return { bound: found.bound, plan };
}

/** The relative gap of `objective` to the better of two bounds, in the program's sense. */
export function gapTo(program: Program, objective: number, highsBound: number, bound: number): number {
  const both = Number.isFinite(highsBound) ? [highsBound, bound] : [bound];
  const best = program.sense === 'min' ? Math.max(...both) : Math.min(...both);
  const distance = program.sense === 'min' ? objective - best : best - objective;
  return Math.max(0, distance) / Math.max(Math.abs(objective), 1e-9);
}
