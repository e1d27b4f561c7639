/**
 * The award in the shape of current.csv (area, care type, provider, hours a
 * week), so this year's award is next year's transition baseline with no hand
 * work. A lot's hours go to its areas in proportion to their demand (framework
 * allocations say their own area hours), and a lot that carries merged care
 * types splits each area's hours back by care type. Pure.
 */
import type { Result } from '../model/result.js';
import { careTypes, type CareType, type Lot, type Scenario } from '../model/types.js';
import { toCsv } from './csv-write.js';
import { byLocaleText } from '../model/order.js';

export interface BaselineRow {
  readonly areaId: string;
  readonly careType: CareType;
  readonly providerId: string;
  readonly hours: number;
}

/** Care types a lot carries: its own and those merged into it. */
function carriedTypes(scenario: Scenario, lot: Lot): CareType[] {
  return careTypes.filter(
    (t) =>
      t === lot.careType ||
      (scenario.lotPlan[t]?.kind === 'merge' && t !== lot.careType && lot.careType === 'standard'),
  );
}

/** Design-period hours by area and care type, summed once (a national file has millions of rows). */
function designHours(scenario: Scenario): Map<string, number> {
  const hours = new Map<string, number>();
  for (const d of scenario.demand)
    if (d.period === scenario.period) {
      const key = `${d.areaId}\0${d.careType}`;
      hours.set(key, (hours.get(key) ?? 0) + d.hours);
    }
  return hours;
}

/** Share of an area's lot hours that is each carried care type, from the design-period demand. */
function typeShares(
  scenario: Scenario,
  design: ReadonlyMap<string, number>,
  lot: Lot,
  areaId: string,
): [CareType, number][] {
  const types = carriedTypes(scenario, lot);
  const hours = types.map((t) => design.get(`${areaId}\0${t}`) ?? 0);
  const total = hours.reduce((s, h) => s + h, 0);
  return types.map((t, i) => [t, total > 0 ? (hours[i] ?? 0) / total : t === lot.careType ? 1 : 0]);
}

export function awardAsCurrent(result: Result, scenario: Scenario, lots: readonly Lot[]): BaselineRow[] {
  const byLot = new Map(lots.map((l) => [l.id, l]));
  const design = designHours(scenario);
  const sums = new Map<string, BaselineRow>();
  const add = (areaId: string, careType: CareType, providerId: string, hours: number) => {
    const key = `${areaId}\0${careType}\0${providerId}`;
    sums.set(key, { areaId, careType, providerId, hours: (sums.get(key)?.hours ?? 0) + hours });
  };
  for (const a of result.allocations) {
    const lot = byLot.get(a.lotId);
    if (lot === undefined || a.hoursPerWeek <= 0) continue;
    const areaHours =
      a.areaHours !== undefined
        ? Object.entries(a.areaHours)
        : [...lot.demandByArea].map(([areaId, d]): [string, number] => [
            areaId,
            lot.demand > 0 ? (a.hoursPerWeek * d) / lot.demand : 0,
          ]);
    for (const [areaId, hours] of areaHours)
      for (const [careType, share] of typeShares(scenario, design, lot, areaId))
        if (hours * share > 0) add(areaId, careType, a.providerId, hours * share);
  }
  return [...sums.values()].sort(
    (x, y) =>
      byLocaleText(x.areaId, y.areaId) ||
      byLocaleText(x.careType, y.careType) ||
      byLocaleText(x.providerId, y.providerId),
  );
}

export function baselineCsv(rows: readonly BaselineRow[]): string {
  return toCsv(
    ['area_id', 'care_type', 'provider_id', 'hours_per_week'],
    rows.map((r) => [r.areaId, r.careType, r.providerId, Math.round(r.hours * 100) / 100]),
  );
}
