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
import { counted, nounFor } from '../../model/counted.js';

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
    `${scenario.name}: valid${count > 0 ? ` with ${counted(count, 'warning')}` : ''}.\n` +
      `  ${counted(scenario.areas.length, 'area')}; ${nounFor(scenario.zonings.size, 'zoning')} ${[...scenario.zonings.keys()].join(', ')} (active "${scenario.zoning}", ${counted(zones, 'zone')})\n` +
      `  ${counted(lots.length, 'lot')}, ${counted(demand, 'hour', 'hours', groupedNumber(demand, 1))} a week in period ${scenario.period}\n` +
      `  ${counted(scenario.providers.length, 'provider')}, ${counted(scenario.bids.length, 'bid')}\n` +
      tender.map((w) => `  ${w}\n`).join(''),
  );
}
