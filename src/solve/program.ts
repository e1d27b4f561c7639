/**
 * A solver-neutral mixed-integer program: what `buildProgram` produces and every
 * backend adapter consumes. Variables carry what they mean in the award, so the
 * solution can be read back without the solver.
 */

export type VariableMeaning =
  /** binary: bid fills role of lot */
  | { readonly kind: 'assign'; readonly bidId: string; readonly lotId: string; readonly role: 'sole' | 'lead' | 'secondary'; readonly hours: number }
  /** binary: role of lot left unfilled */
  | { readonly kind: 'unmet'; readonly lotId: string; readonly role: 'sole' | 'lead' | 'secondary'; readonly hours: number }
  /** binary: bid holds a place on a framework lot */
  | { readonly kind: 'place'; readonly bidId: string; readonly lotId: string }
  /** continuous: hours a framework member serves in one area */
  | { readonly kind: 'areaHours'; readonly bidId: string; readonly lotId: string; readonly areaId: string }
  /** continuous: hours of a framework lot's area nobody serves */
  | { readonly kind: 'areaUnmet'; readonly lotId: string; readonly areaId: string }
  /** binary: the package is awarded */
  | { readonly kind: 'package'; readonly packageId: string }
  /** binary: the provider wins something (for minDistinctProviders) */
  | { readonly kind: 'wins'; readonly providerId: string };

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
  /** A known feasible plan (one value per variable) to start from. */
  readonly start?: readonly number[];
}

export type SolverOutcome =
  | { readonly status: 'optimal' | 'feasible'; readonly values: readonly number[]; readonly objective: number; readonly gap: number; readonly seconds: number }
  | { readonly status: 'infeasible'; readonly seconds: number }
  | { readonly status: 'error'; readonly message: string; readonly seconds: number };

/** A backend: the same interface for HiGHS, javascript-lp-solver and CBC. */
export interface SolverBackend {
  readonly name: string;
  solve(program: Program, options: SolveOptions): Promise<SolverOutcome>;
}

export const defaultSolveOptions: SolveOptions = { timeLimit: 60, relativeGap: 1e-6 };
