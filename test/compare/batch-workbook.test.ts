import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { batchWorkbook } from '../../src/compare/batch-workbook.js';
import type { AwardMetrics } from '../../src/compare/metrics.js';
import type { BatchRow } from '../../src/compare/run-variant.js';

/** A row as a batch writes it, with only the figures the summary counts. */
function row(index: number, status: BatchRow['status'], unmetHoursPerWeek: number | null): BatchRow {
  const metrics =
    unmetHoursPerWeek === null
      ? null
      : ({ status, gap: 0, unmetHoursPerWeek, demandHoursPerWeek: 4914 } as unknown as AwardMetrics);
  return {
    index,
    id: `v${index}`,
    base: 'county',
    overrides: {},
    status,
    error: status === 'failed' ? 'no places' : null,
    diagnosis: status === 'infeasible' ? 'relax it' : null,
    metrics,
    sampling: null,
    solveSeconds: 0,
  };
}

async function summaryOf(rows: readonly BatchRow[]): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (await batchWorkbook('grid', rows, rows.length, new Map([['county', 'GBP']]))) as unknown as ArrayBuffer,
  );
  const summary = new Map<string, unknown>();
  wb.getWorksheet('summary')?.eachRow((r) => summary.set(String(r.getCell(1).value), r.getCell(2).value));
  return summary;
}

describe('batch.xlsx', () => {
  test('its summary counts the variants with no possible award, those leaving hours unbought and those cut short, as the printout does (explore21)', async () => {
    // Until 2026-12-02 it said "Failed 0" alone, above 13 infeasible rows and 5 that buy too
    // little: a committee reading the summary sheet read every variant as fine.
    const summary = await summaryOf([
      row(0, 'optimal', 0),
      row(1, 'infeasible', null),
      row(2, 'optimal', 400.4),
      row(3, 'feasible', 12),
      row(4, 'failed', null),
      row(5, 'optimal', 4e-7),
    ]);
    expect(summary.get('Failed')).toBe(1);
    expect(summary.get('No possible award (status "infeasible")')).toBe(1);
    // Row 3 was cut short: not proven unbuyable, so said apart (review of explore21).
    expect(
      summary.get(
        'Leave hours unbought (cannot be bought as specified as they stand; 1 of them not proven, stopped at the time limit)',
      ),
    ).toBe(2);
    expect(summary.get('Stopped at the time limit (not proven best)')).toBe(1);
  });

  test("its money columns are in the bases' currency, and in none when they price in more than one", async () => {
    // Until 2026-12-02 batch.xlsx showed £ for a base that prices in euros.
    const formatOf = async (currency: string | null) => {
      const wb = new ExcelJS.Workbook();
      const rows = [row(0, 'optimal', 0), { ...row(1, 'optimal', 0), base: 'other' }];
      const currencies = new Map([
        ['county', currency ?? 'EUR'],
        ['other', currency ?? 'GBP'],
      ]);
      await wb.xlsx.load((await batchWorkbook('grid', rows, 2, currencies)) as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('variants');
      const header = (sheet?.getRow(1).values ?? []) as unknown[];
      return sheet?.getColumn(header.indexOf('annual_cost')).numFmt;
    };
    expect(await formatOf('EUR')).toBe('€#,##0.00');
    expect(await formatOf('GBP')).toBe('£#,##0.00');
    expect(await formatOf('USD')).toBe('"US$"#,##0.00');
    expect(await formatOf(null)).toBe('#,##0.00');
  });

  // explore22: until then a batch over a base in euros and one in pounds put both in one money
  // column with no sign and nothing to tell them apart, so a pivot's sum added euros to pounds.
  test('a batch over bases in more than one currency says which currency each row is in, and that they do not add up', async () => {
    const rows = [row(0, 'optimal', 0), { ...row(1, 'optimal', 0), base: 'gb' }, row(2, 'optimal', 0)];
    const currencies = new Map([
      ['county', 'EUR'],
      ['gb', 'GBP'],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await batchWorkbook('grid', rows, 3, currencies)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('variants');
    const header = (sheet?.getRow(1).values ?? []) as unknown[];
    const at = header.indexOf('currency');
    expect(header[at - 1]).toBe('base');
    expect([2, 3, 4].map((r) => sheet?.getRow(r).getCell(at).value)).toEqual(['EUR', 'GBP', 'EUR']);
    const summary = new Map<string, unknown>();
    wb.getWorksheet('summary')?.eachRow((r) => summary.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(summary.get('Currencies')).toBe(
      "The bases price in more than one currency: EUR (county), GBP (gb). Each row's money is in its base's currency (the currency column of the variants sheet): compare or add up money only between rows of one currency",
    );
  });

  test('a batch whose bases price in one currency has no currency column', async () => {
    const wb = new ExcelJS.Workbook();
    const rows = [row(0, 'optimal', 0)];
    await wb.xlsx.load(
      (await batchWorkbook('grid', rows, 1, new Map([['county', 'EUR']]))) as unknown as ArrayBuffer,
    );
    expect(((wb.getWorksheet('variants')?.getRow(1).values ?? []) as unknown[]).includes('currency')).toBe(
      false,
    );
  });
});
