/**
 * The column generation's master LP (block-bound.ts): the linking rows, one
 * convexity row per block (one packing of each, or at most one when the block
 * may win nothing: the empty packing implied),
 * the variables of no provider as themselves, the packings found, and two
 * artificial columns a linking row that keep its dual within a box (boxstep).
 */
import type { Highs, Model } from 'highs';
import { highsBound } from './highs-model.js';
import type { Program } from './program.js';
import type { ProviderBlocks } from './provider-blocks.js';
import type { Linking } from './block-linking.js';

export interface MasterColumn {
  /** Block index, or null for a variable of no provider. */
  readonly block: number | null;
  readonly plan: ReadonlyMap<number, number>;
}

export interface MasterSolution {
  readonly value: number;
  /** Duals of the linking rows, then of the convexity rows. */
  readonly linkDuals: Float64Array;
  readonly convexityDuals: Float64Array;
  /** Sum of the artificial columns' values. */
  readonly artificial: number;
  readonly columnValues: Float64Array;
}

export class BlockMaster {
  readonly model: Model;
  readonly columns: MasterColumn[] = [];
  private readonly seen = new Set<string>();
  private readonly linkCount: number;
  private readonly artificialFirst: number;

  constructor(
    private readonly h: Highs,
    private readonly program: Program,
    private readonly split: ProviderBlocks,
    private readonly l: Linking,
    emptyFits: readonly boolean[],
  ) {
    const nL = split.linking.length;
    this.linkCount = nL;
    const rows = split.linking.map((i) => program.rows[i]);
    this.model = h.createModel({
      numCols: 0,
      numRows: nL + split.blocks.length,
      sense: h.constants.objectiveSense.minimize,
      colCost: [],
      colLower: [],
      colUpper: [],
      rowLower: [
        ...rows.map((r) => highsBound(r?.lower ?? 0, h.infinity)),
        ...split.blocks.map((_, bk) => (emptyFits[bk] === true ? -h.infinity : 1)),
      ],
      rowUpper: [...rows.map((r) => highsBound(r?.upper ?? 0, h.infinity)), ...split.blocks.map(() => 1)],
      matrix: {
        format: 'csc',
        numRows: nL + split.blocks.length,
        numCols: 0,
        starts: [0],
        indices: [],
        values: [],
      },
    });
    this.model.options.set({ output_flag: false, presolve: 'off', random_seed: 0 });
    for (const v of split.free) {
      const x = program.variables[v];
      this.addColumn(
        null,
        new Map([[v, 1]]),
        highsBound(x?.lower ?? 0, h.infinity),
        highsBound(x?.upper ?? 0, h.infinity),
      );
    }
    this.artificialFirst = this.columns.length;
    for (let k = 0; k < nL; k++) {
      this.model.addCol(0, 0, h.infinity, { indices: [k], values: [1] });
      this.model.addCol(0, 0, h.infinity, { indices: [k], values: [-1] });
    }
  }

  private addColumn(
    block: number | null,
    plan: ReadonlyMap<number, number>,
    lower: number,
    upper: number,
  ): void {
    const entries = new Map<number, number>();
    let cost = 0;
    for (const [v, x] of plan) {
      cost += (this.l.cost[v] ?? 0) * x;
      for (const [k, a] of this.l.links[v] ?? []) entries.set(k, (entries.get(k) ?? 0) + a * x);
    }
    const sorted = [...entries].filter(([, a]) => a !== 0).sort((a, b) => a[0] - b[0]);
    if (block !== null) sorted.push([this.linkCount + block, 1]);
    this.model.addCol(cost, lower, upper, {
      indices: sorted.map(([k]) => k),
      values: sorted.map(([, a]) => a),
    });
    this.columns.push({ block, plan });
  }

  /** Master column index of column q of `columns` (the artificial ones sit after the free variables). */
  modelIndex(q: number): number {
    return q < this.artificialFirst ? q : q + 2 * this.linkCount;
  }

  /** Program variable of block-local variable k of block `block`. */
  blockVariable(block: number, k: number): number {
    return this.split.blocks[block]?.variables[k] ?? -1;
  }

  /** Adds a packing of block `block` unless it is there already; whether it was added. */
  addPacking(block: number, plan: ReadonlyMap<number, number>): boolean {
    const key = `${block}:${[...plan].map(([v, x]) => `${v}=${x}`).join(',')}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.addColumn(block, plan, 0, this.h.infinity);
    return true;
  }

  /** Linking duals kept within [centre − width, centre + width]. */
  setBox(centre: Float64Array, width: Float64Array): void {
    const costs = new Float64Array(2 * this.linkCount);
    for (let k = 0; k < this.linkCount; k++) {
      costs[2 * k] = (centre[k] ?? 0) + (width[k] ?? 0);
      costs[2 * k + 1] = -((centre[k] ?? 0) - (width[k] ?? 0));
    }
    if (costs.length > 0)
      this.model.changeColsCost(
        { kind: 'range', from: this.artificialFirst, to: this.artificialFirst + costs.length - 1 },
        costs,
      );
  }

  /**
   * The master as an integer program (price and branch): each packing taken whole
   * or not at all, each variable of no provider with its own integrality, no
   * artificial column. Its plans are plans of the whole program.
   */
  makeInteger(): void {
    const n = this.columns.length;
    const { integer, continuous } = this.h.constants.variableType;
    for (let q = 0; q < n; q++) {
      const c = this.columns[q];
      const whole =
        c !== undefined &&
        (c.block !== null || this.program.variables[[...c.plan.keys()][0] ?? -1]?.integer === true);
      this.model.changeColIntegrality(this.modelIndex(q), whole ? integer : continuous);
    }
    const zeros = new Float64Array(2 * this.linkCount);
    if (zeros.length > 0)
      this.model.changeColsBounds(
        { kind: 'range', from: this.artificialFirst, to: this.artificialFirst + zeros.length - 1 },
        zeros,
        zeros,
      );
  }

  /** The program's variable values of a master solution. */
  planOf(columnValues: Float64Array): Float64Array {
    const values = new Float64Array(this.program.variables.length);
    this.columns.forEach((c, q) => {
      const x = columnValues[this.modelIndex(q)] ?? 0;
      if (x !== 0) for (const [v, a] of c.plan) values[v] = (values[v] ?? 0) + a * x;
    });
    return values;
  }

  solve(): MasterSolution {
    this.model.run();
    const solution = this.model.getSolution();
    const values = solution.colValue;
    let artificial = 0;
    for (let q = this.artificialFirst; q < this.artificialFirst + 2 * this.linkCount; q++)
      artificial += values[q] ?? 0;
    return {
      value: this.model.getObjectiveValue(),
      linkDuals: solution.rowDual.slice(0, this.linkCount),
      convexityDuals: solution.rowDual.slice(this.linkCount),
      artificial,
      columnValues: values,
    };
  }

  dispose(): void {
    this.model.dispose();
  }
}
