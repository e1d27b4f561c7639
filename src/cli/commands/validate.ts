/**
 * `zonal validate`: check a scenario's files and say what it holds, with the
 * warnings a solve would give before awarding (rejected bids, unfillable lots).
 */
import { tenderIssues, tenderLots } from '../../lots/tender-lots.js';
import { formatPlace } from '../../diagnostics/issues.js';
import * as msg from '../../diagnostics/messages.js';
import { boundariesProblem } from '../../model/boundaries.js';
import { groupedNumber } from '../../model/grouped-number.js';
import type { Scenario } from '../../model/types.js';
import { loadScenario } from '../load.js';
import { writeOut } from '../terminal.js';

/**
 * A boundaries file the maps cannot use (an area it lacks, another id property):
 * the report says so in a note, and validate says it before a solve.
 */
function boundariesWarnings(scenario: Scenario): string[] {
  if (scenario.boundaries === null || scenario.boundaries === undefined) return [];
  const problem = boundariesProblem(scenario.boundaries, scenario.areas);
  return problem === null ? [] : [msg.boundariesNotUsed(problem)];
}

export async function validateCommand(dir: string): Promise<void> {
  const { scenario, warnings } = await loadScenario(dir, { hash: false });
  const zoning = scenario.zonings.get(scenario.zoning) ?? new Map<string, string>();
  const { lots, rejections } = tenderLots(scenario);
  // In the form of the scenario's own warnings, `bids.csv:26: warning: …` (until 2026-12-01
  // `warning: bids.csv:26: …`, so one validate printed a warning two ways).
  const tender = [
    ...tenderIssues(scenario, lots, rejections).map(({ place, message }) =>
      place === null ? `warning: ${message}` : `${formatPlace(place)}: warning: ${message}`,
    ),
    ...boundariesWarnings(scenario).map((w) => `warning: ${w}`),
  ];
  const demand = lots.reduce((t, l) => t + l.demand, 0);
  const zones = new Set(zoning.values()).size;
  const count = warnings.length + tender.length;
  writeOut(
    `${scenario.name}: valid${count > 0 ? ` with ${count} warning(s)` : ''}.\n` +
      `  ${scenario.areas.length} areas; zonings ${[...scenario.zonings.keys()].join(', ')} (active "${scenario.zoning}", ${zones} zones)\n` +
      `  ${lots.length} lots, ${groupedNumber(demand, 1)} hours a week in period ${scenario.period}\n` +
      `  ${scenario.providers.length} providers, ${scenario.bids.length} bids\n` +
      tender.map((w) => `  ${w}\n`).join(''),
  );
}
