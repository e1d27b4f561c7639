/**
 * Whether two programs are the same model: the same variables (name, meaning,
 * cost, bounds, integrality) and the same rows, in the same order. Two such
 * programs have the same optimal plans, so the second needs no solve.
 */
import type { Program, Row, Variable } from './program.js';

function sameVariable(a: Variable, b: Variable): boolean {
  return (
    a.name === b.name &&
    a.cost === b.cost &&
    a.lower === b.lower &&
    a.upper === b.upper &&
    a.integer === b.integer &&
    JSON.stringify(a.meaning) === JSON.stringify(b.meaning)
  );
}

function sameRow(a: Row, b: Row): boolean {
  if (a.lower !== b.lower || a.upper !== b.upper || a.terms.length !== b.terms.length) return false;
  return a.terms.every(([v, c], i) => b.terms[i]?.[0] === v && b.terms[i]?.[1] === c);
}

export function sameProgram(a: Program, b: Program): boolean {
  return (
    a.sense === b.sense &&
    (a.offset ?? 0) === (b.offset ?? 0) &&
    a.variables.length === b.variables.length &&
    a.rows.length === b.rows.length &&
    a.variables.every((v, i) => b.variables[i] !== undefined && sameVariable(v, b.variables[i])) &&
    a.rows.every((r, i) => b.rows[i] !== undefined && sameRow(r, b.rows[i]))
  );
}
