/**
 * `zonal zones`: propose zone maps for a scenario, print them beside the
 * scenario's own, compare their awards, and write the zone files.
 *
 *   1. flags → a design request (bad flags: exit 2)
 *   2. the problem (src/zones/build-problem.ts) and the proposals (design.ts);
 *      an impossible request or nothing found: exit 2, nothing written
 *   3. print a table per proposal and one line per zoning
 *   4. compare the proposals with the scenario's zonings (src/compare), and
 *      draw the first proposal's award (report-<name>.html: its map shows the zones)
 *   5. write zones-<name>.csv to --out, and with --write into the scenario
 */
import { standardErr, standardOut } from '../terminal.js';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { compareOptions, planComparison } from '../../compare/compare.js';
import { formatComparison } from '../../compare/comparison-output.js';
import { addZonings } from '../../io/add-zonings.js';
import { isWorkbookPath } from '../../io/workbook-path.js';
import { writeOutputsAtomically, type FileContent } from '../../io/write-outputs.js';
import { runScenario } from '../../pipeline.js';
import { renderSolveReport } from '../../report/html/solve-report.js';
import type { Scenario } from '../../model/types.js';
import { buildProblem, type BuiltProblem, type DesignRequest } from '../../zones/build-problem.js';
import { assignmentOf, mapSummary, zoneRows } from '../../zones/describe.js';
import { defaultExactAreaLimit, designZones, type DesignMethod } from '../../zones/design.js';
import {
  badName,
  freeName,
  nameProposals,
  proposalName,
  withProposals,
  type NamedProposal,
  zoneFileOf,
} from '../../zones/named-proposals.js';
import { proposalText, summaryText } from '../../zones/zones-text.js';
import { backendByName } from '../backends.js';
import { CliExit, exitCodes } from '../exit.js';
import { checkWrites } from '../file-flags.js';
import { loadScenario } from '../load.js';
import { version } from '../version.js';
import { nameListFlag, plainNumber, seedFlag, timeLimitFlag } from '../flags.js';
import { comparisonFiles, optionsExample } from './compare.js';
import { counted } from '../../model/counted.js';
import { groupedNumber } from '../../model/grouped-number.js';
import { zoningFlagUnknown } from '../../diagnostics/messages.js';

export interface ZonesFlags {
  readonly count?: string;
  readonly minHours?: string;
  readonly maxHours?: string;
  readonly within?: string;
  readonly name?: string;
  readonly alternatives: string;
  readonly seed: string;
  readonly out?: string;
  readonly write?: boolean;
  readonly method: string;
  readonly timeLimit: string;
  readonly options: string;
  readonly compare: boolean;
}

const bad = (message: string) => new CliExit(exitCodes.badInput, message);

function wholeNumber(flag: string, text: string | undefined, least: number): number | null {
  if (text === undefined) return null;
  const n = plainNumber(text);
  if (n === null || !Number.isInteger(n) || n < least)
    throw bad(`${flag} ${text}: give a whole number of at least ${least}`);
  return n;
}

function hoursFlag(flag: string, text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = plainNumber(text);
  if (n === null || n < 0) throw bad(`${flag} ${text}: give hours a week, a number of at least 0`);
  return n;
}

function parseFlags(flags: ZonesFlags): {
  options: string[];
  request: DesignRequest;
  seed: number;
  alternatives: number;
  method: DesignMethod;
  timeLimit: number;
} {
  const method = flags.method;
  if (method !== 'auto' && method !== 'heuristic' && method !== 'exact')
    throw bad(`--method ${method}: choose auto, heuristic or exact`);
  const timeLimit = timeLimitFlag(flags.timeLimit);
  const alternatives = wholeNumber('--alternatives', flags.alternatives, 1) ?? 1;
  if (alternatives > 20) throw bad(`--alternatives ${flags.alternatives}: give at most 20`);
  const request: DesignRequest = {
    count: wholeNumber('--count', flags.count, 1),
    minHours: hoursFlag('--min-hours', flags.minHours),
    maxHours: hoursFlag('--max-hours', flags.maxHours),
    within: flags.within ?? null,
  };
  return {
    options: nameListFlag('--options', flags.options, optionsExample),
    request,
    seed: flags.seed === undefined ? 1 : seedFlag(flags.seed, 0),
    alternatives,
    method,
    timeLimit,
  };
}

/** The zoning name to use, after checking --within, the name and (with --write) that no file would be overwritten. */
async function checkTargets(
  dir: string,
  scenario: Scenario,
  flags: ZonesFlags,
  alternatives: number,
): Promise<string> {
  if (flags.within !== undefined && !scenario.zonings.has(flags.within))
    throw bad(zoningFlagUnknown('--within', flags.within, [...scenario.zonings.keys()]));
  const name = flags.name ?? freeName(scenario, alternatives);
  const nameProblem = badName(name, scenario, alternatives);
  if (nameProblem !== null) throw bad(nameProblem);
  if (flags.write !== true) return name;
  for (const file of zoneFiles(name, alternatives)) {
    const exists = await access(path.join(dir, file)).then(
      () => true,
      () => false,
    );
    if (exists)
      throw bad(
        `--write: ${path.join(dir, file)} already exists: choose another --name (zonal never overwrites a scenario's file)`,
      );
  }
  return name;
}

/** The zone files a design of `alternatives` maps named `name` writes. */
function zoneFiles(name: string, alternatives: number): string[] {
  return Array.from({ length: alternatives }, (_, k) => zoneFileOf(proposalName(name, k)));
}

function printDesign(built: BuiltProblem, scenario: Scenario, named: readonly NamedProposal[]): void {
  const p = built.problem;
  const h = (x: number) => groupedNumber(Math.round(x));
  const out: string[] = [
    `${scenario.name}: ${counted(p.areas.length, 'area')}, ${h(built.totalDemand)} h/week of ${built.careTypes.join(' + ')} care in period ${scenario.period} carried by zones.`,
    `Floor ${h(p.floor)} h/week (${built.floorSource}); ceiling ${h(p.ceiling)} h/week. Neighbours from ${built.graph.source === 'boundaries' ? 'shared boundary edges' : "the centroids' Delaunay links, long links dropped"}.${built.graph.note === null ? '' : ` (${built.graph.note})`}`,
    '',
  ];
  for (const n of named) out.push(proposalText(n.name, n.proposal, n.rows, p.floor), '');
  const own = [...scenario.zonings].map(([name, zoning]) => {
    const { assignment, zoneIds } = assignmentOf(p, zoning);
    return mapSummary(p, name, zoneRows(p, assignment, zoneIds));
  });
  out.push(summaryText([...named.map((n) => mapSummary(p, n.name, n.rows)), ...own], p.floor, p.ceiling), '');
  standardOut().write(`${out.join('\n')}\n`);
}

export async function zonesCommand(dir: string, flags: ZonesFlags): Promise<void> {
  const { options, request, seed, alternatives, method, timeLimit } = parseFlags(flags);
  // Checked before any work: the zone files were designed, compared and then failed to be added (ENOTDIR).
  if (flags.write === true && isWorkbookPath(dir))
    throw bad(
      `--write adds zone files to a scenario folder, and ${dir} is a workbook, which zonal never changes: ` +
        'use --out DIR instead, then copy each zones-<name>.csv into the workbook as a sheet of that name',
    );
  const backend = backendByName('highs');
  const { scenario, inputHash, warnings, inputs } = await loadScenario(dir);
  const name = await checkTargets(dir, scenario, flags, alternatives);
  // The option names before the design is made and printed: a misspelt one was told only after it.
  const unknownOptions = flags.compare ? planComparison(scenario, [], options) : null;
  if (typeof unknownOptions === 'string') throw bad(`${unknownOptions}. Nothing was written.`);
  const out = flags.out ?? (flags.write === true ? null : 'out');
  if (out !== null)
    await checkWrites(
      zoneFiles(name, alternatives).map((file) => ({
        flag: '--out',
        given: out,
        names: 'folder',
        file: path.join(out, file),
      })),
      inputs,
    );
  const built = buildProblem(scenario, request);
  const outcome = await designZones(built.problem, {
    seed,
    alternatives,
    method,
    exactAreaLimit: defaultExactAreaLimit,
    timeLimit,
    backend,
    within: request.within,
    ceilingGiven: request.maxHours !== null,
  });
  if (outcome.kind !== 'designed') throw bad(`zonal zones: ${outcome.reason}. Nothing was written.`);
  const named = nameProposals(scenario, built.problem, outcome.proposals, name);
  if (typeof named === 'string') throw bad(`${named}. Nothing was written.`);
  if (outcome.note !== null) standardErr().write(`note: ${outcome.note}\n`);
  printDesign(built, scenario, named);
  const files = new Map<string, FileContent>(named.map((n) => [n.file, n.csv]));
  if (flags.compare) {
    const compared = await compareOptions(withProposals(scenario, named), {
      options,
      run: { backend, timeLimit: 60, inputHash, version, inputWarnings: warnings },
    });
    if (typeof compared === 'string') throw bad(`${compared}. Nothing was written.`);
    standardOut().write(`${formatComparison(compared.comparison, scenario.currency)}\n`);
    for (const [file, text] of await comparisonFiles(compared, scenario.currency)) files.set(file, text);
    const first = named[0];
    if (first !== undefined) {
      // The scenario's own lot plan on the first proposal, so the report's map shows the designed zones.
      const withNew = withProposals(scenario, named);
      const award = await runScenario(withNew, {
        zoning: first.name,
        backend,
        timeLimit: 60,
        inputHash,
        version,
        inputWarnings: warnings,
      });
      if (award.kind === 'ok')
        files.set(`report-${first.name}.html`, renderSolveReport(award.result, withNew));
      else standardErr().write(`note: no award report for "${first.name}" (${award.kind})\n`);
    }
  }
  if (out !== null) await writeOutputsAtomically(out, files, undefined, [], 'zones');
  const unwritten = [...files.keys()].filter((f) => !named.some((n) => n.file === f));
  if (out === null && unwritten.length > 0)
    standardErr().write(
      `note: the comparison is printed, not written: with --write, add --out DIR to keep ${unwritten.slice(0, -1).join(', ')} and ${unwritten.at(-1) ?? ''}\n`,
    );
  if (flags.write === true)
    await addZonings(
      path.resolve(dir),
      named.map((n) => ({ name: n.name, file: n.file, csv: n.csv })),
    );
  const written = [
    ...(out === null ? [] : [...files.keys()].map((f) => path.join(out, f))),
    ...(flags.write === true
      ? [...named.map((n) => path.join(dir, n.file)), path.join(dir, 'scenario.json')]
      : []),
  ];
  standardOut().write(`Written: ${written.join(', ')}\n`);
}
