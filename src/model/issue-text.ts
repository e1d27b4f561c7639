import { settingNotNumber } from '../diagnostics/messages.js';

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly expected?: string;
}

/** What is wrong, in zonal's words where zod's own are a type name ("expected number, received string"). */
export function issueMessage(issue: Issue): string {
  return issue.code === 'invalid_type' && issue.expected === 'number' && /received string/.test(issue.message)
    ? settingNotNumber()
    : issue.message;
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
