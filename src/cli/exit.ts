/**
 * Exit codes (a contract) and the one way the CLI reports bad input.
 */
import { formatIssue, type Issue } from '../diagnostics/issues.js';
import { standardErr, terminalSafe } from './terminal.js';
import { byText } from '../model/order.js';
import { counted } from '../model/counted.js';

/** 3: no award is possible under the scenario's hard rules (an answer, with a diagnosis; DESIGN.md section 9). */
export const exitCodes = { ok: 0, failure: 1, badInput: 2, infeasible: 3 } as const;

/** Thrown by commands; main() turns it into a message and an exit code. */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'CliExit';
  }
}

const maxShown = 100;

export function printIssues(issues: readonly Issue[], to?: NodeJS.WritableStream): void {
  // Not process.stderr when there is nothing to print: the stream is made on first use.
  if (issues.length === 0) return;
  const stream = to ?? standardErr();
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const sheet = (i: Issue) => `${i.file}\0${i.cell?.split(/[! ]/)[0] ?? ''}`;
  const byPlace = (a: Issue, b: Issue) => byText(sheet(a), sheet(b)) || (a.line ?? 0) - (b.line ?? 0);
  const shown = [...[...errors].sort(byPlace), ...[...warnings].sort(byPlace)].slice(0, maxShown);
  for (const issue of shown) stream.write(`${terminalSafe(formatIssue(issue))}\n`);
  if (issues.length > shown.length) stream.write(`… and ${issues.length - shown.length} more\n`);
}

/** The last line of a bad-input message: how many problems, what did not happen, and what to do. */
export const problemsFound = (n: number, nothing: 'written' | 'run') =>
  `${counted(n, 'problem')} found: nothing was ${nothing}. Fix ${n === 1 ? 'it' : 'them'} and run again.`;

export function badInput(issues: readonly Issue[]): CliExit {
  printIssues(issues);
  const n = issues.filter((i) => i.severity === 'error').length;
  return new CliExit(exitCodes.badInput, problemsFound(n, 'written'));
}
