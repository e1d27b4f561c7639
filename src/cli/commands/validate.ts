/**
 * `zonal validate`: check a scenario's files and say what it holds, with the
 * warnings a solve would give before awarding (rejected bids, unfillable lots).
 */
import { tenderLots, tenderWarnings } from '../../lots/tender-lots.js';
import { groupedNumber } from '../../model/grouped-number.js';
import { loadScenario } from '../load.js';
import { writeOut } from '../terminal.js';

export async function validateCommand(dir: string): Promise<void> {
  const { scenario, warnings } = await loadScenario(dir, { hash: false });
  const zoning = scenario.zonings.get(scenario.zoning) ?? new Map<string, string>();
  const { lots, rejections } = tenderLots(scenario);
  const tender = tenderWarnings(scenario, lots, rejections);
  const demand = lots.reduce((t, l) => t + l.demand, 0);
  const zones = new Set(zoning.values()).size;
  const count = warnings.length + tender.length;
  writeOut(
    `${scenario.name}: valid${count > 0 ? ` with ${count} warning(s)` : ''}.\n` +
      `  ${scenario.areas.length} areas; zonings ${[...scenario.zonings.keys()].join(', ')} (active "${scenario.zoning}", ${zones} zones)\n` +
      `  ${lots.length} lots, ${groupedNumber(demand, 1)} hours a week in period ${scenario.period}\n` +
      `  ${scenario.providers.length} providers, ${scenario.bids.length} bids\n` +
      tender.map((w) => `  warning: ${w}\n`).join(''),
  );
}
