/**
 * `zonal solve`: scenario → verified award → result files and a summary.
 */
import path from 'node:path';
import { objectives, type Objective, type Scenario } from '../../model/types.js';
import { describeFailure, programFor, runScenario, type RunOutcome } from '../../pipeline.js';
import { firstNonFinite } from '../../report/finite.js';
import { infeasibleFiles, outputFiles, solveFileNames } from '../../report/output-files.js';
import { RenderError, type RenderThread } from '../../report/render-thread.js';
import type { RenderedFiles } from '../../report/rendered-files.js';
import type { InfeasibleResult, Result } from '../../model/result.js';
import { formatDiagnosis, formatSummary } from '../../report/summary.js';
import { writeFileAtomically, writeOutputsAtomically } from '../../io/write-outputs.js';
import { toLpText } from '../../solve/lp-format.js';
import { formatSampling, sampleAward, type SampleOptions } from '../../compare/demand-samples.js';
import { awardAsCurrent, baselineCsv, type BaselineRow } from '../../report/baseline-csv.js';
import type { SolverBackend } from '../../solve/program.js';
import { solverVersion } from '../backends.js';
import { CliExit, exitCodes } from '../exit.js';
import { seedFlag, timeLimitFlag, wholeNumberFlag } from '../flags.js';
import type { Written } from '../file-flags.js';
import { writeOut, standardOut } from '../terminal.js';
import { loadScenario } from '../load.js';
import { version } from '../version.js';
import type { SolveStart } from './solve-start.js';

export interface SolveFlags {
  readonly out: string;
  readonly zoning?: string;
  readonly objective?: string;
  readonly format: string;
  readonly timeLimit: string;
  readonly solver: string;
  readonly exportLp?: string;
  readonly samples?: string;
  readonly seed?: string;
  readonly baselineOut?: string;
}

interface SolveSettings {
  objective?: Objective;
  timeLimit: number;
  format: 'text' | 'json';
}

/** A solve's flags, checked before any work starts. */
interface SolveRun {
  readonly dir: string;
  readonly flags: SolveFlags;
  readonly settings: SolveSettings;
  readonly sampling: SampleOptions | null;
  readonly backend: SolverBackend;
}

/** Every file a solve may write, the --out folder's first: checked once, before any work (file-flags.ts). */
const solveWrites = (flags: SolveFlags): Written[] => [
  ...solveFileNames.map((name) => ({
    flag: '--out',
    given: flags.out,
    names: 'folder' as const,
    file: path.join(flags.out, name),
  })),
  ...(flags.exportLp === undefined
    ? []
    : [{ flag: '--export-lp', given: flags.exportLp, names: 'file' as const, file: flags.exportLp }]),
  ...(flags.baselineOut === undefined
    ? []
    : [
        { flag: '--baseline-out', given: flags.baselineOut, names: 'file' as const, file: flags.baselineOut },
      ]),
];

function parseFlags(flags: SolveFlags): SolveSettings {
  const objective = objectives.find((o) => o === flags.objective);
  if (flags.objective !== undefined && objective === undefined)
    throw new CliExit(exitCodes.badInput, `--objective ${flags.objective}: choose ${objectives.join(', ')}`);
  if (flags.format !== 'text' && flags.format !== 'json')
    throw new CliExit(exitCodes.badInput, `--format ${flags.format}: choose text or json`);
  const timeLimit = timeLimitFlag(flags.timeLimit);
  return {
    ...(objective === undefined ? {} : { objective }),
    timeLimit,
    format: flags.format,
  };
}

/** --samples N --seed S: demand uncertainty for the award (null when not asked for). */
function parseSampleFlags(flags: SolveFlags): SampleOptions | null {
  // Checked even without --samples: a seed that could never be used is a mistake to tell now, not when --samples is added.
  const seed = seedFlag(flags.seed ?? '1', -(2 ** 31));
  if (flags.samples === undefined) return null;
  return { samples: wholeNumberFlag('--samples', flags.samples, 1, 100000), seed };
}

/** `lp`: the --export-lp file, written before the solve (the model of a failed run is worth having). */
function failOn(
  outcome: RunOutcome,
  lp: string | undefined,
): Extract<RunOutcome, { kind: 'ok' | 'infeasible' }> {
  if (outcome.kind === 'ok' || outcome.kind === 'infeasible') return outcome;
  if (outcome.kind === 'bad-settings') throw new CliExit(exitCodes.badInput, outcome.message);
  const advice = outcome.kind === 'bug' ? ' Please report this with the scenario.' : '';
  const written = lp === undefined ? 'Nothing was written.' : `Only the model was written, to ${lp}.`;
  throw new CliExit(exitCodes.failure, `zonal solve: ${describeFailure(outcome, 20)}. ${written}${advice}`);
}

/** `started` (solve-start.ts) is closed here whatever happens, bad flags included. */
export async function solveCommand(dir: string, flags: SolveFlags, started: SolveStart): Promise<void> {
  try {
    const run: SolveRun = {
      dir,
      flags,
      settings: parseFlags(flags),
      sampling: parseSampleFlags(flags),
      backend: started.backend,
    };
    await solveWith(run, started.renderer);
  } finally {
    await started.renderer.close();
  }
}

async function solveWith(run: SolveRun, renderer: RenderThread): Promise<void> {
  const { dir, flags, settings, sampling, backend } = run;
  const { scenario, inputHash, warnings } = await loadScenario(dir, { writes: solveWrites(flags) });
  renderer.prepare(scenario, flags.zoning ?? scenario.zoning);
  const zoning = flags.zoning === undefined ? {} : { zoning: flags.zoning };
  if (flags.exportLp !== undefined) {
    const built = programFor(scenario, { ...zoning, ...settings });
    if (typeof built === 'string') throw new CliExit(exitCodes.badInput, built);
    await writeFileAtomically(flags.exportLp, toLpText(built.program));
  }
  // The report thread renders the verified award while the rule costs are re-solved; outputFiles adds them to its page.
  const renders: Promise<RenderedFiles>[] = [];
  const outcome = failOn(
    await runScenario(scenario, {
      ...zoning,
      ...settings,
      backend,
      solverVersion: solverVersion(flags.solver),
      inputHash,
      version,
      inputWarnings: warnings,
      ruleCosts: true,
      onVerified: (award) => renders.push(rendering(renderer, award, scenario)),
    }),
    flags.exportLp,
  );
  if (outcome.kind === 'infeasible') return writeInfeasible(outcome.result, flags, settings.format);
  const notFinite = firstNonFinite(outcome.result);
  if (notFinite !== null)
    throw new CliExit(
      exitCodes.failure,
      `zonal solve: the result holds a number zonal cannot write (${notFinite}). Nothing was written. Please report this with the scenario.`,
    );
  const files = await outputFiles(
    outcome.result,
    renders[0] ?? rendering(renderer, outcome.result, scenario),
  );
  const samples = sampling === null ? null : sampleAward(scenario, outcome.lots, outcome.result, sampling);
  if (samples !== null) files.set('demand-samples.json', `${JSON.stringify(samples, null, 2)}\n`);
  await writeOutputsAtomically(flags.out, files, undefined, solveFileNames);
  if (flags.baselineOut !== undefined)
    await writeBaseline(flags.baselineOut, awardAsCurrent(outcome.result, scenario, outcome.lots));
  if (settings.format === 'json') standardOut().write(`${String(files.get('result.json') ?? '')}`);
  else
    writeOut(
      formatSummary(outcome.result, [
        ...[...files.keys()].map((f) => path.join(flags.out, f)),
        ...(flags.exportLp === undefined ? [] : [flags.exportLp]),
        ...(flags.baselineOut === undefined ? [] : [flags.baselineOut]),
      ]) + (samples === null ? '' : `\n${formatSampling(samples)}`),
    );
}

/**
 * report.html and result.xlsx from the report thread; its failure stops the run before anything
 * is written. Started before it is awaited: a failure meanwhile is held until then, not unhandled.
 */
function rendering(renderer: RenderThread, result: Result, scenario: Scenario): Promise<RenderedFiles> {
  const files = renderer.render(result, scenario).catch((e: unknown) => {
    if (!(e instanceof RenderError)) throw e;
    throw new CliExit(
      exitCodes.failure,
      `zonal solve: report.html and result.xlsx could not be made (${e.message}). Nothing was written. Please report this with the scenario.`,
    );
  });
  files.catch(() => undefined);
  return files;
}

/** --baseline-out FILE: the award as a current.csv for next year (written atomically, like every output). */
async function writeBaseline(file: string, rows: readonly BaselineRow[]): Promise<void> {
  await writeFileAtomically(file, baselineCsv(rows));
}

/** No award is possible: write result.json and report.html with the diagnosis, print it, exit 3. */
async function writeInfeasible(
  result: InfeasibleResult,
  flags: Pick<SolveFlags, 'out' | 'exportLp'>,
  format: 'text' | 'json',
): Promise<never> {
  const files = infeasibleFiles(result);
  await writeOutputsAtomically(flags.out, files, undefined, solveFileNames);
  writeOut(
    format === 'json'
      ? (files.get('result.json') ?? '')
      : formatDiagnosis(result, [
          ...[...files.keys()].map((f) => path.join(flags.out, f)),
          ...(flags.exportLp === undefined ? [] : [flags.exportLp]),
        ]),
  );
  throw new CliExit(
    exitCodes.infeasible,
    'No award is possible under these rules (exit code 3): result.json and report.html say which rules to relax.',
  );
}
