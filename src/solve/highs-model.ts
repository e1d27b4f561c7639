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

/**
 * One number of each item, in a typed array filled in place (`Float64Array.from`
 * with a mapping function allocated about as much again).
 */
function numbersOf<T>(items: readonly T[], number: (item: T) => number): Float64Array {
  const out = new Float64Array(items.length);
  items.forEach((item, i) => {
    out[i] = number(item);
  });
  return out;
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
    for (const term of row.terms) {
      indices[k] = term[0];
      values[k++] = term[1];
    }
  }
  const vars = program.variables;
  return {
    numCols: vars.length,
    numRows: program.rows.length,
    sense:
      program.sense === 'min' ? h.constants.objectiveSense.minimize : h.constants.objectiveSense.maximize,
    colCost: numbersOf(vars, (v) => v.cost),
    colLower: numbersOf(vars, (v) => highsBound(v.lower, h.infinity)),
    colUpper: numbersOf(vars, (v) => highsBound(v.upper, h.infinity)),
    rowLower: numbersOf(program.rows, (r) => highsBound(r.lower, h.infinity)),
    rowUpper: numbersOf(program.rows, (r) => highsBound(r.upper, h.infinity)),
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
