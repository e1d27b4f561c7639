/**
 * One mistake told once, at its first row, with the rows that repeat it: a misspelt value
 * down a column, a £ from the wrong encoding, a zone id in every row of its zone. Memory
 * stays bounded on a large file: at most `limit` distinct mistakes are kept, each with a
 * few row numbers and a count; the mistakes past the limit are only counted.
 */
import type { IssueList } from './issues.js';
import { repeatedRowsShown, sameInMoreRows } from './messages.js';

interface Mistake {
  readonly message: string;
  readonly column: string | undefined;
  readonly first: number;
  /** The first few later rows with the same mistake, and how many there are in all. */
  readonly shown: number[];
  more: number;
}

export function repeatedMistakes(limit = Number.POSITIVE_INFINITY) {
  const found = new Map<string, Mistake>();
  let unshown = 0;
  return {
    /** A mistake at `line`; `key` says which rows hold the same one, `message` is told with the first. */
    note(key: string, message: string, line: number, column?: string): void {
      const seen = found.get(key);
      if (seen !== undefined) {
        seen.more++;
        if (seen.shown.length < repeatedRowsShown) seen.shown.push(line);
      } else if (found.size >= limit) unshown++;
      else found.set(key, { message, column, first: line, shown: [], more: 0 });
    },
    /** Tells each mistake kept (as errors, or as warnings), in the order first seen; whether there was any. */
    tell(issues: IssueList, file: string, as: 'error' | 'warning' = 'error'): boolean {
      for (const m of found.values())
        issues[as](file, m.first, `${m.message}${sameInMoreRows(m.more, m.shown)}`, m.column);
      return found.size > 0;
    },
    /**
     * The message of the mistake `key` with the rows that repeat it, when `line` is its first row
     * (else null): for a caller that tells each mistake in its place among other messages.
     */
    at(key: string, line: number): string | null {
      const m = found.get(key);
      return m === undefined || m.first !== line ? null : `${m.message}${sameInMoreRows(m.more, m.shown)}`;
    },
    /** How many distinct mistakes were past the limit. */
    unshown: () => unshown,
  };
}
