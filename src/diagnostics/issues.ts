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
  /** In a workbook: the sheet and cell (`bids!C7`) or row (`bids row 7`), printed in place of the line. */
  readonly cell?: string;
}

/** Where a value was read: a file and line, or in a workbook its sheet and cell (`formatPlace` prints it). */
export type Place = Pick<Issue, 'file' | 'line' | 'cell'>;

/**
 * Where the tables of a workbook scenario live. The reading code names a table
 * by its sheet and a place by line and column, as for a CSV file; the list
 * turns that into `tender.xlsx: bids!C7`.
 */
export interface SheetPlaces {
  readonly workbook: string;
  /** The sheet-and-cell text for a place on a sheet; null when `sheet` is not one of the workbook's. */
  place(sheet: string, line: number | null, column?: string): string | null;
}

/**
 * How a person names a table: `areas.csv`, or in a workbook `the areas sheet`; `in` says
 * where an id is missing from it (`in areas.csv`, `on the areas sheet`).
 */
export interface TableName {
  readonly name: string;
  readonly in: string;
  /** A CSV file of a folder, or a sheet of a workbook. */
  readonly kind: 'file' | 'sheet';
}

/** A collector passed down the reading pipeline (no global logger). */
export class IssueList {
  private readonly items: Issue[] = [];

  constructor(private readonly sheets: SheetPlaces | null = null) {}

  /** `column` (a column name) lets a workbook place point at one cell. */
  error(file: string, line: number | null, message: string, column?: string): void {
    this.items.push(this.issue('error', file, line, message, column));
  }

  warning(file: string, line: number | null, message: string, column?: string): void {
    this.items.push(this.issue('warning', file, line, message, column));
  }

  /** The table read from `file` (a CSV file, or a sheet of the workbook), as messages name it. */
  table(file: string): TableName {
    return (this.sheets?.place(file, null) ?? null) === null
      ? { name: file, in: `in ${file}`, kind: 'file' }
      : { name: `the ${file} sheet`, in: `on the ${file} sheet`, kind: 'sheet' };
  }

  /** The place of an issue at (file, line, column), for messages made after reading. */
  place(file: string, line: number | null, column?: string): Place {
    const { file: shown, line: at, cell } = this.issue('warning', file, line, '', column);
    return cell === undefined ? { file: shown, line: at } : { file: shown, line: at, cell };
  }

  private issue(
    severity: Issue['severity'],
    file: string,
    line: number | null,
    message: string,
    column?: string,
  ): Issue {
    const cell = this.sheets?.place(file, line, column) ?? null;
    if (cell === null || this.sheets === null) return { severity, file, line, message };
    return { severity, file: this.sheets.workbook, line, message, cell };
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

/** `bids.csv:7`, `tender.xlsx: bids!E7`, or the file alone when the place is the whole file. */
export function formatPlace(place: Place): string {
  return place.cell !== undefined
    ? `${place.file}: ${place.cell}`
    : place.line === null
      ? place.file
      : `${place.file}:${place.line}`;
}

export function formatIssue(issue: Issue): string {
  const where = formatPlace(issue);
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
