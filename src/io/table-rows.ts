/**
 * Turn a parsed table (a CSV file or a workbook sheet) into typed rows with a
 * zod row schema, reporting every bad cell as `file:line: column: what is wrong`.
 * A mistake repeated down a column (a misspelt value, a £ from the wrong
 * encoding) is one message with the rows it affects, not one per row.
 */
import type { z } from 'zod';
import type { IssueList } from '../diagnostics/issues.js';
import type { CsvTable } from './csv-read.js';
import { matchHeader } from './header-match.js';

export interface Lined<T> {
  readonly line: number;
  readonly row: T;
}

const maxIssuesPerFile = 50;

/**
 * Check the header (case, spaces and underscores do not matter) and return the
 * table with columns under their zonal names, or null when a required column
 * is missing: then nothing below it is checked, so one missing column is one message.
 */
export function checkColumns(file: string, table: CsvTable, required: readonly string[], known: readonly string[], issues: IssueList): CsvTable | null {
  if (table.header.length === 0 || (table.header.length === 1 && table.header[0] === '')) {
    issues.error(file, 1, `the file is empty: it needs a header row with ${required.join(',')}`);
    return null;
  }
  const match = matchHeader(table, required, known);
  if (match.missing.length > 0) {
    const misnamed = match.missing.filter((m) => m.typed !== null);
    for (const m of misnamed) issues.error(file, 1, `missing column(s) ${m.column} (did you mean the header cell "${m.typed}"? Rename it to ${m.column})`, m.typed ?? undefined);
    const absent = match.missing.filter((m) => m.typed === null).map((m) => m.column);
    if (absent.length > 0) issues.error(file, 1, `missing column(s) ${absent.join(', ')}: the header must include ${required.join(',')} (rows are checked once the header is right)`);
    return null;
  }
  if (match.extra.length > 0) issues.warning(file, 1, `extra column(s) ${match.extra.join(', ')} ignored`, match.extra[0]);
  return match.table;
}

interface Repeated {
  readonly column: string;
  readonly message: string;
  readonly first: number;
  readonly got: string;
  readonly more: number[];
}

export function readRows<S extends z.ZodType>(file: string, table: CsvTable, schema: S, issues: IssueList): Lined<z.output<S>>[] {
  const rows: Lined<z.output<S>>[] = [];
  const found = new Map<string, Repeated>();
  for (const record of table.records) {
    if (record.width > table.header.length) {
      issues.error(file, record.line, `the row has ${record.width} cells but the header has ${table.header.length}: quote any value that contains a comma`);
      continue;
    }
    const parsed = schema.safeParse(record.cells);
    if (parsed.success) {
      rows.push({ line: record.line, row: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0] ?? '');
      const key = `${column}\0${issue.message}`;
      const value = record.cells[column];
      const seen = found.get(key);
      if (seen === undefined) found.set(key, { column, message: issue.message, first: record.line, got: value === undefined || value === '' ? '' : ` (got "${value}")`, more: [] });
      else seen.more.push(record.line);
    }
  }
  reportRepeated(file, [...found.values()], issues);
  return rows;
}

function reportRepeated(file: string, found: readonly Repeated[], issues: IssueList): void {
  for (const f of found.slice(0, maxIssuesPerFile)) {
    const shown = f.more.slice(0, 5).join(', ');
    const more = f.more.length === 0 ? '' : `; the same in ${f.more.length} more row(s): ${shown}${f.more.length > 5 ? ', …' : ''}`;
    issues.error(file, f.first, `${f.column} ${f.message}${f.got}${more}`, f.column);
  }
  if (found.length > maxIssuesPerFile) issues.error(file, null, `${found.length - maxIssuesPerFile} more problem(s) not shown`);
}
