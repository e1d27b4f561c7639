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
  await wb.xlsx.load((await batchWorkbook('grid', rows, rows.length, 'GBP')) as unknown as ArrayBuffer);
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
      const rows = [row(0, 'optimal', 0)];
      await wb.xlsx.load((await batchWorkbook('grid', rows, 1, currency)) as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('variants');
      const header = (sheet?.getRow(1).values ?? []) as unknown[];
      return sheet?.getColumn(header.indexOf('annual_cost')).numFmt;
    };
    expect(await formatOf('EUR')).toBe('€#,##0.00');
    expect(await formatOf('GBP')).toBe('£#,##0.00');
    expect(await formatOf('USD')).toBe('"US$"#,##0.00');
    expect(await formatOf(null)).toBe('#,##0.00');
  });
});
