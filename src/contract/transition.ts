/**
 * Transition: today's hours (current.csv) that change provider under an
 * award, what that costs, and the rules on it (docs/contract.md, "Transition").
 *
 * In each lot, a provider keeps today's hours up to the hours it wins there
 * (the same count as the transition risk): kept(l, p) = min(today(l, p), won(l, p)),
 * moved = today − Σ kept. Each moved weekly hour costs, once,
 * mobilisationCostPerHour + doubleRunningWeeks × award.spotPricePerHour.
 *
 * In the program a continuous `kept` variable per lot and provider with hours
 * today (bounded by today's hours and by the hours its variables win) carries:
 *   - the cap `transition.maxMovedShare`: Σ kept ≥ (1 − cap) × today;
 *   - with `transition.priceChange`, the cost of change: −cost × kept in the
 *     objective plus the constant cost × today (Program.offset).
 */
import type { Allocation, Lot, Scenario } from '../model/types.js';
import type { Program, Variable } from '../solve/program.js';
import { defaultTransition, type TransitionSettings } from '../model/contract-settings.js';
import type { TransitionResult } from '../model/contract-result.js';
import { byKey } from '../model/order.js';

function transitionSettings(scenario: Scenario): TransitionSettings {
  return scenario.transition ?? { ...defaultTransition, priceChange: false };
}

/** £ once per weekly hour that changes provider. */
function costPerMovedHour(scenario: Scenario): number {
  const t = transitionSettings(scenario);
  return t.mobilisationCostPerHour + t.doubleRunningWeeks * scenario.award.spotPricePerHour;
}

/** Today's hours per lot and provider: current rows of the lot's areas and the care types it carries. */
function todayByLot(scenario: Scenario, lots: readonly Lot[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const lot of lots) {
    const carried = new Set([
      lot.careType,
      ...Object.entries(scenario.lotPlan)
        .filter(([, e]) => e?.kind === 'merge' && e.into === lot.careType)
        .map(([type]) => type),
    ]);
    const areas = new Set(lot.areaIds);
    const today = new Map<string, number>();
    for (const row of scenario.current)
      if (areas.has(row.areaId) && carried.has(row.careType))
        today.set(row.providerId, (today.get(row.providerId) ?? 0) + row.hours);
    if (today.size > 0) out.set(lot.id, today);
  }
  return out;
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
  // Hours each variable wins for its provider in its lot.
  const wins = new Map<string, [number, number][]>();
  program.variables.forEach((v, i) => {
    const m = v.meaning;
    if (m.kind !== 'assign' && m.kind !== 'areaHours') return;
    const key = `${m.lotId}|${providerOf.get(m.bidId)}`;
    wins.set(key, [...(wins.get(key) ?? []), [i, m.kind === 'assign' ? m.hours : 1]]);
  });
  const variables: Variable[] = [...program.variables];
  const rows = [...program.rows];
  const kept: [number, number][] = [];
  let total = 0;
  for (const [lotId, byProvider] of [...today].sort(byKey))
    for (const [providerId, hours] of [...byProvider].sort(byKey)) {
      total += hours;
      const k = variables.length;
      variables.push({
        name: `k[${lotId},${providerId}]`,
        lower: 0,
        upper: hours,
        integer: false,
        cost: -cost,
        meaning: { kind: 'kept', lotId, providerId },
      });
      kept.push([k, 1]);
      const won = (wins.get(`${lotId}|${providerId}`) ?? []).map(([v, h]): [number, number] => [v, -h]);
      rows.push({
        name: `kept[${lotId},${providerId}]`,
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
  const today = todayByLot(scenario, lots);
  if (today.size === 0) return {};
  let current = 0;
  let kept = 0;
  for (const [lotId, byProvider] of today)
    for (const [providerId, hours] of byProvider) {
      const won = allocations
        .filter((a) => a.lotId === lotId && a.providerId === providerId && a.role !== 'backup')
        .reduce((t, a) => t + a.hoursPerWeek, 0);
      current += hours;
      kept += Math.min(hours, won);
    }
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
