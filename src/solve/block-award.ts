/**
 * An award from the packings the bound by provider blocks found (block-bound.ts):
 * the master as an integer program (price and branch) over those packings and a
 * pool of near-best ones. For every provider and each of its variables, the pool
 * holds the cheapest packing that uses the variable, at the bound's multipliers,
 * when its reduced cost is within `poolShare` of the bound of the provider's best:
 * any award's cost is at least the bound plus the sum of its packings' reduced
 * costs above each provider's best, so the awards within that much of the bound
 * are made of such packings. The plan is a start for HiGHS, not the answer:
 * HiGHS checks it, and the pipeline's verifier checks whatever is awarded.
 */
import type { Highs } from 'highs';
import { BlockMaster } from './block-master.js';
import { linkingOf, reducedCost, signed } from './block-linking.js';
import { blockShape } from './block-shape.js';
import { searchPacking } from './block-search.js';
import type { BlockBound } from './block-bound.js';
import type { Program } from './program.js';

/** The pool's width, as a share of the bound: awards within 0.006% of it (XL: about £60,000 a year). */
const poolShare = 6e-5;
const poolNodeLimit = 200_000;
/** Forcing a variable in: a reduced cost no packing can make up. */
const forced = 1e12;

type Found = Extract<BlockBound, { status: 'bound' }>;

/** Near-best packings of each block at the bound's multipliers, as program variable indices. */
function poolOf(program: Program, found: Found): { block: number; plan: Map<number, number> }[] {
  const l = linkingOf(program, found.split);
  const pi = signed(found.duals, l);
  const width = poolShare * Math.abs(found.bound);
  const pool: { block: number; plan: Map<number, number> }[] = [];
  found.split.blocks.forEach((block, bk) => {
    const shape = blockShape(program, block);
    if (shape === null) return;
    const rc = Float64Array.from(block.variables, (v) => reducedCost(l, v, pi));
    const best = searchPacking(shape, rc, poolNodeLimit);
    if (best === null) return;
    block.variables.forEach((_, k) => {
      if (shape.inPackage.has(k) || shape.indicators.has(k)) return;
      const withK = rc.slice();
      withK[k] = (withK[k] ?? 0) - forced;
      const p = searchPacking(shape, withK, poolNodeLimit);
      if (p === null || !p.chosen.includes(k) || p.value + forced - best.value > width) return;
      pool.push({ block: bk, plan: new Map(p.chosen.map((q) => [block.variables[q] ?? -1, 1])) });
    });
  });
  return pool;
}

/** The master integer program's plan (null: none within `timeLimit` seconds). */
export function blockAward(
  h: Highs,
  program: Program,
  found: Found,
  options: { readonly timeLimit: number; readonly relativeGap: number },
): Float64Array | null {
  const l = linkingOf(program, found.split);
  const master = new BlockMaster(h, program, found.split, l, found.emptyFits);
  try {
    for (const c of found.columns) master.addPacking(c.block, c.plan);
    for (const c of poolOf(program, found)) master.addPacking(c.block, c.plan);
    master.makeInteger();
    master.model.options.set({
      time_limit: options.timeLimit,
      mip_rel_gap: options.relativeGap,
      presolve: 'on',
    });
    master.model.run();
    if (Number(master.model.info.get('primal_solution_status')) !== 2) return null;
    return master.planOf(master.model.getSolution().colValue);
  } finally {
    master.dispose();
  }
}
