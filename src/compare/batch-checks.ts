/**
 * Every mistake of a batch file, told in one run: an analyst who fixes one and runs again
 * should not then learn of the next. Each check runs on what is left of the file without the
 * places of the mistakes told before it, so no mistake is told twice (a misspelt zoning is
 * told as a name, not again as a value that fails its variants).
 *
 *   1. the file alone (parseBatchFile): JSON, keys, kinds of value, the grid's size
 *   2. names its bases lack: a zoning, a demand period, a bid to reprice (baseReferenceCheck)
 *   3. grid values, shared overrides and listed variants wrong on their own (gridValueProblems)
 */
import type { BatchProblem, ParsedBatch } from './batch-file.js';
import { baseReferenceCheck } from './batch-references.js';
import { gridValueProblems } from './grid-value-problems.js';
import type { Scenario } from '../model/types.js';

/**
 * The problems of a batch file, in the file's order: `told` (step 1's, from parseBatchFile),
 * then steps 2 and 3 on `batch`, what parseBatchFile left to check (the whole file when it
 * told nothing).
 */
export function batchProblems(
  told: readonly BatchProblem[],
  batch: ParsedBatch,
  bases: ReadonlyMap<string, Scenario>,
): BatchProblem[] {
  const named = baseReferenceCheck(batch, bases);
  const wrong = named.rest === null ? [] : gridValueProblems(named.rest, bases);
  return problemsByLine([...told, ...named.problems, ...wrong]);
}

/** Problems in the order of their lines in the batch file (one with no line first), as a reader goes down it. */
export const problemsByLine = (problems: readonly BatchProblem[]): BatchProblem[] =>
  [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
