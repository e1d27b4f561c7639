/**
 * Where a framework's extra hours fall, and how much of its winners' spare can
 * reach them. A framework member serves only the areas it covers, so its spare
 * counts for a surge or growth only there; until 2026-12-02 it counted wherever
 * the extra hours fell (a full member's area "covered" by another's spare
 * across the county). Roles that hold the whole lot reach every area.
 */
import type { Allocation, Lot, Scenario } from '../model/types.js';
import { placesIn, type AwardFacts } from './award-facts.js';
import { winnerRoom } from './take-over-room.js';
import type { StandIn } from './handback-cover.js';
import { heldByArea, lotCover } from './member-cover.js';
import { demandWhere } from '../model/demand-table.js';

/** What a framework lot's cover is worked out from. */
export interface AreaCover {
  readonly scenario: Scenario;
  readonly allocations: readonly Allocation[];
}

/** The lot's rows of a period: its care types, its areas. */
const lotRows = (scenario: Scenario, lot: Lot, period: string) => {
  const areas = new Set(lot.areaIds);
  return demandWhere(
    scenario.demand,
    (d) => d.period === period && areas.has(d.areaId) && lot.careDemand.has(d.careType),
  );
};

function sumByArea(rows: readonly { areaId: string; hours: number }[]): Map<string, number> {
  const byArea = new Map<string, number>();
  for (const r of rows) byArea.set(r.areaId, (byArea.get(r.areaId) ?? 0) + r.hours);
  return byArea;
}

/** The high forecast's extra hours, area by area. */
export const surgeByArea = (scenario: Scenario, lot: Lot): Map<string, number> =>
  sumByArea(
    lotRows(scenario, lot, scenario.period).map((d) => ({ areaId: d.areaId, hours: d.high - d.hours })),
  );

/** The rise in `period` over the design demand, area by area (areas that fall count 0). */
export function riseByArea(scenario: Scenario, lot: Lot, period: string): Map<string, number> {
  const later = sumByArea(lotRows(scenario, lot, period));
  return new Map(
    [...later].map(([areaId, h]) => [areaId, Math.max(0, h - (lot.demandByArea.get(areaId) ?? 0))] as const),
  );
}

/**
 * The lot's members as stand-ins for extra hours, those awarded no hours too (they hold a
 * place and can be called off, as N-1 counts them): each with what it could take on there (its
 * spare shared over its lots by hours, up to its bids' room: winnerRoom) and the areas it covers; null for a lot
 * whose winners hold the whole of it (no `areaHours`), where spare reaches every area. Asked
 * before the extra hours are worked out area by area, which only a framework needs.
 */
export function areaStandIns(facts: AwardFacts, lot: Lot, where: AreaCover): StandIn[] | null {
  if (!heldByArea(where.allocations, lot.id)) return null;
  const covers = lotCover(where.scenario, lot, where.allocations);
  return placesIn(facts, lot.id).map(([p, h]) => ({
    spare: winnerRoom(facts, lot, p, h).hours,
    covers: (areaId: string) => covers(p, areaId),
  }));
}
