/** Cherry-picking (framework lots): rural demand in areas that too few members cover. */
import type { ScoreComponent } from '../model/result.js';
import type { Allocation, Lot, Scenario } from '../model/types.js';
import { lotCover } from './member-cover.js';
import { component } from './components.js';
import { byKey } from '../model/order.js';

/**
 * Cherry-picking (framework lots): share of the lot's rural demand in areas
 * no member covers (counts 1) or only one member covers (counts 0.5).
 */
export function cherryPickingRisk(
  scenario: Scenario,
  lot: Lot,
  allocations: readonly Allocation[],
): ScoreComponent {
  const rural = new Set(scenario.areas.filter((a) => a.rurality === 'rural').map((a) => a.id));
  const covers = lotCover(scenario, lot, allocations);
  const members = [
    ...new Set(
      allocations
        .filter((a) => a.lotId === lot.id && a.role !== 'backup' && a.hoursPerWeek > 0)
        .map((a) => a.providerId),
    ),
  ];
  let ruralDemand = 0;
  let exposed = 0;
  const thin: string[] = [];
  for (const [areaId, hours] of [...lot.demandByArea].sort(byKey)) {
    if (!rural.has(areaId)) continue;
    const cover = members.filter((p) => covers(p, areaId)).length;
    ruralDemand += hours;
    if (cover < 2) {
      exposed += hours * (cover === 0 ? 1 : 0.5);
      thin.push(`${areaId} (${cover})`);
    }
  }
  if (ruralDemand <= 0) return component(0, 'no rural demand in this lot');
  const value = exposed / ruralDemand;
  return component(
    value,
    thin.length === 0
      ? 'every rural area has at least two members covering it'
      : `rural areas with thin or no cover (members covering): ${thin.join(', ')}`,
  );
}
