/**
 * The verifier's own view of the whole-tender rules (docs/contract.md): the
 * budget, and the weights that turn a design year into a discounted
 * whole-life cost. Recomputed here from the demand rows, year by year, so a
 * mistake in contract/ cannot hide (only the published wage table is shared).
 */
import { wageRise } from '../contract/indexation.js';
import type { Allocation, Scenario } from '../model/types.js';
import { mixFloors, zoneFloors, type CostFloor } from '../scoring/cost-floor.js';
import { scoringSettings } from '../scoring/settings.js';
import type { ExpectedLot } from './verify-offers.js';
import { byKey } from '../model/order.js';

const atMost = (a: number, b: number) => a <= b + 1e-6 * Math.max(1, Math.abs(b));

/** Every breach of `award.maxAnnualBudget` (design year, winners' pay). */
export function budgetViolations(scenario: Scenario, allocations: readonly Allocation[]): string[] {
  const budget = scenario.award.maxAnnualBudget;
  if (budget === null || budget === undefined) return [];
  const spend = allocations.reduce((t, a) => t + a.annualCost, 0);
  return atMost(spend, budget + 0.01 * allocations.length)
    ? []
    : [`the award costs ${spend} a year, over award.maxAnnualBudget ${budget}`];
}

/** Hours of the lot in each period that is a year, from the demand rows. */
function yearlyHours(scenario: Scenario, lot: ExpectedLot) {
  const carried = new Set(
    Object.entries(scenario.lotPlan)
      .filter(([type, e]) => type === lot.careType || (e?.kind === 'merge' && e.into === lot.careType))
      .map(([type]) => type),
  );
  const byYear = new Map<number, number>();
  for (const row of scenario.demand) {
    if (!/^[0-9]{4}$/.test(row.period) || !carried.has(row.careType) || !lot.areas.has(row.areaId)) continue;
    if (Number(row.period) < Number(scenario.period)) continue;
    byYear.set(Number(row.period), (byYear.get(Number(row.period)) ?? 0) + row.hours);
  }
  return byYear;
}

/** The year's hours: a given year as given, else the line between its neighbours, else the nearest end. */
function hoursIn(byYear: ReadonlyMap<number, number>, year: number): number {
  const given = byYear.get(year);
  if (given !== undefined) return given;
  const years = [...byYear.keys()];
  const before = Math.max(...years.filter((y) => y < year));
  const after = Math.min(...years.filter((y) => y > year));
  if (!Number.isFinite(before)) return byYear.get(after) ?? 0;
  if (!Number.isFinite(after)) return byYear.get(before) ?? 0;
  const lo = byYear.get(before) ?? 0;
  const hi = byYear.get(after) ?? 0;
  return lo + ((year - before) / (after - before)) * (hi - lo);
}

function lotFloor(
  lot: ExpectedLot,
  zoneId: string,
  floors: ReadonlyMap<string, CostFloor>,
  zoning: ReadonlyMap<string, string>,
): CostFloor | null {
  const own = floors.get(zoneId);
  if (own !== undefined) return own;
  const weights = new Map<string, number>();
  for (const [area, h] of [...lot.areaDemand].sort(byKey)) {
    const z = zoning.get(area);
    if (z !== undefined) weights.set(z, (weights.get(z) ?? 0) + h);
  }
  return mixFloors(
    [...weights].sort(byKey).flatMap(([z, weight]) => {
      const floor = floors.get(z);
      return floor === undefined ? [] : [{ floor, weight }];
    }),
  );
}

/**
 * Per lot id: the multiple of a design year's spend (serve) and of unmet
 * hours (unmet) that gives their discounted cost over the base term.
 */
export function wholeLifeMultiples(
  scenario: Scenario,
  zoningName: string,
  expected: ReadonlyMap<string, ExpectedLot>,
): Map<string, { serve: number; unmet: number }> {
  const contract = scenario.contract;
  const out = new Map<string, { serve: number; unmet: number }>();
  const zoning = scenario.zonings.get(zoningName);
  if (contract === undefined || zoning === undefined) return out;
  const floors = zoneFloors({ ...scenario, zoning: zoningName }, scoringSettings(scenario).costModel);
  const first = Number(contract.startPeriod ?? scenario.period);
  const ix = contract.indexation;
  for (const [lotId, lot] of expected) {
    const byYear = yearlyHours(scenario, lot);
    const floor = lotFloor(lot, lotId.slice(lotId.indexOf(':') + 1), floors, zoning);
    const pay = floor === null ? 0 : floor.parts.contactPay + floor.parts.travelPay + floor.parts.onCosts;
    const share =
      ix.kind === 'wage' ? (ix.labourShare ?? (floor === null ? 0 : Math.min(1, pay / floor.perHour))) : 0;
    const useDemand = /^[0-9]{4}$/.test(scenario.period) && byYear.size > 0 && lot.demand > 0;
    let wage = 1;
    let fixed = 1;
    let discount = 1;
    const sum = { serve: 0, unmet: 0 };
    for (let k = 0; k < contract.years; k++) {
      if (k > 0) {
        wage *= 1 + wageRise(first + k, contract);
        fixed *= 1 + (ix.kind === 'fixed' ? ix.percentPerYear / 100 : 0);
        discount /= 1 + contract.discountRate;
      }
      const ratio = useDemand ? hoursIn(byYear, first + k) / lot.demand : 1;
      const price = ix.kind === 'wage' ? 1 - share + share * wage : fixed;
      sum.serve += ratio * price * discount;
      sum.unmet += ratio * discount;
    }
    out.set(lotId, sum);
  }
  return out;
}

/**
 * Today's hours that change provider, from current.csv and the award alone:
 * a cap breach, and the cost of change the objective must include when priced.
 */
export function changeOf(
  scenario: Scenario,
  award: { readonly allocations: readonly Allocation[] },
  expected: ReadonlyMap<string, ExpectedLot>,
): { violations: string[]; objectiveCost: number } {
  const t = scenario.transition;
  const cap = t?.maxMovedShare;
  const priced = t?.priceChange === true && scenario.award.objective !== 'meat';
  if (cap === undefined && !priced) return { violations: [], objectiveCost: 0 };
  let today = 0;
  let kept = 0;
  for (const [lotId, lot] of expected) {
    const carried = (type: string) =>
      type === lot.careType ||
      Object.entries(scenario.lotPlan).some(
        ([c, e]) => c === type && e?.kind === 'merge' && e.into === lot.careType,
      );
    // A framework member keeps today's people only in the areas it serves: count by area there.
    const byArea = lot.rules.places !== null;
    const mine = new Map<string, { providerId: string; areaId: string; hours: number }>();
    for (const row of scenario.current)
      if (lot.areas.has(row.areaId) && carried(row.careType)) {
        const key = byArea ? `${row.providerId} ${row.areaId}` : row.providerId;
        const hours = (mine.get(key)?.hours ?? 0) + row.hours;
        mine.set(key, { providerId: row.providerId, areaId: row.areaId, hours });
      }
    for (const { providerId, areaId, hours } of mine.values()) {
      let won = 0;
      for (const a of award.allocations)
        if (a.lotId === lotId && a.providerId === providerId && a.role !== 'backup')
          won += byArea ? (a.areaHours?.[areaId] ?? 0) : a.hoursPerWeek;
      today += hours;
      kept += Math.min(hours, won);
    }
  }
  const moved = today - kept;
  const violations =
    cap !== undefined && !atMost(moved, cap * today)
      ? [`${moved} of today's ${today} hours change provider, over transition.maxMovedShare ${cap}`]
      : [];
  const perHour = priced
    ? (t?.mobilisationCostPerHour ?? 0) + (t?.doubleRunningWeeks ?? 0) * scenario.award.spotPricePerHour
    : 0;
  return { violations, objectiveCost: moved * perHour };
}
