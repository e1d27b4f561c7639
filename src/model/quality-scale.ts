/**
 * Quality scores are points from 0 to 100 (docs/scoring.md): the scale is
 * fixed. A column of them typed out of 1 (0.75, 0.8, …, as a scoring sheet
 * may keep them) would be read as 0.75 points, so every bid would score almost
 * no quality without a word. Every score 1 or less, one of them a fraction, is
 * such a column: one error, at its first fraction. A column whose highest score is
 * 10 or less may be out of 5 or 10: a warning, since a tender may score that low.
 */
import type { IssueList } from '../diagnostics/issues.js';
import * as msg from '../diagnostics/messages.js';
import type { Lined } from './lined.js';
import { rangeOf } from './extent.js';

/** Tells a table's quality_score column (`null`: not given for that row) typed out of 1. */
export function checkQualityScale(
  file: string,
  rows: readonly Lined<{ readonly quality_score: number | null }>[],
  issues: IssueList,
): void {
  const scored = rows.filter((r) => r.row.quality_score !== null);
  // Not Math.max(...): a table of 130,000 rows overflows the stack as arguments (review14b).
  const highest = rangeOf(scored.map((r) => r.row.quality_score ?? 0)).max;
  if (highest > 1 && highest <= smallScale) {
    // Out of 5 or 10 (a scoring sheet's scale): may be meant, so a warning, at the highest.
    const top = scored.find((r) => r.row.quality_score === highest);
    if (top !== undefined)
      issues.warning(file, top.line, msg.qualityOnSmallScale(highest, issues.table(file)), 'quality_score');
    return;
  }
  if (highest > 1) return;
  const first = scored.find((r) => !Number.isInteger(r.row.quality_score));
  if (first === undefined || first.row.quality_score === null) return;
  issues.error(
    file,
    first.line,
    msg.qualityOutOfOne(first.row.quality_score, issues.table(file)),
    'quality_score',
  );
}

/** The largest score of a scale out of 5 or 10 (review14: such scales passed unnoticed). */
const smallScale = 10;
