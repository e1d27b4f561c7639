/**
 * The whole program's LP relaxation, costs minimised: its row duals on the linking
 * rows are where the column generation starts (block-bound.ts).
 */
import type { Highs } from 'highs';
import { toModelData } from './highs-model.js';
import type { Program } from './program.js';

/** The program with its costs minimised (a maximised one negated). */
function minimised(program: Program): Program {
  if (program.sense === 'min') return program;
  return { ...program, sense: 'min', variables: program.variables.map((v) => ({ ...v, cost: -v.cost })) };
}

/** The LP relaxation's duals of `rows` (null when HiGHS finds no optimal LP). */
export function relaxationDuals(h: Highs, program: Program, rows: readonly number[]): Float64Array | null {
  const { integrality: _integer, ...lp } = toModelData(h, minimised(program));
  const model = h.createModel(lp);
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
