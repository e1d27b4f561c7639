/** A row read from a file, with its 1-based line (for `file:line` messages). */
export interface Lined<T> {
  readonly line: number;
  readonly row: T;
}

/** Rows and the lines they came from as two arrays: a million demand rows are not wrapped in a million more objects. */
export interface LinedColumns<T> {
  readonly rows: readonly T[];
  readonly lines: readonly number[];
}
