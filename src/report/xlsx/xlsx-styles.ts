/**
 * The cell styles of a written workbook and its styles.xml. Styles, fonts and
 * number formats are numbered in the order they are first used, as exceljs
 * numbers them, so a workbook written here holds the same parts exceljs
 * wrote (xlsx-write.ts; test/report/xlsx-write.test.ts compares them).
 */
import { interning, xmlText } from './xlsx-xml.js';

/** A font different from the workbook's default: bold, optionally larger. */
interface CellFont {
  readonly bold: true;
  readonly size?: number;
}

interface CellAlignment {
  readonly horizontal?: 'left';
  readonly vertical?: 'middle';
  readonly wrapText?: boolean;
}

export interface CellStyle {
  /** An Excel number format; none (or 'General') is General. */
  readonly numFmt?: string;
  readonly font?: CellFont;
  readonly alignment?: CellAlignment;
}

/** Excel's built-in number formats that zonal's formats can name (others are numbered from 164). */
const builtInFormats: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

const defaultFont =
  '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>';

const fontXml = (f: CellFont) => `<font><b/>${f.size === undefined ? '' : `<sz val="${f.size}"/>`}</font>`;

function alignmentXml(a: CellAlignment): string {
  const attributes = [
    a.horizontal === undefined ? '' : ` horizontal="${a.horizontal}"`,
    a.vertical === undefined ? '' : ` vertical="${a.vertical === 'middle' ? 'center' : a.vertical}"`,
    a.wrapText === true ? ' wrapText="1"' : '',
  ].join('');
  return attributes === '' ? '' : `<alignment${attributes}/>`;
}

/** Interns the cell styles of one workbook: `id(style)` is the cell's `s` attribute. */
export interface StyleBook {
  id(style: CellStyle): number;
  xml(): string;
}

export function styleBook(): StyleBook {
  const fonts = interning([defaultFont]);
  const xfs = interning(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  const customFormats = new Map<string, number>();
  const formatId = (code: string): number => {
    const builtIn = builtInFormats[code];
    if (builtIn !== undefined) return builtIn;
    let id = customFormats.get(code);
    if (id === undefined) {
      id = 164 + customFormats.size;
      customFormats.set(code, id);
    }
    return id;
  };
  // A table's cells share their column's style object: its id is worked out once (a batch's 500 rows are 20,000 cells).
  const known = new WeakMap<CellStyle, number>();
  const idOf = (style: CellStyle): number => {
    const numFmtId = style.numFmt === undefined ? 0 : formatId(style.numFmt);
    const fontId = style.font === undefined ? 0 : fonts.index(fontXml(style.font));
    const align = style.alignment === undefined ? null : alignmentXml(style.alignment);
    const applies = [
      numFmtId === 0 ? '' : ' applyNumberFormat="1"',
      fontId === 0 ? '' : ' applyFont="1"',
      align === null ? '' : ' applyAlignment="1"',
    ].join('');
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${applies}`;
    return xfs.index(align === null || align === '' ? `${head}/>` : `${head}>${align}</xf>`);
  };
  return {
    id(style) {
      let id = known.get(style);
      if (id === undefined) {
        id = idOf(style);
        known.set(style, id);
      }
      return id;
    },
    xml() {
      const formats = [...customFormats].map(
        ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`,
      );
      return [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">',
        formats.length === 0 ? '' : `<numFmts count="${formats.length}">${formats.join('')}</numFmts>`,
        `<fonts count="${fonts.all.length}" x14ac:knownFonts="1">${fonts.all.join('')}</fonts>`,
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
        `<cellXfs count="${xfs.all.length}">${xfs.all.join('')}</cellXfs>`,
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
        '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>',
      ].join('');
    },
  };
}
