/**
 * The two outputs of a solve that need large libraries: report.html (charts
 * through Observable Plot, maps) and result.xlsx (exceljs). Kept apart from
 * output-files.ts so that code which only writes JSON and CSV never loads them.
 */
import type { Result } from '../model/result.js';
import type { Scenario } from '../model/types.js';
import { renderSolveReport } from './html/solve-report.js';
import { resultWorkbook } from './xlsx/result-workbook.js';

export interface RenderedFiles {
  readonly reportHtml: string;
  readonly resultXlsx: Uint8Array;
}

export async function renderedFiles(result: Result, scenario: Scenario): Promise<RenderedFiles> {
  return { reportHtml: renderSolveReport(result, scenario), resultXlsx: await resultWorkbook(result) };
}
