/**
 * Problems found in a scenario, as data. The core collects them; the CLI prints
 * them as `file:line: message` and decides the exit code.
 */

export interface Issue {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  /** 1-based, counting the header row; null when the problem is the whole file. */
  readonly line: number | null;
  readonly message: string;
}

/** A collector passed down the reading pipeline (no global logger). */
export class IssueList {
  private readonly items: Issue[] = [];

  error(file: string, line: number | null, message: string): void {
    this.items.push({ severity: 'error', file, line, message });
  }

  warning(file: string, line: number | null, message: string): void {
    this.items.push({ severity: 'warning', file, line, message });
  }

  get all(): readonly Issue[] {
    return this.items;
  }

  get errors(): readonly Issue[] {
    return this.items.filter((i) => i.severity === 'error');
  }

  get warnings(): readonly Issue[] {
    return this.items.filter((i) => i.severity === 'warning');
  }

  get hasErrors(): boolean {
    return this.items.some((i) => i.severity === 'error');
  }
}

export function formatIssue(issue: Issue): string {
  const where = issue.line === null ? issue.file : `${issue.file}:${issue.line}`;
  const tag = issue.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${tag}${issue.message}`;
}

/** Thrown only at the edge when input is bad; carries every issue found. */
export class InputError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(`${issues.filter((i) => i.severity === 'error').length} problem(s) in the input`);
    this.name = 'InputError';
  }
}
