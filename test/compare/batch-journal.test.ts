import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { batchCsvHeaderLine, batchCsvRows, jsonlLine } from '../../src/compare/batch-output.js';
import ExcelJS from 'exceljs';
import { journalLine, openJournal, rewriteBatchFiles } from '../../src/compare/batch-journal.js';
import type { BatchRow } from '../../src/compare/run-variant.js';

const row = (id: string, index: number, error: string | null = null): BatchRow => ({
  index,
  id,
  base: 'tiny',
  overrides: { name: 'a "quoted", comma\nand a line' },
  status: error === null ? 'optimal' : 'failed',
  error,
  diagnosis: null,
  metrics: null,
  sampling: null,
  solveSeconds: 0.1234567890123456,
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zonal-journal-'));
  dirs.push(dir);
  return dir;
};
const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');

describe('the batch journal', () => {
  // Rows landing out of order, one with a CSV-hostile error message.
  const rows = [row('c', 2), row('a', 0, 'bad override: "x", y'), row('b', 1)];

  test('appends each line as it lands, and each line is what formatting that row alone gives', async () => {
    const dir = tempDir();
    await rewriteBatchFiles(dir, [], {
      name: null,
      total: rows.length,
      currencies: new Map([['tiny', 'GBP']]),
    });
    const journal = openJournal(dir);
    for (const r of rows) journal.append(journalLine(r));
    journal.close();
    expect(read(dir, 'batch.jsonl')).toBe(rows.map(jsonlLine).join(''));
    expect(read(dir, 'batch.csv')).toBe(batchCsvHeaderLine() + rows.map((r) => batchCsvRows([r])).join(''));
  });

  test('the final rewrite puts the lines in variant order, the same text as formatting every row at once', async () => {
    const dir = tempDir();
    await rewriteBatchFiles(dir, rows.map(journalLine), {
      name: null,
      total: rows.length,
      currencies: new Map([['tiny', 'GBP']]),
    });
    const sorted = [...rows].sort((a, b) => a.index - b.index);
    expect(read(dir, 'batch.jsonl')).toBe(sorted.map(jsonlLine).join(''));
    expect(read(dir, 'batch.csv')).toBe(batchCsvHeaderLine() + batchCsvRows(sorted));
    expect(readFileSync(path.join(dir, 'batch.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  test("batch.xlsx carries the batch file's name, and a workbook written before every row landed says so", async () => {
    const summaryOf = async (dir: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(path.join(dir, 'batch.xlsx')) as unknown as ArrayBuffer);
      const cells = new Map<string, unknown>();
      wb.getWorksheet('summary')?.eachRow((r) => cells.set(String(r.getCell(1).value), r.getCell(2).value));
      return cells;
    };
    const started = tempDir();
    // As the batch starts: one row kept by --resume of three variants.
    await rewriteBatchFiles(started, [journalLine(row('a', 0))], {
      name: 'Shire grid',
      total: 3,
      currencies: new Map([['tiny', 'GBP']]),
    });
    const early = await summaryOf(started);
    expect([...early.keys()].join(' ')).toContain('Shire grid');
    expect(early.get('Variants')).toBe(3);
    expect(String(early.get('Not finished'))).toMatch(/^2 of the batch's 3 variants have no row here/);
    const ended = tempDir();
    await rewriteBatchFiles(ended, rows.map(journalLine), {
      name: 'Shire grid',
      total: 3,
      currencies: new Map([['tiny', 'GBP']]),
    });
    expect((await summaryOf(ended)).has('Not finished')).toBe(false);
  });
});
