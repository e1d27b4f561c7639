import { settingNotNumber } from '../diagnostics/messages.js';

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly expected?: string;
  /** A range check's limit and whether it is allowed (zod's too_small and too_big). */
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
}

/** zod's own wording of a range check ("Too small: expected number to be >=0"), which a schema left without words of its own. */
const zodRangeWords = /^Too (small|big): expected number to be/;

/** A number's range check in zonal's words ("must be at least 0"), or null if it is not one zod worded. */
function rangeMessage(issue: Issue): string | null {
  if (!zodRangeWords.test(issue.message)) return null;
  if (issue.code === 'too_small' && issue.minimum !== undefined)
    return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}`;
  if (issue.code === 'too_big' && issue.maximum !== undefined)
    return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`;
  return null;
}

/**
 * What is wrong, in zonal's words where zod's own are a type name ("expected number, received string")
 * or a range check's symbols ("Too small: expected number to be >=0").
 */
export function issueMessage(issue: Issue): string {
  if (issue.code === 'invalid_type' && issue.expected === 'number' && /received string/.test(issue.message))
    return settingNotNumber();
  return rangeMessage(issue) ?? issue.message;
}

/**
 * A schema complaint as a person reads it: where it is (a dotted path, after
 * the names of what holds it) and what is wrong. A complaint about the whole
 * value has no path, so it reads as the message alone, with no stray space or dot.
 */
export function issueText(issue: Issue, ...within: readonly string[]): string {
  const where = [...within, ...issue.path.map(String)].join('.');
  const message = issueMessage(issue);
  return where === '' ? message : `${where} ${message}`;
}
