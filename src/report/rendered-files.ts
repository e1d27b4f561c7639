/**
 * The two outputs of a solve that need large libraries: report.html (charts
 * through Observable Plot, maps) and result.xlsx (exceljs). Kept apart from
 * output-files.ts so that code which only writes JSON and CSV never loads them.
 */
import type { Result } from '../model/result.js';
import type { Scenario } from '../model/types.js';
import type { MapShapes } from './html/map-geometry.js';
import { renderSolveReport } from './html/solve-report.js';
import { resultWorkbook } from './xlsx/result-workbook.js';

export interface RenderedFiles {
  readonly reportHtml: string;
  readonly resultXlsx: Uint8Array;
}

/** `shapes`: the maps' shapes for the result's zoning, when drawn beforehand (render-worker.ts). */
export async function renderedFiles(
  result: Result,
  scenario: Scenario,
  shapes?: MapShapes,
): Promise<RenderedFiles> {
  return {
    reportHtml: renderSolveReport(result, scenario, shapes),
    resultXlsx: await resultWorkbook(result),
  };
}
