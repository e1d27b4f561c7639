/**
 * A solver-neutral mixed-integer program: what `buildProgram` produces and every
 * backend adapter consumes. Variables carry what they mean in the award, so the
 * solution can be read back without the solver.
 */
import type { CareType, LotRole } from '../model/types.js';

/** One bid of an offer: its care type's share of the hours a variable carries. */
export interface VariablePart {
  readonly bidId: string;
  readonly careType: CareType;
  readonly share: number;
}

/**
 * Who serves: an offer of one bid per care type of the lot (lots/offers.ts).
 * `bidId` is its first bid, `offer` its name (bid ids joined by `&`).
 */
interface Served {
  /** The provider whose offer it is (every bid of an offer is one provider's). */
  readonly providerId: string;
  readonly bidId: string;
  readonly offer: string;
  readonly parts: readonly VariablePart[];
}

export type VariableMeaning =
  /** binary: offer fills role of lot */
  | ({
      readonly kind: 'assign';
      readonly lotId: string;
      readonly role: LotRole['role'];
      /** The role's name among the lot's roles (two secondaries share a role, not a slot). */
      readonly slot: string;
      readonly hours: number;
    } & Served)
  /** binary: role of lot left unfilled */
  | {
      readonly kind: 'unmet';
      readonly lotId: string;
      readonly role: LotRole['role'];
      /** The role's name among the lot's roles (two secondaries share a role, not a slot). */
      readonly slot: string;
      readonly hours: number;
    }
  /** binary: offer holds a place on a framework lot */
  | ({ readonly kind: 'place'; readonly lotId: string } & Served)
  /** continuous: hours a framework member serves in one area (parts: the area's care-type mix) */
  | ({ readonly kind: 'areaHours'; readonly lotId: string; readonly areaId: string } & Served)
  /** continuous: hours of a framework lot's area nobody serves */
  | { readonly kind: 'areaUnmet'; readonly lotId: string; readonly areaId: string }
  /** binary: the package is awarded */
  | { readonly kind: 'package'; readonly packageId: string }
  /** binary: the provider wins something (for minDistinctProviders) */
  | { readonly kind: 'wins'; readonly providerId: string }
  /** continuous: today's hours (current.csv) of a lot the provider keeps (contract/transition.ts) */
  | { readonly kind: 'kept'; readonly lotId: string; readonly providerId: string };

export interface Variable {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  readonly integer: boolean;
  readonly cost: number;
  readonly meaning: VariableMeaning;
}

export interface Row {
  readonly name: string;
  /** Pairs of variable index and coefficient, each variable at most once. */
  readonly terms: readonly (readonly [number, number])[];
  readonly lower: number;
  readonly upper: number;
}

export interface Program {
  readonly sense: 'min' | 'max';
  /** A constant added to the objective (the cost of change of today's hours, when priced); absent: 0. */
  readonly offset?: number;
  readonly variables: readonly Variable[];
  readonly rows: readonly Row[];
}

export interface SolveOptions {
  /** Seconds; the best plan found by then is returned with its gap. */
  readonly timeLimit: number;
  /** Relative gap at which a plan counts as optimal. */
  readonly relativeGap: number;
  /**
   * Most branch-and-bound nodes to explore: a limit on work, not on seconds,
   * so the answer is the same on a busy and an idle machine. HiGHS and CBC
   * honour it; javascript-lp-solver (small models only) does not.
   */
  readonly nodeLimit?: number;
  /**
   * A known feasible plan (one value per variable) to start from, or the rule
   * that works one out (called only when a backend solves: a remembered
   * answer needs none, solve/solve-memo.ts).
   */
  readonly start?: readonly number[] | StartRule;
  /**
   * What the program decides: a tender's award (unless told: the award, its rule costs'
   * re-solves, a diagnosis) or a map of zones (zones/exact.ts), whose programs are harder
   * for their size. HiGHS searches for a first plan of its own only where that pays
   * (backend-highs.ts `feasibilityJumpBelow`).
   */
  readonly decides?: 'award' | 'zones';
}

/**
 * Works out a start plan from the program alone, its numbers and its
 * variables' meanings, the same plan each time (solve/greedy.ts); null: none.
 */
export type StartRule = (program: Program) => readonly number[] | null;

/**
 * The program's matrix by column: each variable's rows, with its coefficient
 * there, in row order. Kept in three flat arrays (variable j's entries are
 * `start[j]` to `start[j + 1]`), not an array per variable and a pair per entry.
 */
export class Columns {
  private readonly start: Int32Array;
  private readonly rowOf: Int32Array;
  private readonly coefficientOf: Float64Array;

  constructor(program: Program) {
    const n = program.variables.length;
    const inRange = (v: number) => v >= 0 && v < n;
    // start[j + 1] counts variable j's entries, then sums them up to j
    const start = new Int32Array(n + 1);
    // Plain loops here and below, not a callback a row or a wrapper a call: columns are
    // built and read several times a variant (about 25 kB a variant of closures).
    for (const row of program.rows)
      for (const term of row.terms) if (inRange(term[0])) start[term[0] + 1] = (start[term[0] + 1] ?? 0) + 1;
    for (let j = 0; j < n; j++) start[j + 1] = (start[j + 1] ?? 0) + (start[j] ?? 0);
    const rowOf = new Int32Array(start[n] ?? 0);
    const coefficientOf = new Float64Array(rowOf.length);
    const filled = new Int32Array(n);
    program.rows.forEach((row, r) => {
      for (const term of row.terms) {
        const v = term[0];
        if (!inRange(v)) continue;
        const e = (start[v] ?? 0) + (filled[v] ?? 0);
        filled[v] = (filled[v] ?? 0) + 1;
        rowOf[e] = r;
        coefficientOf[e] = term[1];
      }
    });
    this.start = start;
    this.rowOf = rowOf;
    this.coefficientOf = coefficientOf;
  }

  /** Whether `test` holds for some row of variable j (given the row and j's coefficient there). */
  some(j: number, test: (r: number, a: number) => boolean): boolean {
    const end = this.start[j + 1] ?? 0;
    for (let e = this.start[j] ?? end; e < end; e++)
      if (test(this.rowOf[e] ?? -1, this.coefficientOf[e] ?? 0)) return true;
    return false;
  }

  /** Whether `test` holds for every row of variable j (given the row and j's coefficient there). */
  every(j: number, test: (r: number, a: number) => boolean): boolean {
    const end = this.start[j + 1] ?? 0;
    for (let e = this.start[j] ?? end; e < end; e++)
      if (!test(this.rowOf[e] ?? -1, this.coefficientOf[e] ?? 0)) return false;
    return true;
  }

  /** Calls `visit` with each row of variable j and j's coefficient there. */
  forEach(j: number, visit: (r: number, a: number) => void): void {
    const end = this.start[j + 1] ?? 0;
    for (let e = this.start[j] ?? end; e < end; e++) visit(this.rowOf[e] ?? -1, this.coefficientOf[e] ?? 0);
  }

  /** The rows variable j appears in, in order. */
  rows(j: number): number[] {
    return Array.from(this.rowOf.subarray(this.start[j] ?? 0, this.start[j + 1] ?? 0));
  }

  /** The coefficient of variable j in row r (0 when absent). */
  coefficient(r: number, j: number): number {
    const end = this.start[j + 1] ?? 0;
    for (let e = this.start[j] ?? end; e < end; e++)
      if (this.rowOf[e] === r) return this.coefficientOf[e] ?? 0;
    return 0;
  }
}

/** A plan's objective value, offset excluded (as the solvers give it). */
export const planObjective = (program: Program, values: ArrayLike<number>): number =>
  program.variables.reduce((t, v, j) => t + v.cost * (values[j] ?? 0), 0);

/** Whether plan `b` is better than plan `a` in the program's sense (lower when minimised). */
export const isBetterPlan = (program: Program, b: ArrayLike<number>, a: ArrayLike<number>): boolean =>
  program.sense === 'min'
    ? planObjective(program, b) < planObjective(program, a)
    : planObjective(program, b) > planObjective(program, a);

/** The start plan a backend hands its solver, worked out now if it is given as a rule. */
export function startPlan(program: Program, options: SolveOptions): readonly number[] | undefined {
  const start = typeof options.start === 'function' ? options.start(program) : options.start;
  return start ?? undefined;
}

export type SolverOutcome =
  | {
      readonly status: 'optimal' | 'feasible';
      readonly values: readonly number[];
      readonly objective: number;
      readonly gap: number;
      readonly seconds: number;
    }
  | { readonly status: 'infeasible'; readonly seconds: number }
  | { readonly status: 'error'; readonly message: string; readonly seconds: number };

/** A backend: the same interface for HiGHS, javascript-lp-solver and CBC. */
export interface SolverBackend {
  readonly name: string;
  solve(program: Program, options: SolveOptions): Promise<SolverOutcome>;
  /** Start loading the solver now (HiGHS: compiling its WebAssembly), so the first solve need not wait for it. */
  warmUp?(): void;
}
