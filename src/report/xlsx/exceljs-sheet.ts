/**
 * A formatted table sheet through exceljs, for workbooks that need more than
 * tables (the scenario template's drop-down lists: io/scenario-workbook.ts).
 * The same look as sheet.ts's tables: bold frozen header, filter buttons,
 * widths that fit, number formats per column, text always as text.
 */
// The types of exceljs's prebuilt bundle, which the caller (io/scenario-workbook.ts) loads to make the workbook.
import type ExcelJS from 'exceljs/dist/exceljs.bare.min.js';
import { columnWidth, headerStyle, literal, numberFormat, type SheetTable, workbookDate } from './sheet.js';

export function addTableSheet(
  workbook: ExcelJS.Workbook,
  table: SheetTable,
  currency: string,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => {
    const numFmt = numberFormat(c.format, currency);
    return {
      header: c.header,
      width: columnWidth(c, table.rows, i),
      ...(numFmt === undefined ? {} : { style: { numFmt } }),
    };
  });
  for (const row of table.rows) sheet.addRow(row.map(literal));
  const header = sheet.getRow(1);
  header.font = { ...headerStyle.font };
  header.alignment = { ...headerStyle.alignment };
  header.eachCell((cell) => {
    cell.numFmt = 'General';
  });
  if (table.columns.length > 0)
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length },
    };
  return sheet;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  workbook.creator = 'zonal';
  workbook.created = workbookDate;
  workbook.modified = workbook.created;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
