/**
 * One worksheet's XML and the workbook's shared strings, as exceljs wrote
 * them for zonal's tables (xlsx-write.ts): columns of equal width and style
 * merged into one <col>, empty cells kept only when they carry a style,
 * text in the shared-strings table in the order it is first met.
 */
import type { SheetCell } from './sheet.js';
import type { CellStyle, StyleBook } from './xlsx-styles.js';
import { cellRef, interning, xmlText } from './xlsx-xml.js';

interface CellModel {
  readonly value: SheetCell;
  readonly style: CellStyle;
}

/** A row's cells from column A on; a row with no cells is left out of the sheet. */
export interface RowModel {
  readonly cells: readonly CellModel[];
  /** The whole row's style (exceljs's `row.font = …`). */
  readonly style?: CellStyle;
}

interface ColumnModel {
  readonly width: number;
  readonly style: CellStyle;
}

export interface SheetModel {
  readonly name: string;
  readonly columns: readonly ColumnModel[];
  /** Row 1 first. */
  readonly rows: readonly RowModel[];
  /** Keep row 1 in view when scrolling. */
  readonly frozenHeader: boolean;
  /** Filter buttons on row 1 over every row and column. */
  readonly filter: boolean;
}

/** The workbook's shared strings: a cell's text is its index here. */
export interface SharedStrings {
  index(text: string): number;
  xml(): string;
}

export function sharedStrings(): SharedStrings {
  const strings = interning();
  let count = 0;
  return {
    index(text) {
      count++;
      return strings.index(text);
    },
    xml() {
      const items = strings.all.map(
        (t) => `<si><t${/^\s|\n|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${xmlText(t)}</t></si>`,
      );
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${strings.all.length}">${items.join('')}</sst>`;
    },
  };
}

const styleKey = (s: CellStyle) => JSON.stringify([s.numFmt, s.font, s.alignment]);

/** Excel's own column width: a column of this width and no style is left out of <cols>, as exceljs leaves it. */
const defaultWidth = 9;
const isDefault = (c: ColumnModel) =>
  c.width === defaultWidth &&
  c.style.numFmt === undefined &&
  c.style.font === undefined &&
  c.style.alignment === undefined;

/** Neighbouring columns of the same width and style, as one <col> each. */
function colsXml(columns: readonly ColumnModel[], styles: StyleBook): string {
  const groups: { min: number; max: number; column: ColumnModel }[] = [];
  let open = false;
  columns.forEach((column, i) => {
    const last = groups.at(-1);
    if (isDefault(column)) open = false;
    else if (
      open &&
      last !== undefined &&
      last.column.width === column.width &&
      styleKey(last.column.style) === styleKey(column.style)
    )
      last.max = i + 1;
    else {
      groups.push({ min: i + 1, max: i + 1, column });
      open = true;
    }
  });
  const cols = groups.map(({ min, max, column }) => {
    const id = styles.id(column.style);
    return `<col min="${min}" max="${max}" width="${column.width}"${id === 0 ? '' : ` style="${id}"`} customWidth="1"/>`;
  });
  return cols.length === 0 ? '' : `<cols>${cols.join('')}</cols>`;
}

function cellXml(ref: string, cell: CellModel, styles: StyleBook, strings: SharedStrings): string {
  const id = styles.id(cell.style);
  const s = id === 0 ? '' : ` s="${id}"`;
  const v = cell.value;
  if (v === null) return id === 0 ? '' : `<c r="${ref}"${s}/>`;
  if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="s"><v>${strings.index(v)}</v></c>`;
}

interface SheetData {
  readonly xml: string;
  /** The last row with cells and the widest row's cell count (for <dimension>; exceljs counts empty cells too). */
  readonly lastRow: number;
  readonly lastColumn: number;
}

function sheetData(rows: readonly RowModel[], styles: StyleBook, strings: SharedStrings): SheetData {
  let lastRow = 0;
  let lastColumn = 0;
  const xml = rows.map((row, i) => {
    if (row.cells.length === 0) return '';
    const r = i + 1;
    lastRow = r;
    lastColumn = Math.max(lastColumn, row.cells.length);
    const rowStyle = row.style === undefined ? 0 : styles.id(row.style);
    const cells = row.cells.map((cell, c) => cellXml(cellRef(r, c + 1), cell, styles, strings)).join('');
    const styled = rowStyle === 0 ? '' : ` s="${rowStyle}" customFormat="1"`;
    const open = `<row r="${r}" spans="1:${row.cells.length}"${styled} x14ac:dyDescent="0.25"`;
    return cells === '' ? `${open}/>` : `${open}>${cells}</row>`;
  });
  return { xml: xml.join(''), lastRow, lastColumn };
}

const frozenHeaderXml =
  '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>';

export function sheetXml(sheet: SheetModel, styles: StyleBook, strings: SharedStrings): string {
  const cols = colsXml(sheet.columns, styles);
  const data = sheetData(sheet.rows, styles, strings);
  const filter =
    sheet.filter && sheet.columns.length > 0
      ? `<autoFilter ref="A1:${cellRef(Math.max(1, sheet.rows.length), sheet.columns.length)}"/>`
      : '';
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">',
    data.lastRow === 0 ? '' : `<dimension ref="A1:${cellRef(data.lastRow, data.lastColumn)}"/>`,
    sheet.frozenHeader ? frozenHeaderXml : '',
    '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>',
    cols,
    `<sheetData>${data.xml}</sheetData>`,
    filter,
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="1"/></worksheet>',
  ].join('');
}
