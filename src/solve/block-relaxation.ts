/**
 * The whole program's LP relaxation, costs minimised: its row duals on the linking
 * rows are where the column generation starts (block-bound.ts).
 */
import type { Highs } from 'highs';
import type { Program } from './program.js';

function finite(x: number, inf: number): number {
  return x === Infinity ? inf : x === -Infinity ? -inf : x;
}

/** The LP relaxation's duals of `rows` (null when HiGHS finds no optimal LP). */
export function relaxationDuals(h: Highs, program: Program, rows: readonly number[]): Float64Array | null {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of program.rows) {
    for (const [v, a] of row.terms) {
      indices.push(v);
      values.push(a);
    }
    starts.push(indices.length);
  }
  const sign = program.sense === 'min' ? 1 : -1;
  const n = program.variables.length;
  const model = h.createModel({
    numCols: n,
    numRows: program.rows.length,
    sense: h.constants.objectiveSense.minimize,
    colCost: program.variables.map((v) => sign * v.cost),
    colLower: program.variables.map((v) => finite(v.lower, h.infinity)),
    colUpper: program.variables.map((v) => finite(v.upper, h.infinity)),
    rowLower: program.rows.map((r) => finite(r.lower, h.infinity)),
    rowUpper: program.rows.map((r) => finite(r.upper, h.infinity)),
    matrix: { format: 'csr', numRows: program.rows.length, numCols: n, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, random_seed: 0 });
    model.run();
    if (model.getModelStatus() !== h.constants.modelStatus.optimal) return null;
    const duals = model.getSolution().rowDual;
    return Float64Array.from(rows, (i) => duals[i] ?? 0);
  } finally {
    model.dispose();
  }
}
