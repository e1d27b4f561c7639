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

/** Every default output of a solved award, in the order they are listed: the result's files, then the rendered ones. */
export function outputFiles(result: Result, rendered: RenderedFiles): Map<string, string | Uint8Array> {
  return new Map<string, string | Uint8Array>([
    ['result.json', `${JSON.stringify(result, null, 2)}\n`],
    ['allocations.csv', allocationsCsv(result)],
    ['lots.csv', lotsCsv(result)],
    ['providers.csv', providersCsv(result)],
    ['report.html', withRuleCosts(rendered.reportHtml, result)],
    ['result.xlsx', rendered.resultXlsx],
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
