/**
 * A plan for a Program that can be changed a few variables at a time while
 * keeping every row's activity up to date: the working state of the greedy
 * start (greedy.ts). Moves are checked against the rows they touch and can be
 * undone, so a heuristic never leaves a row worse than it found it.
 */
import { Columns, type Program } from './program.js';

/** Rows are met when within this relative tolerance of their bounds. */
const rowTolerance = 1e-9;

/** A change: variable index and its new value. */
export type Change = readonly [number, number];

const excess = (activity: number, lower: number, upper: number): number => {
  const slack = rowTolerance * Math.max(1, Math.abs(activity));
  return Math.max(0, lower - activity - slack, activity - upper - slack);
};

/** True when `values` meets every bound, integrality and row of the program. */
export function isFeasiblePlan(program: Program, values: readonly number[]): boolean {
  if (values.length !== program.variables.length) return false;
  const boundsOk = program.variables.every((v, j) => {
    const x = values[j] ?? NaN;
    return (
      Number.isFinite(x) &&
      x >= v.lower - 1e-9 &&
      x <= v.upper + 1e-9 &&
      (!v.integer || Math.abs(x - Math.round(x)) <= 1e-9)
    );
  });
  return (
    boundsOk &&
    program.rows.every(
      (r) =>
        excess(
          r.terms.reduce((t, term) => t + term[1] * (values[term[0]] ?? 0), 0),
          r.lower,
          r.upper,
        ) === 0,
    )
  );
}

export class PlanState {
  readonly values: number[];
  private readonly activity: number[];
  /** Per variable: the rows it appears in, with its coefficient. */
  private readonly columns: Columns;
  /**
   * The row activity changes of the moves asked about last (deltas): each row's change,
   * and the rows changed, in the order first changed. Kept and cleared, not a Map a
   * move: the greedy start asks thousands of times a variant (38 kB a variant in Maps).
   */
  private readonly rowDelta: Float64Array;
  private readonly changed: Uint8Array;
  private readonly changedRows: Int32Array;
  private changedCount = 0;

  /** @param columns - the program's columns, when already built. */
  constructor(
    private readonly program: Program,
    initial: readonly number[],
    columns = new Columns(program),
  ) {
    this.values = [...initial];
    this.columns = columns;
    this.rowDelta = new Float64Array(program.rows.length);
    this.changed = new Uint8Array(program.rows.length);
    this.changedRows = new Int32Array(program.rows.length);
    this.activity = program.rows.map((r) =>
      r.terms.reduce((t, term) => t + term[1] * (initial[term[0]] ?? 0), 0),
    );
  }

  /** How much a row misses its bounds by now, or after `delta` more. */
  rowExcess(row: number, delta = 0): number {
    const r = this.program.rows[row];
    return r === undefined ? 0 : excess((this.activity[row] ?? 0) + delta, r.lower, r.upper);
  }

  /** Works out the row activity changes the moves would make, applied in order (a variable may appear twice), into rowDelta. */
  private deltas(changes: readonly Change[]): void {
    for (let k = 0; k < this.changedCount; k++) {
      const i = this.changedRows[k] ?? 0;
      this.rowDelta[i] = 0;
      this.changed[i] = 0;
    }
    this.changedCount = 0;
    for (let n = 0; n < changes.length; n++) {
      const j = changes[n]?.[0] ?? -1;
      const d = (changes[n]?.[1] ?? 0) - this.valueBefore(changes, n);
      if (d !== 0) this.columns.forEach(j, (i, c) => this.addDelta(i, c * d));
    }
  }

  private addDelta(row: number, delta: number): void {
    if (this.changed[row] === 0) {
      this.changed[row] = 1;
      this.changedRows[this.changedCount++] = row;
    }
    this.rowDelta[row] = (this.rowDelta[row] ?? 0) + delta;
  }

  /** The value of the n-th change's variable once the changes before it are made. */
  private valueBefore(changes: readonly Change[], n: number): number {
    const j = changes[n]?.[0] ?? -1;
    for (let m = n - 1; m >= 0; m--) {
      const earlier = changes[m];
      if (earlier?.[0] === j) return earlier[1];
    }
    return this.values[j] ?? 0;
  }

  /** True when a row the deltas touch (outside `ignore`) would miss its bounds by more than it does now. */
  private worsens(ignore?: ReadonlySet<number>): boolean {
    for (let k = 0; k < this.changedCount; k++) {
      const i = this.changedRows[k] ?? 0;
      if (ignore?.has(i) !== true && this.rowExcess(i, this.rowDelta[i] ?? 0) > this.rowExcess(i))
        return true;
    }
    return false;
  }

  /** True when no touched row (outside `ignore`) would miss its bounds by more than it does now. */
  allows(changes: readonly Change[], ignore?: ReadonlySet<number>): boolean {
    this.deltas(changes);
    return !this.worsens(ignore);
  }

  /** Applies the changes and returns what undoes them. */
  apply(changes: readonly Change[]): Change[] {
    this.deltas(changes);
    return this.make(changes);
  }

  /** Applies the changes, whose row activity changes deltas has just worked out, and returns what undoes them. */
  private make(changes: readonly Change[]): Change[] {
    const undo: Change[] = [];
    for (let k = 0; k < this.changedCount; k++) {
      const i = this.changedRows[k] ?? 0;
      this.activity[i] = (this.activity[i] ?? 0) + (this.rowDelta[i] ?? 0);
    }
    changes.forEach((change) => {
      const j = change[0];
      undo.push([j, this.values[j] ?? 0]);
      this.values[j] = change[1];
    });
    return undo.reverse();
  }

  /** Applies the changes when `allows` says so. */
  tryApply(changes: readonly Change[]): boolean {
    this.deltas(changes);
    if (this.worsens()) return false;
    this.make(changes);
    return true;
  }

  /**
   * The largest step t >= 0 (at most `most`) such that moving each variable by
   * rate × t keeps its bounds and every row it touches that is met now.
   */
  maxStep(direction: readonly Change[], most: number): number {
    let t = most;
    for (const [j, rate] of direction) {
      const v = this.program.variables[j];
      const x = this.values[j] ?? 0;
      if (v !== undefined && rate > 0) t = Math.min(t, (v.upper - x) / rate);
      if (v !== undefined && rate < 0) t = Math.min(t, (x - v.lower) / -rate);
    }
    const rates = new Map<number, number>();
    for (const [j, rate] of direction)
      this.columns.forEach(j, (i, c) => rates.set(i, (rates.get(i) ?? 0) + c * rate));
    for (const [i, rate] of rates) {
      const r = this.program.rows[i];
      const a = this.activity[i] ?? 0;
      if (r === undefined || Math.abs(rate) < 1e-12) continue;
      if (rate > 0 && r.upper < Infinity) t = Math.min(t, Math.max(0, (r.upper - a) / rate));
      if (rate < 0 && r.lower > -Infinity) t = Math.min(t, Math.max(0, (a - r.lower) / -rate));
    }
    return Math.max(0, t);
  }

  /** Rows a variable appears in. */
  rowsOf(j: number): number[] {
    return this.columns.rows(j);
  }
}
