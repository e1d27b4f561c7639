/**
 * Supply risk: how concentrated a lot's hours are, cut for each back-up; a
 * framework's area by area, as its members serve areas, not shares of the lot.
 */
import type { ScoreComponent } from '../model/result.js';
import type { Allocation, Lot, Scenario } from '../model/types.js';
import { lotCover } from './member-cover.js';
import { spareOf, type AwardFacts } from './award-facts.js';
import { component, fmtPercent } from './components.js';
import { counted } from '../model/counted.js';
import { backupsCouldTakeOver } from '../diagnostics/messages.js';

/** A framework lot's supply measured area by area (frameworkSupply). */
export interface AreaSupply {
  /** Each area's own sum of squared shares of its hours, weighted by its hours. */
  readonly concentration: number;
  /** The same, each area cut by `backupRelief` for each other member covering it with spare capacity (up to two). */
  readonly value: number;
}

/** A named back-up of a lot and the capacity it has left after the award (capacity − all its awarded hours). */
export interface BackupSpare {
  readonly providerId: string;
  readonly spare: number;
}

/** The lot's named back-ups, each with its spare capacity. */
export const backupSpares = (facts: AwardFacts, lotId: string): BackupSpare[] =>
  (facts.backups.get(lotId) ?? []).map((providerId) => ({ providerId, spare: spareOf(facts, providerId) }));

/**
 * Supply: the lot's own concentration (sum of squared provider shares of its
 * hours: sole 1, 80/20 0.68, even split 0.5), cut for each named back-up by
 * `backupRelief` × the share of the largest holder's hours in the lot the
 * back-up's spare capacity could take over (a handback is one event at a
 * time, so a back-up's spare counts for each lot it backs up). Until
 * 2026-12-02 each back-up cut it by the full `backupRelief` whatever its spare:
 * back-ups with 16 h/week to spare between them made a sole lead of 2,450
 * h/week score 0.56, as safe as two back-ups that could each take it all over.
 * A lot nobody holds scores 1. A framework's members serve
 * areas rather than a share of every area, so its supply is measured area by
 * area (`byArea`): until 2026-12-02 six members each serving their own areas
 * scored as six sharing every area (Hertfordshire's county framework 0.19,
 * where area by area it is 0.93, 0.63 with the members covering each area
 * counted as back-ups).
 */
export function supplyRisk(
  holders: readonly (readonly [string, number])[],
  backups: readonly BackupSpare[],
  backupRelief: number,
  byArea: AreaSupply | null = null,
): ScoreComponent {
  const total = holders.reduce((t, [, h]) => t + h, 0);
  const lotConcentration = total > 0 ? holders.reduce((t, [, h]) => t + (h / total) ** 2, 0) : 1;
  const leadHours = holders[0]?.[1] ?? 0;
  const takeOver = backups.map((b) => ({ ...b, hours: Math.min(b.spare, leadHours) }));
  const cut = takeOver.reduce((v, b) => v * (1 - (backupRelief * b.hours) / (leadHours || 1)), 1);
  const value = byArea?.value ?? lotConcentration * cut;
  const who =
    holders.length === 0
      ? 'nobody holds the hours'
      : holders.length === 1
        ? `one provider holds all the hours`
        : `${holders.length} providers share the hours (largest ${fmtPercent((holders[0]?.[1] ?? 0) / total)})${areaClause(lotConcentration, byArea)}`;
  if (byArea !== null) return component(value, `${who}; ${frameworkCover(byArea)}`);
  const lead = holders[0];
  const cover =
    backups.length === 0
      ? 'no named back-up'
      : lead === undefined
        ? counted(backups.length, 'named back-up')
        : backupsCouldTakeOver(lead[0], lead[1], takeOver);
  return component(value, `${who}; ${cover}`);
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
