/**
 * Pre-solve reductions that keep a program's optimum: variables no optimal
 * plan needs are removed before the solver sees them.
 *
 *   1. a binary that breaks a row on its own when set to 1 (a lead role larger
 *      than the bid's hour limit) is fixed at 0
 *   2. a binary k is removed when another binary j dominates it: whenever a
 *      plan sets k to 1, setting j to 1 instead keeps every row and costs no more
 *
 * Rule 2 in the award's words: of two bids of the same provider for the same
 * lot role, the dearer one is not needed when the cheaper one can take the role
 * whatever else it wins: its hour limit is at least all it could ever carry
 * (one place per lot, and no more than its provider's limit), and neither is
 * in a package. The rule is checked row by row on the program, not assumed
 * from the bids, so it holds for every lot structure, objective and award
 * rule; the proof is in docs/performance.md ("XL").
 *
 * Pure: the program is not changed; the reduced one shares its rows' bounds
 * and its variables' meanings, so decoding a plan needs nothing else.
 */
import type { Program, Row, Variable } from './program.js';
import { dominator } from './reduce-dominance.js';
import { programIndex, type ProgramIndex } from './reduce-index.js';

/** Relative slack below which a row counts as broken (rule 1): the solvers' own tolerance is far larger. */
const tolerance = 1e-9;

const isBinary = (v: Variable): boolean => v.integer && v.lower === 0 && v.upper === 1;

/** Lowest activity of each row over the variables' bounds (−∞ when a variable is unbounded that way). */
function lowestActivities(program: Program): number[] {
  return program.rows.map((row) => {
    const total = row.terms.reduce((t, term) => {
      const variable = program.variables[term[0]];
      const a = term[1];
      return variable === undefined ? -Infinity : t + Math.min(a * variable.lower, a * variable.upper);
    }, 0);
    return Number.isNaN(total) ? -Infinity : total;
  });
}

/** Rule 1: setting the binary to 1 breaks a row whatever the other variables are (the binary's own lowest is 0). */
function breaksRowAlone(
  program: Program,
  index: ProgramIndex,
  lowest: readonly number[],
  j: number,
): boolean {
  return index.columns.some(j, (r, a) => {
    const upper = program.rows[r]?.upper ?? Infinity;
    if (upper === Infinity || a <= 0) return false;
    return a + (lowest[r] ?? -Infinity) > upper + tolerance * Math.max(1, Math.abs(upper));
  });
}

/** Indices of the variables to remove: rule 1, then rule 2 among the rest. */
function removable(program: Program): Set<number> {
  const index = programIndex(program);
  const lowest = lowestActivities(program);
  const fixed = new Set<number>();
  program.variables.forEach((v, j) => {
    if (isBinary(v) && breaksRowAlone(program, index, lowest, j)) fixed.add(j);
  });
  const removed = new Set(fixed);
  program.variables.forEach((v, k) => {
    if (
      !fixed.has(k) &&
      isBinary(v) &&
      v.meaning.kind !== 'unmet' &&
      dominator(program, index, k, fixed) !== null
    )
      removed.add(k);
  });
  return removed;
}

/** The program without the removed variables, or null when a row left empty could no longer be met. */
function without(program: Program, removed: ReadonlySet<number>): Program | null {
  const variables = program.variables.filter((_, j) => !removed.has(j));
  let kept = 0;
  /** Each variable's index in the reduced program, −1 when removed. */
  const renumber = program.variables.map((_, j) => (removed.has(j) ? -1 : kept++));
  const rows: Row[] = [];
  for (const row of program.rows) {
    const terms: [number, number][] = [];
    for (const term of row.terms) {
      const to = renumber[term[0]] ?? -1;
      if (to !== -1) terms.push([to, term[1]]);
    }
    if (terms.length > 0) rows.push({ ...row, terms });
    else if (row.lower > 0 || row.upper < 0) return null;
  }
  return { ...program, variables, rows };
}

/**
 * The program without variables that no optimal plan needs (rules 1 and 2
 * above): the same optimum, found by the solver in a smaller search. A
 * program the rules cannot shrink is returned as it is.
 */
export function reduceProgram(program: Program): Program {
  const removed = removable(program);
  if (removed.size === 0) return program;
  return without(program, removed) ?? program;
}
