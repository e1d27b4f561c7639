/**
 * A program as HiGHS model data: what every HiGHS solve of zonal's hands over
 * (backend-highs.ts, and the blocks' own programs and relaxation: block-price.ts,
 * block-relaxation.ts).
 */
import type { Highs } from 'highs';
import type { Program } from './program.js';

/** A bound as HiGHS takes it: its own infinity for an infinite one. */
export function highsBound(x: number, inf: number): number {
  return x === Infinity ? inf : x === -Infinity ? -inf : x;
}

/** The program as HiGHS model data, rows in compressed sparse row form. */
export function toModelData(h: Highs, program: Program) {
  const starts = new Int32Array(program.rows.length + 1);
  let nnz = 0;
  program.rows.forEach((r, i) => {
    nnz += r.terms.length;
    starts[i + 1] = nnz;
  });
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let k = 0;
  for (const row of program.rows) {
    for (const [v, c] of row.terms) {
      indices[k] = v;
      values[k++] = c;
    }
  }
  const vars = program.variables;
  return {
    numCols: vars.length,
    numRows: program.rows.length,
    sense:
      program.sense === 'min' ? h.constants.objectiveSense.minimize : h.constants.objectiveSense.maximize,
    colCost: Float64Array.from(vars, (v) => v.cost),
    colLower: Float64Array.from(vars, (v) => highsBound(v.lower, h.infinity)),
    colUpper: Float64Array.from(vars, (v) => highsBound(v.upper, h.infinity)),
    rowLower: Float64Array.from(program.rows, (r) => highsBound(r.lower, h.infinity)),
    rowUpper: Float64Array.from(program.rows, (r) => highsBound(r.upper, h.infinity)),
    matrix: {
      format: 'csr' as const,
      numRows: program.rows.length,
      numCols: vars.length,
      starts,
      indices,
      values,
    },
    integrality: Int32Array.from(vars, (v) =>
      v.integer ? h.constants.variableType.integer : h.constants.variableType.continuous,
    ),
  };
}
