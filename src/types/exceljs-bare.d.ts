/** exceljs's prebuilt bundle (see src/report/xlsx/sheet.ts): the same API as the package's main entry. */
declare module 'exceljs/dist/exceljs.bare.min.js' {
  import ExcelJS from 'exceljs';
  export default ExcelJS;
}

/** The theme part exceljs writes into every workbook; xlsx-write.ts writes the same one. */
declare module 'exceljs/lib/xlsx/xml/theme1.js' {
  const theme: string;
  export default theme;
}
