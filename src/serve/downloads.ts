/**
 * What the workbench offers to download for the current award. The report
 * is the same report.html `zonal solve` writes. The result workbook
 * (result.xlsx) comes from the spreadsheet work (issue 11): plug its writer
 * into `resultWorkbook` and set `resultWorkbookReady`; until then the
 * workbench answers 501 and the page's button says why it is off.
 */
import type { Result } from '../model/result.js';
import type { Scenario } from '../model/types.js';

export async function reportHtml(result: Result, scenario: Scenario): Promise<string> {
  // The report's chart library takes half a second to load: only when asked.
  const { renderSolveReport } = await import('../report/html/solve-report.js');
  return renderSolveReport(result, scenario);
}

/** Hook for the result workbook writer (issue 11). */
export const resultWorkbookReady = false;

export async function resultWorkbook(_result: Result, _scenario: Scenario): Promise<Uint8Array | null> {
  return null;
}
