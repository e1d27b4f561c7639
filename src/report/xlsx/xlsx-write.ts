/**
 * A workbook of formatted tables written straight to .xlsx: the SpreadsheetML
 * parts exceljs writes for the same tables (xlsx-sheet-xml.ts, xlsx-styles.ts),
 * zipped by zip.ts. zonal's solve, score, compare and batch workbooks are
 * a few plain tables; loading exceljs to write them cost `zonal solve` more
 * CPU than anything else in its report thread (docs/performance.md), while
 * these parts take a few milliseconds. exceljs still reads workbooks and
 * writes the scenario template (its drop-down lists).
 */
import theme from 'exceljs/lib/xlsx/xml/theme1.js';
import { type SheetModel, sharedStrings, sheetXml } from './xlsx-sheet-xml.js';
import { styleBook } from './xlsx-styles.js';
import { xmlText } from './xlsx-xml.js';
import { zipTexts } from './zip.js';

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const officeRel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const sheetType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

function contentTypes(sheets: number): string {
  const overrides = Array.from(
    { length: sheets },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${sheetType}"/>`,
  ).join('');
  return `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;
}

const packageRels = `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${officeRel}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${officeRel}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

function workbookRels(sheets: number): string {
  const rel = (id: number, type: string, target: string) =>
    `<Relationship Id="rId${id}" Type="${officeRel}/${type}" Target="${target}"/>`;
  const sheetRels = Array.from({ length: sheets }, (_, i) =>
    rel(i + 4, 'worksheet', `worksheets/sheet${i + 1}.xml`),
  );
  return `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel(1, 'styles', 'styles.xml')}${rel(2, 'theme', 'theme/theme1.xml')}${rel(3, 'sharedStrings', 'sharedStrings.xml')}${sheetRels.join('')}</Relationships>`;
}

function workbookXml(names: readonly string[]): string {
  const sheets = names.map(
    (name, i) => `<sheet sheetId="${i + 1}" name="${xmlText(name)}" state="visible" r:id="rId${i + 4}"/>`,
  );
  return `${xmlHead}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${officeRel}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/><sheets>${sheets.join('')}</sheets><calcPr calcId="171027"/></workbook>`;
}

function appXml(names: readonly string[]): string {
  const titles = names.map((n) => `<vt:lpstr>${xmlText(n)}</vt:lpstr>`).join('');
  return `${xmlHead}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts><Company></Company><Manager></Manager><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`;
}

function coreXml(creator: string, date: Date): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${xmlHead}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${xmlText(creator)}</dc:creator><dc:title></dc:title><dc:subject></dc:subject><dc:description></dc:description><cp:keywords></cp:keywords><cp:category></cp:category><cp:lastModifiedBy>Unknown</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

/** Every part of the workbook by its path in the zip, in the order exceljs writes them. */
function workbookParts(sheets: readonly SheetModel[], creator: string, date: Date): Map<string, string> {
  const styles = styleBook();
  const strings = sharedStrings();
  const sheetParts = sheets.map(
    (sheet, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet, styles, strings)] as const,
  );
  const names = sheets.map((s) => s.name);
  return new Map([
    ['[Content_Types].xml', contentTypes(sheets.length)],
    ['_rels/.rels', packageRels],
    ['xl/_rels/workbook.xml.rels', workbookRels(sheets.length)],
    ...sheetParts,
    ['xl/sharedStrings.xml', strings.xml()],
    ['xl/theme/theme1.xml', theme],
    ['xl/styles.xml', styles.xml()],
    ['docProps/app.xml', appXml(names)],
    ['docProps/core.xml', coreXml(creator, date)],
    ['xl/workbook.xml', workbookXml(names)],
  ]);
}

/** The .xlsx bytes; entries are stamped with `date`, so the same tables give the same bytes. */
export function writeWorkbook(sheets: readonly SheetModel[], creator: string, date: Date): Uint8Array {
  return zipTexts(workbookParts(sheets, creator, date), date);
}
