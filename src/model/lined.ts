/** A row read from a file, with its 1-based line (for `file:line` messages). */
export interface Lined<T> {
  readonly line: number;
  readonly row: T;
}
