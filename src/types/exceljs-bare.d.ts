/** exceljs's prebuilt bundle (see src/report/xlsx/sheet.ts): the same API as the package's main entry. */
declare module 'exceljs/dist/exceljs.bare.min.js' {
  import ExcelJS from 'exceljs';
  export default ExcelJS;
}
