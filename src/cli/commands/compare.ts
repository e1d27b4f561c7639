/**
 * `zonal compare`: every zoning × standard option of a scenario, solved,
 * verified and ranked → comparison.csv, comparison.json and a printed table.
 */
import path from 'node:path';
import { compareOptions, type CompareOutcome } from '../../compare/compare.js';
import { comparisonReportInput } from '../../compare/comparison-report.js';
import { comparisonWorkbook } from '../../compare/comparison-workbook.js';
import { comparisonCsv, comparisonJson, formatComparison } from '../../compare/comparison-output.js';
import { writeOutputsAtomically } from '../../io/write-outputs.js';
import { renderComparisonReport } from '../../report/html/comparison.js';
import { backendByName, solverVersion } from '../backends.js';
import { CliExit, exitCodes } from '../exit.js';
import { nameListFlag, timeLimitFlag } from '../flags.js';
import { writeOut, standardOut } from '../terminal.js';
import { loadScenario } from '../load.js';
import { version } from '../version.js';
import { progressBar } from './batch.js';

/** An example of --options, for the message when none is named. */
export const optionsExample = 'sole,lead-80-20';

export interface CompareFlags {
  readonly out: string;
  readonly zonings?: string;
  readonly options?: string;
  readonly timeLimit: string;
  readonly solver: string;
  readonly format: string;
}

/** The files compare writes. */
export async function comparisonFiles(
  outcome: CompareOutcome,
  currency: string,
): Promise<Map<string, string | Uint8Array>> {
  return new Map<string, string | Uint8Array>([
    ['comparison.csv', comparisonCsv(outcome.comparison)],
    ['comparison.xlsx', await comparisonWorkbook(outcome.comparison, currency)],
    ['comparison.json', comparisonJson(outcome.comparison)],
    ['report.html', renderComparisonReport(comparisonReportInput(outcome, currency))],
  ]);
}

export async function compareCommand(dir: string, flags: CompareFlags): Promise<void> {
  const timeLimit = timeLimitFlag(flags.timeLimit);
  if (flags.format !== 'text' && flags.format !== 'json')
    throw new CliExit(exitCodes.badInput, `--format ${flags.format}: choose text or json`);
  const backend = backendByName(flags.solver);
  const zonings =
    flags.zonings === undefined ? [] : nameListFlag('--zonings', flags.zonings, 'districts,twelve');
  const options = flags.options === undefined ? [] : nameListFlag('--options', flags.options, optionsExample);
  const { scenario, inputHash, warnings } = await loadScenario(dir);
  const bar = progressBar('solving options');
  const outcome = await compareOptions(scenario, {
    ...(flags.zonings === undefined ? {} : { zonings }),
    ...(flags.options === undefined ? {} : { options }),
    run: {
      backend,
      solverVersion: solverVersion(flags.solver),
      timeLimit,
      inputHash,
      version,
      inputWarnings: warnings,
    },
    onSolved: (done, total) => bar.update(done, total),
  });
  bar.stop();
  if (typeof outcome === 'string') throw new CliExit(exitCodes.badInput, `${outcome}. Nothing was written.`);
  const files = await comparisonFiles(outcome, scenario.currency);
  await writeOutputsAtomically(flags.out, files, undefined, [], 'compare');
  if (flags.format === 'json') standardOut().write(String(files.get('comparison.json') ?? ''));
  else
    writeOut(
      `${formatComparison(outcome.comparison, scenario.currency)}\nWritten: ${[...files.keys()].map((f) => path.join(flags.out, f)).join(', ')}\n`,
    );
}
