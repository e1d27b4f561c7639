/**
 * Transition: today's hours (current.csv) that change provider under an
 * award, what that costs, and the rules on it (docs/contract.md, "Transition").
 *
 * In each lot, a provider keeps today's hours up to the hours it wins there
 * (the same count as the transition risk): kept(l, p) = min(today(l, p), won(l, p)),
 * moved = today − Σ kept. A framework's members serve areas, so there it is
 * counted area by area: kept(l, p, a) = min(today(l, p, a), won(l, p, a)), as a
 * member keeps the people it serves today only in the areas it serves (until
 * 2026-12-02 its hours anywhere in the lot counted, so members swapping areas
 * kept everyone). Each moved weekly hour costs, once,
 * mobilisationCostPerHour + doubleRunningWeeks × award.spotPricePerHour.
 *
 * In the program a continuous `kept` variable per lot and provider (and area, in
 * a framework) with hours today (bounded by today's hours and by the hours its
 * variables win there) carries:
 *   - the cap `transition.maxMovedShare`: Σ kept ≥ (1 − cap) × today;
 *   - with `transition.priceChange`, the cost of change: −cost × kept in the
 *     objective plus the constant cost × today (Program.offset).
 */
import type { Allocation, Lot, Scenario } from '../model/types.js';
import type { Program, Variable } from '../solve/program.js';
import { defaultTransition, type TransitionSettings } from '../model/contract-settings.js';
import type { TransitionResult } from '../model/contract-result.js';
import { byKey } from '../model/order.js';
import { hasPlaces } from '../structures/index.js';

function transitionSettings(scenario: Scenario): TransitionSettings {
  return scenario.transition ?? { ...defaultTransition, priceChange: false };
}

/** £ once per weekly hour that changes provider. */
function costPerMovedHour(scenario: Scenario): number {
  const t = transitionSettings(scenario);
  return t.mobilisationCostPerHour + t.doubleRunningWeeks * scenario.award.spotPricePerHour;
}

/** Where today's hours are kept: by provider, and in a framework (whose members serve areas) by provider and area. */
const placeOf = (lot: Lot, providerId: string, areaId: string) =>
  hasPlaces(lot) ? `${providerId}|${areaId}` : providerId;

/** A provider's hours today in one place of a lot (its area in a framework, else null). */
interface Today {
  readonly providerId: string;
  readonly areaId: string | null;
  readonly hours: number;
}

/** Today's hours of a lot by place (placeOf): current rows of its areas and the care types it carries. */
function todayInLot(scenario: Scenario, lot: Lot): Map<string, Today> {
  const carried = new Set([
    lot.careType,
    ...Object.entries(scenario.lotPlan)
      .filter(([, e]) => e?.kind === 'merge' && e.into === lot.careType)
      .map(([type]) => type),
  ]);
  const areas = new Set(lot.areaIds);
  const today = new Map<string, Today>();
  scenario.current.forEach((row) => {
    if (!areas.has(row.areaId) || !carried.has(row.careType)) return;
    const place = placeOf(lot, row.providerId, row.areaId);
    const areaId = hasPlaces(lot) ? row.areaId : null;
    const hours = (today.get(place)?.hours ?? 0) + row.hours;
    today.set(place, { providerId: row.providerId, areaId, hours });
  });
  return today;
}

/** Today's hours per lot and place, for the lots that have any. */
function todayByLot(scenario: Scenario, lots: readonly Lot[]): Map<string, Map<string, Today>> {
  const out = new Map<string, Map<string, Today>>();
  for (const lot of lots) {
    const today = todayInLot(scenario, lot);
    if (today.size > 0) out.set(lot.id, today);
  }
  return out;
}

/**
 * Today's hours in a lot and those their providers keep under the award, the one count of the
 * transition risk and result.json's `transition`; null for a lot with no current rows.
 */
export function lotChange(
  scenario: Scenario,
  lot: Lot,
  allocations: readonly Allocation[],
): { readonly today: number; readonly kept: number } | null {
  const before = todayInLot(scenario, lot);
  if (before.size === 0) return null;
  const won = new Map<string, number>();
  allocations.forEach((a) => {
    if (a.lotId !== lot.id || a.role === 'backup') return;
    const hours = hasPlaces(lot) ? Object.entries(a.areaHours ?? {}) : [['', a.hoursPerWeek] as const];
    for (const [areaId, h] of hours) {
      const place = placeOf(lot, a.providerId, areaId);
      won.set(place, (won.get(place) ?? 0) + h);
    }
  });
  let today = 0;
  let kept = 0;
  before.forEach(({ hours }, place) => {
    today += hours;
    kept += Math.min(hours, won.get(place) ?? 0);
  });
  return { today, kept };
}

const priced = (scenario: Scenario) =>
  transitionSettings(scenario).priceChange && scenario.award.objective !== 'meat';

/** The program with the `kept` variables, the moved-hours cap and the cost of change, when the scenario asks. */
export function withTransition(scenario: Scenario, lots: readonly Lot[], program: Program): Program {
  const cap = transitionSettings(scenario).maxMovedShare;
  if (cap === undefined && !priced(scenario)) return program;
  const today = todayByLot(scenario, lots);
  if (today.size === 0) return program;
  const cost = priced(scenario) ? costPerMovedHour(scenario) : 0;
  const providerOf = new Map(scenario.bids.map((b) => [b.id, b.providerId]));
  // Hours each variable wins for its provider in its lot (in its area, in a framework).
  const wins = new Map<string, [number, number][]>();
  program.variables.forEach((v, i) => {
    const m = v.meaning;
    if (m.kind !== 'assign' && m.kind !== 'areaHours') return;
    const place = m.kind === 'areaHours' ? `${providerOf.get(m.bidId)}|${m.areaId}` : providerOf.get(m.bidId);
    const key = `${m.lotId}|${place}`;
    wins.set(key, [...(wins.get(key) ?? []), [i, m.kind === 'assign' ? m.hours : 1]]);
  });
  const variables: Variable[] = [...program.variables];
  const rows = [...program.rows];
  const kept: [number, number][] = [];
  let total = 0;
  for (const [lotId, byPlace] of [...today].sort(byKey))
    for (const [place, { providerId, areaId, hours }] of [...byPlace].sort(byKey)) {
      total += hours;
      const k = variables.length;
      const where = areaId === null ? providerId : `${providerId},${areaId}`;
      variables.push({
        name: `k[${lotId},${where}]`,
        lower: 0,
        upper: hours,
        integer: false,
        cost: -cost,
        meaning: { kind: 'kept', lotId, providerId },
      });
      kept.push([k, 1]);
      const won = (wins.get(`${lotId}|${place}`) ?? []).map(([v, h]): [number, number] => [v, -h]);
      rows.push({
        name: `kept[${lotId},${where}]`,
        terms: [[k, 1], ...won],
        lower: -Infinity,
        upper: 0,
      });
    }
  if (cap !== undefined)
    rows.push({ name: 'movedCap', terms: kept, lower: (1 - cap) * total, upper: Infinity });
  return { ...program, variables, rows, offset: (program.offset ?? 0) + cost * total };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** result.json `transition`, or nothing without today's caseload in any lot. */
export function transitionSection(
  scenario: Scenario,
  lots: readonly Lot[],
  allocations: readonly Allocation[],
): { transition: TransitionResult } | Record<string, never> {
  const changes = lots.flatMap((lot) => lotChange(scenario, lot, allocations) ?? []);
  if (changes.length === 0) return {};
  const current = changes.reduce((t, c) => t + c.today, 0);
  const kept = changes.reduce((t, c) => t + c.kept, 0);
  const t = transitionSettings(scenario);
  const moved = current - kept;
  return {
    transition: {
      currentHoursPerWeek: round(current, 6),
      keptHoursPerWeek: round(kept, 6),
      movedHoursPerWeek: round(moved, 6),
      movedShare: current > 0 ? round(moved / current, 6) : 0,
      maxMovedShare: t.maxMovedShare ?? null,
      costPerMovedHour: costPerMovedHour(scenario),
      mobilisationCost: round(moved * t.mobilisationCostPerHour, 2),
      doubleRunningCost: round(moved * t.doubleRunningWeeks * scenario.award.spotPricePerHour, 2),
      oneOffCost: round(moved * costPerMovedHour(scenario), 2),
      priced: priced(scenario),
    },
  };
}
