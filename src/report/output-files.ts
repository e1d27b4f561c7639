/**
 * Every file a solve writes, by name, as text (written together, atomically).
 * The result's own files (JSON, CSV) are made here; report.html and
 * result.xlsx come from rendered-files.ts, which `zonal solve` runs in a
 * worker thread (render-thread.ts) so their libraries load on another core,
 * on the award before its rule costs are re-solved: they are added here.
 */
import type { InfeasibleResult, Result } from '../model/result.js';
import { renderInfeasibleReport } from './html/infeasible-report.js';
import { withRuleCosts } from './html/rule-costs.js';
import type { RenderedFiles } from './rendered-files.js';
import { allocationsCsv, lotsCsv, providersCsv } from './result-csv.js';

/**
 * Every default output of a solved award, in the order they are listed: the result's files, then
 * the rendered ones. The result's own files are made before `rendered` is waited for, so that a
 * solve makes them while the report thread may still be drawing (about 10 ms of the main thread
 * on the bundled county, docs/performance.md, session 25).
 */
export async function outputFiles(
  result: Result,
  rendered: RenderedFiles | Promise<RenderedFiles>,
): Promise<Map<string, string | Uint8Array>> {
  const own: [string, string][] = [
    ['result.json', `${JSON.stringify(result, null, 2)}\n`],
    ['allocations.csv', allocationsCsv(result)],
    ['lots.csv', lotsCsv(result)],
    ['providers.csv', providersCsv(result)],
  ];
  const { reportHtml, resultXlsx } = await rendered;
  return new Map<string, string | Uint8Array>([
    ...own,
    ['report.html', withRuleCosts(reportHtml, result)],
    ['result.xlsx', resultXlsx],
  ]);
}

/** Every file a solve may write: an infeasible run removes the ones it has no answer for. */
export const solveFileNames = [
  'result.json',
  'allocations.csv',
  'lots.csv',
  'providers.csv',
  'report.html',
  'result.xlsx',
  'demand-samples.json',
] as const;

/** When no award is possible: result.json with the diagnosis, and report.html saying why. No allocation files. */
export function infeasibleFiles(result: InfeasibleResult): Map<string, string> {
  return new Map([
    ['result.json', `${JSON.stringify(result, null, 2)}\n`],
    ['report.html', renderInfeasibleReport(result)],
  ]);
}
