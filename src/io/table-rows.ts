/**
 * Turn a parsed CSV table into typed rows with a zod row schema, reporting every
 * bad cell as `file:line: column: what is wrong`.
 */
import type { z } from 'zod';
import type { IssueList } from '../diagnostics/issues.js';
import type { CsvRecord, CsvTable } from './csv-read.js';

export interface Lined<T> {
  readonly line: number;
  readonly row: T;
}

const maxIssuesPerFile = 50;

export function checkColumns(file: string, table: Pick<CsvTable, 'header'>, required: readonly string[], known: readonly string[], issues: IssueList): boolean {
  const missing = required.filter((c) => !table.header.includes(c));
  if (table.header.length === 0 || (table.header.length === 1 && table.header[0] === '')) {
    issues.error(file, 1, `the file is empty: it needs a header row with ${required.join(',')}`);
    return false;
  }
  if (missing.length > 0) {
    issues.error(file, 1, `missing column(s) ${missing.join(', ')}: the header must include ${required.join(',')}`);
    return false;
  }
  const extra = table.header.filter((c) => !known.includes(c));
  if (extra.length > 0) issues.warning(file, 1, `extra column(s) ${extra.join(', ')} ignored`);
  return true;
}

/** Typed rows, one record at a time (records stream in from a large file). */
export function rowReader<S extends z.ZodType>(file: string, width: number, schema: S, issues: IssueList): { add(record: CsvRecord): void; finish(): Lined<z.output<S>>[] } {
  const rows: Lined<z.output<S>>[] = [];
  let reported = 0;
  return {
    add(record) {
      if (record.width > width) {
        if (reported++ < maxIssuesPerFile) issues.error(file, record.line, `the row has ${record.width} cells but the header has ${width}: quote any value that contains a comma`);
        return;
      }
      const parsed = schema.safeParse(record.cells);
      if (parsed.success) {
        rows.push({ line: record.line, row: parsed.data });
        return;
      }
      for (const issue of parsed.error.issues) {
        if (reported++ >= maxIssuesPerFile) continue;
        const column = String(issue.path[0] ?? '');
        const value = record.cells[column];
        const got = value === undefined || value === '' ? '' : ` (got "${value}")`;
        issues.error(file, record.line, `${column} ${issue.message}${got}`);
      }
    },
    finish() {
      if (reported > maxIssuesPerFile) issues.error(file, null, `${reported - maxIssuesPerFile} more problem(s) not shown`);
      return rows;
    },
  };
}

export function readRows<S extends z.ZodType>(file: string, table: CsvTable, schema: S, issues: IssueList): Lined<z.output<S>>[] {
  const reader = rowReader(file, table.header.length, schema, issues);
  for (const record of table.records) reader.add(record);
  return reader.finish();
}
