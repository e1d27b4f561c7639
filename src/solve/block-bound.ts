/**
 * A proven lower bound on a program's optimum by provider blocks
 * (docs/performance.md, "Lever 5"): Dantzig-Wolfe column generation, one block
 * per provider (provider-blocks.ts), each block priced exactly (block-price.ts).
 *
 * For any multipliers π on the linking rows (π ≥ 0 on a row with only a lower
 * bound, ≤ 0 with only an upper), every plan x costs at least
 *   L(π) = Σ_i min(π_i lo_i, π_i up_i) + Σ_free min over its bounds of (c − πA)_j x_j
 *          + Σ_blocks min over the block's own plans of (c − πA) x,
 * since πAx ≥ Σ_i min(π_i lo_i, π_i up_i) whenever x keeps the linking rows and each
 * block's part of x is one of the block's plans. The bound is the best L(π) met; the
 * master LP over the packings found chooses the next π, its duals kept within a box
 * around the best π so far (boxstep), the whole program's LP duals the first centre.
 * Costs are minimised: a maximised program is negated here and its bound given back
 * in its own sense.
 */
import type { Highs } from 'highs';
import { blockPricer, type BlockPricer } from './block-price.js';
import type { Program } from './program.js';
import { providerBlocks, type ProviderBlocks } from './provider-blocks.js';
import { relaxationDuals } from './block-relaxation.js';
import { BlockMaster } from './block-master.js';
import { linkingOf, reducedCost, signed, type Linking } from './block-linking.js';

export interface BlockBoundOptions {
  /** Seconds for the whole column generation. */
  readonly timeLimit: number;
}

/** A packing of one block: program variable values. */
interface BlockColumn {
  readonly block: number;
  readonly plan: ReadonlyMap<number, number>;
}

export type BlockBound =
  | {
      readonly status: 'bound';
      /** Proven bound on the objective (offset excluded), in the program's sense. */
      readonly bound: number;
      readonly iterations: number;
      readonly columns: readonly BlockColumn[];
      readonly split: ProviderBlocks;
      /** Whether each block may win nothing. */
      readonly emptyFits: readonly boolean[];
      /** The multipliers of the bound, for more packings (block-award.ts). */
      readonly duals: readonly number[];
    }
  | { readonly status: 'infeasible' };

/** Whether each block may take none of its variables (then its convexity row is at most 1, else exactly 1). */
function emptyPlanFits(program: Program, split: ProviderBlocks): boolean[] {
  return split.blocks.map(
    (b) =>
      b.variables.every(
        (v) => (program.variables[v]?.lower ?? 0) <= 0 && (program.variables[v]?.upper ?? 0) >= 0,
      ) && b.rows.every((i) => (program.rows[i]?.lower ?? 0) <= 0 && (program.rows[i]?.upper ?? 0) >= 0),
  );
}

/** The least of r·x over lower ≤ x ≤ upper. */
function boxMin(r: number, lower: number, upper: number): number {
  if (r === 0) return 0;
  return r > 0 ? r * lower : r * upper;
}

interface Lagrangian {
  readonly value: number;
  readonly prices: readonly ReturnType<BlockPricer['price']>[];
}

function lagrangian(
  program: Program,
  split: ProviderBlocks,
  l: Linking,
  pricers: readonly BlockPricer[],
  pi: Float64Array,
  emptyFits: readonly boolean[],
): Lagrangian {
  let value = 0;
  pi.forEach((p, k) => {
    if (p !== 0) value += p > 0 ? p * (l.lower[k] ?? 0) : p * (l.upper[k] ?? 0);
  });
  for (const v of split.free) {
    const x = program.variables[v];
    if (x !== undefined) value += boxMin(reducedCost(l, v, pi), x.lower, x.upper);
  }
  const prices = split.blocks.map(
    (b, bk) =>
      pricers[bk]?.price(Float64Array.from(b.variables, (v) => reducedCost(l, v, pi))) ?? 'infeasible',
  );
  prices.forEach((p, bk) => {
    if (p === 'infeasible') value = Infinity;
    else value += emptyFits[bk] === true ? Math.min(0, p.bound) : p.bound;
  });
  return { value, prices };
}

/** The box's starting half-width: a share of the centre's dual plus a pound amount. */
const boxShare = 0.01;
const boxPounds = 1000;
/** Times the box may widen tenfold. */
const mostWidenings = 8;

function centreOf(h: Highs, program: Program, split: ProviderBlocks, l: Linking): Float64Array {
  const duals = relaxationDuals(h, program, split.linking);
  return signed(duals ?? new Float64Array(split.linking.length), l);
}

/** The bound, the packings found and the multipliers, within `options.timeLimit` seconds. */
export function blockBound(h: Highs, program: Program, options: BlockBoundOptions): BlockBound {
  const started = performance.now();
  const split = providerBlocks(program);
  const emptyFits = emptyPlanFits(program, split);
  const l = linkingOf(program, split);
  const sign = program.sense === 'min' ? 1 : -1;
  const pricers = split.blocks.map((b) => blockPricer(h, program, b, { seconds: options.timeLimit }));
  const master = new BlockMaster(h, program, split, l, emptyFits);
  try {
    let centre = centreOf(h, program, split, l);
    let priced = lagrangian(program, split, l, pricers, centre, emptyFits);
    if (priced.prices.includes('infeasible')) return { status: 'infeasible' };
    let best = priced.value;
    addPackings(master, priced.prices);
    const width = centre.map((p) => boxShare * Math.abs(p) + boxPounds);
    master.setBox(centre, width);
    let iterations = 0;
    let widenings = 0;
    while ((performance.now() - started) / 1000 < options.timeLimit) {
      iterations++;
      const m = master.solve();
      const pi = signed(m.linkDuals, l);
      priced = lagrangian(program, split, l, pricers, pi, emptyFits);
      if (priced.value > best) {
        best = priced.value;
        centre = pi;
        master.setBox(centre, width);
      }
      const added = addPackings(master, priced.prices, { pi, mu: m.convexityDuals, l });
      if (added > 0) continue;
      if (m.artificial > 1e-7) {
        // no packing prices out and the box binds: widen it, and past the widest the
        // master cannot keep the linking rows with any packings (an infeasible program)
        if (++widenings > mostWidenings) break;
        for (let k = 0; k < width.length; k++) width[k] = 10 * (width[k] ?? 0);
        master.setBox(centre, width);
        continue;
      }
      break; // no packing prices out and the box does not bind: converged
    }
    const bound = best - 1e-9 * Math.abs(best);
    return {
      status: 'bound',
      bound: sign * bound,
      iterations,
      columns: blockColumns(master),
      split,
      emptyFits,
      duals: Array.from(centre),
    };
  } finally {
    master.dispose();
    for (const p of pricers) p.dispose();
  }
}

function blockColumns(master: BlockMaster): BlockColumn[] {
  const out: BlockColumn[] = [];
  for (const c of master.columns) if (c.block !== null) out.push({ block: c.block, plan: c.plan });
  return out;
}

/** Adds each block's priced plan (when the master's duals give it a negative reduced cost); how many were added. */
function addPackings(
  master: BlockMaster,
  prices: Lagrangian['prices'],
  at?: { readonly pi: Float64Array; readonly mu: Float64Array; readonly l: Linking },
): number {
  let added = 0;
  prices.forEach((p, bk) => {
    if (p === 'infeasible' || p.plan === null) return;
    const plan = new Map([...p.plan].map(([k, x]) => [master.blockVariable(bk, k), x]));
    if (at !== undefined) {
      let rc = -(at.mu[bk] ?? 0);
      for (const [v, x] of plan) rc += reducedCost(at.l, v, at.pi) * x;
      if (rc >= -1e-6) return;
    }
    if (master.addPacking(bk, plan)) added++;
  });
  return added;
}
