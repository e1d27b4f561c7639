/**
 * zonal writes its table workbooks itself (src/report/xlsx/xlsx-write.ts)
 * instead of through exceljs. These tests hold it to what exceljs wrote for
 * the same tables: every part of the package (sheets, shared strings,
 * styles, workbook, properties, theme) the same text, for the county's
 * result workbook and for random tables with awkward values; and the file
 * reads back in exceljs with the same cells, formats, fonts, views and filters.
 */
import ExcelJS from 'exceljs';
import * as fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readScenario } from '../../src/io/read-scenario.js';
import { addTableSheet, workbookBytes } from '../../src/report/xlsx/exceljs-sheet.js';
import { resultWorkbook, resultWorkbookContent } from '../../src/report/xlsx/result-workbook.js';
import {
  type ColumnFormat,
  literal,
  numberFormat,
  type SheetTable,
  type SummaryLine,
  tablesWorkbook,
} from '../../src/report/xlsx/sheet.js';
import { solved } from '../helpers/run.js';

/** The summary sheet as sheet.ts wrote it through exceljs before xlsx-write.ts. */
function exceljsSummary(
  workbook: ExcelJS.Workbook,
  title: string,
  lines: readonly SummaryLine[],
  currency = 'GBP',
): void {
  const sheet = workbook.addWorksheet('summary');
  sheet.columns = [{ width: 34 }, { width: 60 }];
  const top = sheet.addRow([title]);
  top.font = { bold: true, size: 14 };
  sheet.addRow([]);
  for (const line of lines) {
    const row = sheet.addRow([line.label, literal(line.value)]);
    row.getCell(1).font = { bold: true };
    const fmt = line.format === undefined ? undefined : numberFormat(line.format, currency);
    if (fmt !== undefined && typeof line.value === 'number') row.getCell(2).numFmt = fmt;
    row.getCell(2).alignment = {
      horizontal: 'left',
      wrapText: typeof line.value === 'string' && line.value.length > 60,
    };
  }
}

async function exceljsWorkbook(
  title: string,
  summary: readonly SummaryLine[],
  tables: readonly SheetTable[],
  currency = 'GBP',
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  exceljsSummary(workbook, title, summary, currency);
  for (const table of tables) addTableSheet(workbook as never, table, currency);
  return workbookBytes(workbook as never);
}

/** Every file in the zip as text, by path (exceljs also lists its folders; they hold nothing). */
function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => !name.endsWith('/'))
      .map(([name, data]) => [name, strFromU8(data)]),
  );
}

/** What a reader sees: every cell's value and style, each sheet's views, filter and widths. */
async function cells(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: string[] = [`${wb.creator} ${wb.created?.toISOString()} ${wb.modified?.toISOString()}`];
  wb.eachSheet((ws) => {
    out.push(
      `${ws.name} ${JSON.stringify(ws.views)} ${JSON.stringify(ws.autoFilter)} ${JSON.stringify(ws.columns?.map((c) => [c.width, c.numFmt]))}`,
    );
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (c, k) =>
        out.push(
          `${r}:${k} ${JSON.stringify(c.value)} ${c.type} ${c.numFmt} ${JSON.stringify(c.font)} ${JSON.stringify(c.alignment)}`,
        ),
      ),
    );
  });
  return out;
}

async function expectSameAsExceljs(
  title: string,
  summary: readonly SummaryLine[],
  tables: readonly SheetTable[],
  currency = 'GBP',
): Promise<void> {
  const mine = await tablesWorkbook(title, summary, tables, currency);
  const theirs = await exceljsWorkbook(title, summary, tables, currency);
  expect(parts(mine)).toEqual(parts(theirs));
  expect(await cells(mine)).toEqual(await cells(theirs));
}

describe('workbooks written without exceljs', () => {
  test("the county's result.xlsx: every part as exceljs wrote it", async () => {
    const read = await readScenario(path.join('scenarios', 'hertfordshire'));
    if (read.scenario === null) throw new Error('scenarios/hertfordshire did not load');
    const result = await solved(read.scenario);
    const mine = parts(await resultWorkbook(result));
    const { title, summary, tables, currency } = resultWorkbookContent(result);
    expect(tables.map((t) => t.name)).toEqual([
      'allocations',
      'lots',
      'providers',
      'payment',
      'flags',
      'warnings',
    ]);
    expect(Object.keys(mine)).toContain('xl/worksheets/sheet6.xml');
    expect(mine).toEqual(parts(await exceljsWorkbook(title, summary, tables, currency)));
  });

  test("columns of Excel's default width (9) and no format are left out of <cols>, as exceljs leaves them", async () => {
    const table: SheetTable = {
      name: 'variants',
      // Widths 9, 9 (text), 19, 9, 9: the general columns of width 9 are left out.
      columns: (['general', 'text', 'general', 'general', 'general'] as const).map((format, i) => ({
        header: i === 2 ? 'xyz' : 'abcdefg',
        format,
      })),
      rows: [['a', 'b', 'a long value here', null, 1]],
    };
    const sheet = parts(await tablesWorkbook('T', [], [table], 'GBP'))['xl/worksheets/sheet2.xml'];
    expect(sheet).toContain('<cols><col min="2" max="2" width="9" style=');
    await expectSameAsExceljs('T', [], [table]);
  });

  test('is the same file from run to run (fixed dates, also inside the zip)', async () => {
    const table: SheetTable = { name: 't', columns: [{ header: 'a', format: 'text' }], rows: [['x']] };
    const a = await tablesWorkbook('T', [], [table], 'GBP');
    const b = await tablesWorkbook('T', [], [table], 'GBP');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  const formats: ColumnFormat[] = [
    'general',
    'text',
    'integer',
    'decimal',
    'hours',
    'currency',
    'percent',
    'score',
    'coordinate',
  ];
  const awkwardText = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('', ' lead', 'trail ', 'two\nlines', 'a&b<c>"d"\'e', '=HYPERLINK("x")', 'tab\there'),
    fc.constantFrom('\u0001bell\u0007', 'del\u007f', 'é £ € 漢字 😀', '_x0041_', 'x'.repeat(70)),
  );
  const cell = fc.oneof(
    awkwardText,
    fc.double(),
    fc.integer(),
    fc.constantFrom(0, -0, 1e21, 1e-7, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY),
    fc.boolean(),
    fc.constant(null),
  );
  const table = fc
    .record({
      name: fc.constantFrom('allocations', 'lots', 'variants', 'flags'),
      columns: fc.array(
        fc.record({
          // Seven characters give Excel's default width, which exceljs leaves out of <cols> for a general column.
          header: fc.oneof(fc.string({ minLength: 1, maxLength: 10 }), fc.constant('seven77')),
          format: fc.constantFrom(...formats),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      rowCount: fc.nat(6),
      cells: fc.array(cell, { minLength: 36, maxLength: 36 }),
    })
    .map(({ name, columns, rowCount, cells }) => ({
      name,
      columns,
      rows: Array.from({ length: rowCount }, (_, r) => columns.map((_, c) => cells[r * 6 + c] ?? null)),
    }));
  const line = fc.record(
    { label: fc.string({ maxLength: 10 }), value: cell, format: fc.constantFrom(...formats) },
    { requiredKeys: ['label', 'value'] },
  );

  test('random tables and summaries: every part the same text as exceljs wrote, and the same cells read back', async () => {
    let ran = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.array(line, { maxLength: 5 }),
        fc.array(table, { maxLength: 3 }),
        fc.constantFrom('GBP', 'EUR', 'USD'),
        async (title, summary, tables, currency) => {
          // exceljs needs distinct sheet names; zonal's workbooks always have them.
          const named = tables.map((t, i) => ({ ...t, name: `${t.name}${i}` }));
          await expectSameAsExceljs(title, summary, named, currency);
          ran++;
        },
      ),
      { numRuns: 60, seed: 16 },
    );
    expect(ran).toBe(60);
  });
});
