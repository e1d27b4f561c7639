/**
 * What the reductions (reduce.ts) ask of a program, computed once: each
 * variable's rows, the rows that are cliques (at most one of their binaries
 * is 1), and upper bounds on a row's activity over every plan that keeps the
 * cliques.
 */
import { Columns, type Program, type Row } from './program.js';

export interface ProgramIndex {
  /** Per variable: the rows it appears in, with its coefficient. */
  readonly columns: Columns;
  /** Per variable: its objective coefficient as a cost to minimise. */
  readonly costs: readonly number[];
  /** Per variable: the clique rows it appears in, by row index, ascending. */
  readonly cliques: readonly (readonly number[])[];
  /** The coefficient of variable v in row r (0 when absent). */
  readonly coefficient: (r: number, v: number) => number;
  /** A fact about the program computed once under its key. */
  readonly remember: (key: number, compute: () => boolean) => boolean;
  /** Highest activity of a row over plans that keep the variables' bounds and every clique (cached). */
  readonly highest: (r: number) => number;
}

/** A row that lets at most one of its variables be 1: binaries, each with coefficient 1, upper bound at most 1. */
function isClique(program: Program, row: Row): boolean {
  return (
    row.upper <= 1 &&
    row.terms.length > 1 &&
    row.terms.every((term) => {
      const variable = program.variables[term[0]];
      return (
        term[1] === 1 &&
        variable !== undefined &&
        variable.integer &&
        variable.lower === 0 &&
        variable.upper === 1
      );
    })
  );
}

/**
 * Upper bound on the row's activity: binaries in one clique contribute the
 * largest of their coefficients (or nothing), other variables their best
 * bound. Each binary goes to the clique that holds most of the row's terms.
 */
function highestActivity(program: Program, cliques: ProgramIndex['cliques'], r: number): number {
  const row = program.rows[r];
  if (row === undefined) return Infinity;
  const overlap = new Map<number, number>();
  for (const term of row.terms)
    for (const c of cliques[term[0]] ?? []) overlap.set(c, (overlap.get(c) ?? 0) + 1);
  const best = new Map<number, number>();
  let total = 0;
  for (const term of row.terms) {
    const v = term[0];
    const a = term[1];
    const variable = program.variables[v];
    if (variable === undefined) return Infinity;
    let group = -1;
    for (const c of cliques[v] ?? [])
      if (group === -1 || (overlap.get(c) ?? 0) > (overlap.get(group) ?? 0)) group = c;
    if (group === -1) total += Math.max(a * variable.lower, a * variable.upper);
    else best.set(group, Math.max(best.get(group) ?? 0, a));
  }
  for (const top of best.values()) total += top;
  return Number.isNaN(total) ? Infinity : total;
}

export function programIndex(program: Program): ProgramIndex {
  const columns = new Columns(program);
  const cliques: number[][] = program.variables.map(() => []);
  program.rows.forEach((row, r) => {
    if (isClique(program, row)) for (const term of row.terms) cliques[term[0]]?.push(r);
  });
  const cache = new Map<number, number>();
  const highest = (r: number): number => {
    let bound = cache.get(r);
    if (bound === undefined) {
      bound = highestActivity(program, cliques, r);
      cache.set(r, bound);
    }
    return bound;
  };
  const coefficient = (r: number, v: number): number => columns.coefficient(r, v);
  const facts = new Map<number, boolean>();
  const remember = (key: number, compute: () => boolean): boolean => {
    let fact = facts.get(key);
    if (fact === undefined) {
      fact = compute();
      facts.set(key, fact);
    }
    return fact;
  };
  const sign = program.sense === 'max' ? -1 : 1;
  const costs = program.variables.map((v) => sign * v.cost);
  return { columns, costs, cliques, coefficient, remember, highest };
}
