/**
 * Requests that warm the solver thread before the commissioner's first
 * edit: the starting zoning, then single-area moves (each area in turn to
 * the zone of the next area that is in another zone). The first few solves
 * in a fresh thread run cold code and take several times longer; these make
 * the first real edits answer as fast as later ones. Pure and deterministic.
 */
import type { Scenario } from '../model/types.js';

/** How many single-area moves the thread solves after the starting zoning. */
export const warmUpMoves = 8;

export function warmUpBodies(scenario: Scenario, moves = warmUpMoves): { zones: Record<string, string> }[] {
  const zones = Object.fromEntries(scenario.zonings.get(scenario.zoning) ?? new Map<string, string>());
  const areas = scenario.areas.map((a) => a.id);
  const bodies = [{ zones }];
  for (let i = 0; i < areas.length && bodies.length <= moves; i++) {
    const area = areas[i] ?? '';
    const other = areas
      .slice(i + 1)
      .concat(areas.slice(0, i))
      .find((b) => zones[b] !== zones[area]);
    if (other !== undefined) bodies.push({ zones: { ...zones, [area]: zones[other] ?? '' } });
  }
  return bodies;
}
