/**
 * Rule 2 of reduce.ts: binary j dominates binary k when, in any plan with
 * k = 1, setting k to 0 and j to 1 (the swap) keeps every row and does not
 * worsen the objective. The swap is allowed when
 *
 *   a. j and k share a clique row, so k = 1 means j = 0, and every clique
 *      row holding j also holds k (the swap keeps every clique);
 *   b. j is no worse in the objective, and comes first in (objective, index),
 *      so that chains of swaps end (a dominator removed in turn has its own,
 *      earlier dominator);
 *   c. in every row where the swap changes the activity by d = a(j) − a(k):
 *      d < 0 only where the row has no lower bound, and d > 0 only where its
 *      upper bound can never be reached: the row's highest activity over
 *      plans that keep the cliques is at most the bound, or another row Q
 *      caps it (Q's coefficients are at least the row's on its terms, Q's
 *      other terms are non-negative, every variable involved is
 *      non-negative, and the swap does not raise Q: q(j) ≤ q(k)).
 *
 * Then an optimal plan that uses k becomes, swap by swap, an optimal plan
 * that uses no removed variable.
 */
import type { Program } from './program.js';
import type { ProgramIndex } from './reduce-index.js';

/** True when j comes before k in (cost, index): (b). */
const before = (index: ProgramIndex, j: number, k: number): boolean => {
  const cj = index.costs[j] ?? 0;
  const ck = index.costs[k] ?? 0;
  return cj < ck || (cj === ck && j < k);
};

/** (a): every clique row of j also holds k (cliques are sorted ascending). */
function cliquesWithin(index: ProgramIndex, j: number, k: number): boolean {
  const ofK = index.cliques[k] ?? [];
  return (index.cliques[j] ?? []).every((c) => ofK.includes(c));
}

/** Q ≥ R term by term, Q's other terms non-negative, every variable of both non-negative (cached by the index). */
function covers(program: Program, index: ProgramIndex, q: number, r: number): boolean {
  const rowQ = program.rows[q];
  const rowR = program.rows[r];
  if (rowQ === undefined || rowR === undefined || q === r || rowQ.upper === Infinity) return false;
  const nonNegative = (v: number) => (program.variables[v]?.lower ?? -1) >= 0;
  return (
    rowR.terms.every((term) => nonNegative(term[0]) && index.coefficient(q, term[0]) >= term[1]) &&
    rowQ.terms.every((term) => nonNegative(term[0]) && term[1] >= 0)
  );
}

/** Q caps row R: Q covers R, and the swap does not raise Q. */
function caps(program: Program, index: ProgramIndex, q: number, r: number, j: number, k: number): boolean {
  return (
    index.coefficient(q, j) <= index.coefficient(q, k) &&
    index.remember(q * program.rows.length + r, () => covers(program, index, q, r))
  );
}

/** (c) for one row with d > 0: its upper bound can never be reached. */
function neverReached(program: Program, index: ProgramIndex, r: number, j: number, k: number): boolean {
  const upper = program.rows[r]?.upper ?? -Infinity;
  if (upper === Infinity || index.highest(r) <= upper) return true;
  return index.columns.some(
    j,
    (q) => (program.rows[q]?.upper ?? Infinity) <= upper && caps(program, index, q, r, j, k),
  );
}

/** (c): every row the swap changes stays within its bounds. */
function swapKeepsRows(program: Program, index: ProgramIndex, j: number, k: number): boolean {
  const raised = index.columns.every(j, (r, a) => {
    const d = a - index.coefficient(r, k);
    const row = program.rows[r];
    if (d === 0) return true;
    if (row === undefined) return false;
    return d < 0 ? row.lower === -Infinity : neverReached(program, index, r, j, k);
  });
  // Rows of k without j: the swap lowers them by k's (positive) coefficient, or raises them by its negative one.
  return (
    raised &&
    index.columns.every(k, (r, a) => {
      if (index.coefficient(r, j) !== 0) return true;
      const row = program.rows[r];
      if (row === undefined) return false;
      return a > 0 ? row.lower === -Infinity : neverReached(program, index, r, j, k);
    })
  );
}

/** A variable that dominates binary k, or null. Variables fixed at 0 (`fixed`) never dominate. */
export function dominator(
  program: Program,
  index: ProgramIndex,
  k: number,
  fixed: ReadonlySet<number>,
): number | null {
  for (const c of index.cliques[k] ?? [])
    for (const term of program.rows[c]?.terms ?? []) {
      const j = term[0];
      if (j === k || fixed.has(j) || !before(index, j, k)) continue;
      if (cliquesWithin(index, j, k) && swapKeepsRows(program, index, j, k)) return j;
    }
  return null;
}
