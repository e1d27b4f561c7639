/**
 * Pricing one provider's block: the least reduced cost of any plan of the block
 * alone (its own rows, its variables' bounds and integrality), and a plan that
 * reaches it. Exactly by block-search.ts when the block has its shape and the
 * search ends within its node limit, else by HiGHS on the block's own MIP, whose
 * proven dual bound is the bound (so the answer is a valid bound either way).
 */
import type { Highs, Model } from 'highs';
import { blockShape, type BlockShape } from './block-shape.js';
import { searchPacking } from './block-search.js';
import { toModelData } from './highs-model.js';
import type { Program } from './program.js';
import type { ProviderBlock } from './provider-blocks.js';

/** Nodes the exact search may take on one pricing before HiGHS takes over. */
const pricingNodeLimit = 2_000_000;

interface BlockPrice {
  /** A lower bound on the block's least reduced cost. */
  readonly bound: number;
  /** Block-local variable values of the plan found (null: none found). */
  readonly plan: ReadonlyMap<number, number> | null;
  /** Its reduced cost. */
  readonly value: number;
}

export interface BlockPricer {
  price(rc: Float64Array): BlockPrice | 'infeasible';
  dispose(): void;
}

/** The block alone as a program: its variables at cost 0, its rows renumbered. */
function blockProgram(program: Program, block: ProviderBlock): Program {
  const local = new Map(block.variables.map((v, k) => [v, k]));
  const variables = block.variables.flatMap((v) => {
    const x = program.variables[v];
    return x === undefined ? [] : [{ ...x, cost: 0 }];
  });
  const rows = block.rows.flatMap((i) => {
    const row = program.rows[i];
    if (row === undefined) return [];
    return [{ ...row, terms: row.terms.map(([v, a]): [number, number] => [local.get(v) ?? -1, a]) }];
  });
  return { sense: 'min', variables, rows };
}

function blockModel(h: Highs, program: Program, block: ProviderBlock, seconds: number): Model {
  const model = h.createModel(toModelData(h, blockProgram(program, block)));
  model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-6, random_seed: 0 });
  if (Number.isFinite(seconds)) model.options.set({ time_limit: seconds });
  return model;
}

function highsPrice(h: Highs, model: Model, rc: Float64Array): BlockPrice | 'infeasible' {
  model.changeColsCost({ kind: 'range', from: 0, to: rc.length - 1 }, rc);
  model.run();
  const status = model.getModelStatus();
  if (status === h.constants.modelStatus.infeasible) return 'infeasible';
  const bound = Number(model.info.get('mip_dual_bound'));
  const hasPlan = Number(model.info.get('primal_solution_status')) === 2;
  const plan = new Map<number, number>();
  if (hasPlan)
    model.getSolution().colValue.forEach((x, k) => {
      if (x !== 0) plan.set(k, x);
    });
  return {
    bound: Number.isFinite(bound) ? bound : -Infinity,
    plan: hasPlan ? plan : null,
    value: hasPlan ? model.getObjectiveValue() : Infinity,
  };
}

export interface PricingLimits {
  /** The exact search's nodes, past which HiGHS prices the block (0: always HiGHS). @defaultValue 2,000,000 */
  readonly nodes?: number;
  /**
   * Seconds for HiGHS on one pricing: past it, its proven bound still bounds the block.
   * @defaultValue no limit
   */
  readonly seconds?: number;
}

export function blockPricer(
  h: Highs,
  program: Program,
  block: ProviderBlock,
  limits: PricingLimits = {},
): BlockPricer {
  const nodeLimit = limits.nodes ?? pricingNodeLimit;
  const shape: BlockShape | null = blockShape(program, block);
  let model: Model | null = null;
  return {
    price(rc) {
      if (rc.length === 0) return { bound: 0, plan: new Map(), value: 0 };
      const packing = shape === null ? null : searchPacking(shape, rc, nodeLimit);
      if (packing !== null)
        return {
          bound: packing.value,
          value: packing.value,
          plan: new Map(packing.chosen.map((k) => [k, 1])),
        };
      model ??= blockModel(h, program, block, limits.seconds ?? Infinity);
      return highsPrice(h, model, rc);
    },
    dispose() {
      model?.dispose();
    },
  };
}
