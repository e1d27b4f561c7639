/**
 * Risk components about who covers a lot's hours: supply, N-1 stress, surge
 * cover and (framework lots) cherry-picking. Each is in [0, 1], higher is worse.
 */
import type { ScoreComponent } from '../model/result.js';
import type { Allocation, Lot, Scenario } from '../model/types.js';
import { coverableHours, type StandIn } from './handback-cover.js';
import { lotCover } from './member-cover.js';
import { areaStandIns, riseByArea, surgeByArea, type AreaCover } from './framework-reach.js';
import { holdersOf, spareOf, type AwardFacts } from './award-facts.js';
import { clamp01, component, fmtHours, fmtPercent } from './components.js';
import { byKey } from '../model/order.js';
import { counted } from '../model/counted.js';

/** A framework lot's supply measured area by area (frameworkSupply). */
export interface AreaSupply {
  /** Each area's own sum of squared shares of its hours, weighted by its hours. */
  readonly concentration: number;
  /** The same, each area cut by `backupRelief` for each other member covering it with spare capacity (up to two). */
  readonly value: number;
}

/**
 * Supply: the lot's own concentration (sum of squared provider shares of its
 * hours: sole 1, 80/20 0.68, even split 0.5), cut by `backupRelief` for each
 * named back-up. A lot nobody holds scores 1. A framework's members serve
 * areas rather than a share of every area, so its supply is measured area by
 * area (`byArea`): until 2026-12-02 six members each serving their own areas
 * scored as six sharing every area (Hertfordshire's county framework 0.19,
 * where area by area it is 0.93, 0.63 with the members covering each area
 * counted as back-ups).
 */
export function supplyRisk(
  holders: readonly (readonly [string, number])[],
  backups: number,
  backupRelief: number,
  byArea: AreaSupply | null = null,
): ScoreComponent {
  const total = holders.reduce((t, [, h]) => t + h, 0);
  const lotConcentration = total > 0 ? holders.reduce((t, [, h]) => t + (h / total) ** 2, 0) : 1;
  const value = byArea?.value ?? lotConcentration * (1 - backupRelief) ** backups;
  const who =
    holders.length === 0
      ? 'nobody holds the hours'
      : holders.length === 1
        ? `one provider holds all the hours`
        : `${holders.length} providers share the hours (largest ${fmtPercent((holders[0]?.[1] ?? 0) / total)})${areaClause(lotConcentration, byArea)}`;
  if (byArea !== null) return component(value, `${who}; ${frameworkCover(byArea)}`);
  return component(
    value,
    `${who}; ${backups === 0 ? 'no named back-up' : counted(backups, 'named back-up')}`,
  );
}

const frameworkCover = (byArea: AreaSupply) =>
  byArea.value < byArea.concentration
    ? `other members covering an area count as its back-ups: ${byArea.value.toFixed(2)}`
    : 'no other member with spare capacity covers their areas';

function areaClause(lotConcentration: number, byArea: AreaSupply | null): string {
  if (byArea === null || byArea.concentration - lotConcentration < 0.005) return '';
  const served = byArea.concentration > 0.9995 ? 'each area is served by one' : 'fewer share each area';
  return `, but ${served} (area by area ${byArea.concentration.toFixed(2)})`;
}

/**
 * A framework's supply area by area: each area's sum of squared shares of its
 * hours, cut by `backupRelief` for each other member of the lot (up to two, as
 * for named back-ups) that covers the area and has spare capacity, weighted by
 * the area's hours. Null when the winners hold shares of the whole lot.
 */
export function frameworkSupply(
  facts: AwardFacts,
  lot: Lot,
  scenario: Scenario,
  allocations: readonly Allocation[],
  backupRelief: number,
): AreaSupply | null {
  const places = allocations.filter((a) => a.lotId === lot.id && a.role !== 'backup');
  const winners = places.filter((a) => a.hoursPerWeek > 0);
  if (winners.length === 0 || winners.some((a) => a.areaHours === undefined)) return null;
  const covers = lotCover(scenario, lot, allocations);
  const members = [...new Set(places.map((m) => m.providerId))];
  let total = 0;
  let concentration = 0;
  let value = 0;
  for (const [areaId, held] of hoursByArea(winners)) {
    const t = [...held.values()].reduce((x, h) => x + h, 0);
    if (t <= 0) continue;
    const c = [...held.values()].reduce((x, h) => x + (h / t) ** 2, 0);
    const cover = members.filter((p) => !held.has(p) && spareOf(facts, p) > 0 && covers(p, areaId)).length;
    total += t;
    concentration += t * c;
    value += t * c * (1 - backupRelief) ** Math.min(2, cover);
  }
  return total > 0 ? { concentration: concentration / total, value: value / total } : null;
}

/** areaId → providerId → hours, from framework members' areaHours. */
function hoursByArea(winners: readonly Allocation[]): Map<string, Map<string, number>> {
  const byArea = new Map<string, Map<string, number>>();
  for (const a of winners)
    for (const [areaId, h] of Object.entries(a.areaHours ?? {})) {
      if (h <= 0) continue;
      const held = byArea.get(areaId) ?? new Map<string, number>();
      held.set(a.providerId, (held.get(a.providerId) ?? 0) + h);
      byArea.set(areaId, held);
    }
  return byArea;
}

/**
 * N-1 stress: if the lot's largest provider hands back, the share of its hours
 * the other winners and named back-ups could not absorb with their spare
 * capacity (all of it: a handback is one event at a time); a framework member
 * holding no hours counts as a back-up. In a framework each member can take on
 * only the hours in areas it covers; until 2026-12-02 a member's spare counted
 * wherever it worked, so two members serving separate halves of the county
 * covered each other in full.
 */
export function n1Risk(
  facts: AwardFacts,
  lot: Lot,
  scenario: Scenario,
  allocations: readonly Allocation[],
): ScoreComponent {
  const holders = holdersOf(facts, lot.id);
  const lead = holders[0];
  if (lead === undefined)
    return component(1, 'nobody holds this lot, so nobody can hand it back and nobody covers it');
  // Every other place in the lot: winners, named back-ups and framework members holding no hours.
  const others = [...new Set(allocations.filter((a) => a.lotId === lot.id).map((a) => a.providerId))]
    .filter((p) => p !== lead[0])
    .sort();
  const spare = others.reduce((t, p) => t + spareOf(facts, p), 0);
  const byArea = areaHoursOf(allocations, lot.id, lead[0]);
  const cover =
    byArea === null ? spare : coverableHours(byArea, standIns(facts, lot, scenario, allocations, others));
  const uncovered = clamp01(1 - cover / lead[1]);
  const names = `${others.join(', ')} ${others.length === 1 ? 'has' : 'have'}`;
  const who =
    others.length === 0
      ? 'no other winner or back-up can step in'
      : byArea === null
        ? `${names} ${fmtHours(spare)} spare`
        : `${others.join(', ')} can take on ${fmtHours(cover)} of it in the areas ${others.length === 1 ? 'it covers' : 'they cover'} (${fmtHours(spare)} spare)`;
  return component(
    uncovered,
    `if ${lead[0]} (${fmtHours(lead[1])}) hands back, ${who}: ${fmtPercent(uncovered)} uncovered`,
  );
}

/** A framework member's hours by area in a lot (null for roles that hold the whole lot). */
function areaHoursOf(
  allocations: readonly Allocation[],
  lotId: string,
  providerId: string,
): ReadonlyMap<string, number> | null {
  const mine = allocations.filter(
    (a) => a.lotId === lotId && a.providerId === providerId && a.role !== 'backup',
  );
  if (mine.length === 0 || mine.some((a) => a.areaHours === undefined)) return null;
  const byArea = new Map<string, number>();
  for (const a of mine)
    for (const [areaId, h] of Object.entries(a.areaHours ?? {}))
      byArea.set(areaId, (byArea.get(areaId) ?? 0) + h);
  return byArea;
}

/** The other members, each with its spare and the areas its bids in the lot cover. */
function standIns(
  facts: AwardFacts,
  lot: Lot,
  scenario: Scenario,
  allocations: readonly Allocation[],
  providerIds: readonly string[],
): StandIn[] {
  const covers = lotCover(scenario, lot, allocations);
  return providerIds.map((p) => ({
    spare: spareOf(facts, p),
    covers: (areaId: string) => covers(p, areaId),
  }));
}

/** The winners' spare capacity for a lot: each provider's spare shared across its lots in proportion to its hours there. */
function spareForLot(facts: AwardFacts, lotId: string): number {
  return holdersOf(facts, lotId).reduce(
    (t, [p, h]) => t + spareOf(facts, p) * (h / (facts.hoursByProvider.get(p) ?? h)),
    0,
  );
}

/**
 * Surge cover: high-forecast demand above the design demand against the
 * winners' spare capacity (a surge hits every lot at once, so each provider's
 * spare is shared across its lots); in a framework, only the spare of members
 * covering the areas where the extra hours fall (framework-reach.ts).
 */
export function surgeRisk(facts: AwardFacts, lot: Lot, where?: AreaCover): ScoreComponent {
  const extra = lot.demandHigh - lot.demand;
  if (extra <= 0) return component(0, 'no high forecast above the design demand');
  const cover = spareForLot(facts, lot.id);
  const standIns = where === undefined ? null : areaStandIns(facts, lot, where);
  const reach =
    where === undefined || standIns === null
      ? null
      : coverableHours(surgeByArea(where.scenario, lot), standIns);
  const short = clamp01(1 - (reach ?? cover) / extra);
  return component(
    short,
    `high forecast adds ${fmtHours(extra)}; winners' spare for this lot ${fmtHours(cover)}${reachText(reach)}: ${fmtPercent(short)} not covered`,
  );
}

const reachText = (reach: number | null) =>
  reach === null ? '' : `, of which ${fmtHours(reach)} in the areas that need it`;

/**
 * Growth: the largest rise of the lot's demand in a period after the design
 * period (demand.csv's later rows) against the winners' spare capacity. The
 * contract is let on design demand; growth must come out of the winners' spare
 * (in a framework, out of the spare of members covering the areas that grow).
 */
export function growthRisk(facts: AwardFacts, lot: Lot, where?: AreaCover): ScoreComponent {
  if (lot.laterDemand.length === 0)
    return component(0, 'no period after the design period in the demand forecast');
  const peak = [...lot.laterDemand].sort((a, b) => b.hours - a.hours)[0] ?? { period: '', hours: 0 };
  const extra = peak.hours - lot.demand;
  if (extra <= 0)
    return component(
      0,
      `demand does not rise above the design demand in ${lot.laterDemand.map((d) => d.period).join(', ')}`,
    );
  const cover = spareForLot(facts, lot.id);
  const standIns = where === undefined ? null : areaStandIns(facts, lot, where);
  const need = where === undefined || standIns === null ? null : riseByArea(where.scenario, lot, peak.period);
  const reach = need === null || standIns === null ? null : coverableHours(need, standIns);
  // Areas that grow need their own cover even where others shrink: the rise is theirs, area by area.
  const needed =
    need === null || reach === null
      ? extra
      : Math.max(
          extra,
          [...need.values()].reduce((t, h) => t + h, 0),
        );
  const short = clamp01(1 - (reach ?? cover) / needed);
  // The reason quotes what the value is measured against (review14: "rises by 100" beside 900 reachable and 10% short).
  // Only where it reads differently: rounding alone makes the areas' sum a hair above the net rise (review14b).
  const areasRise =
    needed > extra && fmtHours(needed) !== fmtHours(extra)
      ? ` (${fmtHours(needed)} in the areas that grow)`
      : '';
  return component(
    short,
    `demand rises by ${fmtHours(extra)} to ${fmtHours(peak.hours)} in ${peak.period}${areasRise}; winners' spare for this lot ${fmtHours(cover)}${reachText(reach)}: ${fmtPercent(short)} not covered`,
  );
}

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
