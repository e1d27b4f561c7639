/**
 * The printed side of `zonal zones` (pure): a table per proposal and one line
 * per map, designed and hand-drawn together.
 */
import { boundedGap } from '../model/result.js';
import { formatTable } from '../report/text-table.js';
import type { MapSummary, ZoneRow } from './describe.js';
import type { Proposal } from './design.js';
import { counted } from '../model/counted.js';
import { groupedNumber } from '../model/grouped-number.js';

const h = (x: number) => groupedNumber(Math.round(x));
const signed = (x: number) => `${x >= 0 ? '+' : '-'}${h(Math.abs(x))}`;
const km = (x: number) => x.toFixed(1);

function listAreas(ids: readonly string[]): string {
  return ids.length <= 5 ? ids.join(' ') : `${ids.slice(0, 5).join(' ')} +${ids.length - 5}`;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** What the exact program proved when its time limit stopped it. */
function unproven(proposal: Proposal): string {
  const parts: string[] = [];
  const countGap = proposal.countGap ?? 0;
  if (countGap !== 0)
    parts.push(
      Number.isNaN(countGap)
        ? 'more zones not ruled out'
        : `more zones not ruled out (zone-count gap ${pct(countGap)})`,
    );
  const gap = proposal.gap ?? 0;
  // A gap of 100% or more (HiGHS's bound still at 0) bounds nothing, as an award's (boundedGap).
  const bounded = boundedGap(gap);
  parts.push(
    gap === 0
      ? 'the most compact map with this many zones'
      : bounded === null
        ? 'compactness not bounded: allow more time (--time-limit)'
        : `within ${pct(bounded)} of the most compact map with this many zones`,
  );
  return `exact program stopped by the time limit: ${parts.join('; ')}`;
}

export function proposalText(
  name: string,
  proposal: Proposal,
  rows: readonly ZoneRow[],
  floor: number,
): string {
  const how =
    proposal.status === 'optimal'
      ? 'exact, proven optimal'
      : proposal.status === 'feasible'
        ? unproven(proposal)
        : 'heuristic (no proof of optimality)';
  const table = formatTable(
    ['zone', 'areas', 'demand h/wk', 'floor margin', 'mean km to centre', 'centre', 'area ids'],
    rows.map((r) => [
      r.zoneId,
      String(r.areaIds.length),
      h(r.demand),
      // As a share of the floor too, unless there is none (--min-hours 0).
      floor > 0
        ? `${signed(r.floorMargin)} (${signed((100 * r.floorMargin) / floor)}%)`
        : signed(r.floorMargin),
      km(r.meanKm),
      r.centreAreaId,
      listAreas(r.areaIds),
    ]),
    [false, true, true, true, true, false, false],
  );
  return `Zoning "${name}": ${counted(rows.length, 'zone')}, ${how}; compactness ${h(proposal.cost)} hour-km\n${table}`;
}

export function summaryText(maps: readonly MapSummary[], floor: number, ceiling: number): string {
  const table = formatTable(
    [
      'zoning',
      'zones',
      'smallest h/wk',
      'largest h/wk',
      'below floor',
      'above ceiling',
      'not connected',
      'mean km to centre',
    ],
    maps.map((m) => [
      m.name,
      String(m.zones),
      h(m.smallest),
      h(m.largest),
      String(m.belowFloor),
      String(m.aboveCeiling),
      String(m.disconnected),
      km(m.meanKm),
    ]),
    [false, true, true, true, true, true, true, true],
  );
  return `Every zoning against the same rules (floor ${h(floor)}, ceiling ${h(ceiling)} h/week; mean km: demand-weighted distance from each area to its zone's centre area)\n${table}`;
}
