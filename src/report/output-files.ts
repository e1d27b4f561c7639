/**
 * Every file a solve writes, by name, as text (written together, atomically).
 */
import type { InfeasibleResult, Result } from '../model/result.js';
import { renderInfeasibleReport } from './html/infeasible-report.js';
import type { Lot, Scenario } from '../model/types.js';
import { renderSolveReport } from './html/solve-report.js';
import { allocationsCsv, lotsCsv, providersCsv } from './result-csv.js';
import { resultWorkbook } from './xlsx/result-workbook.js';

export async function outputFiles(
  result: Result,
  scenario: Scenario,
  _lots: readonly Lot[],
): Promise<Map<string, string | Uint8Array>> {
  return new Map<string, string | Uint8Array>([
    ['result.json', `${JSON.stringify(result, null, 2)}\n`],
    ['allocations.csv', await allocationsCsv(result)],
    ['lots.csv', await lotsCsv(result)],
    ['providers.csv', await providersCsv(result)],
    ['report.html', renderSolveReport(result, scenario)],
    ['result.xlsx', await resultWorkbook(result)],
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
