/**
 * Supply risk: how concentrated a lot's hours are, cut for each back-up; a
 * framework's area by area, as its members serve areas, not shares of the lot.
 */
import type { ScoreComponent } from '../model/result.js';
import type { Allocation, Lot, Scenario } from '../model/types.js';
import { lotCover } from './member-cover.js';
import { holdersOf, type AwardFacts } from './award-facts.js';
import { roomIn, type Room } from './take-over-room.js';
import { component, fmtPercent } from './components.js';
import { counted } from '../model/counted.js';
import {
  backupsCouldTakeOver,
  membersCouldTakeOver,
  noMemberCouldTakeOver,
  noMemberCovers,
} from '../diagnostics/messages.js';
import { byText, largestFirst } from '../model/order.js';

/** A framework lot's supply measured area by area (frameworkSupply). */
export interface AreaSupply {
  /** Each area's own sum of squared shares of its hours, weighted by its hours. */
  readonly concentration: number;
  /** The same, each area cut for each other member covering it (up to two), as a back-up would cut it. */
  readonly value: number;
  /** What each other member counted could take over, once per member and provider taken over. */
  readonly cover: readonly TakeOver[];
  /** Whether any other member covers an area a member serves, whatever it could take over. */
  readonly covered: boolean;
}

/**
 * A named back-up of a lot and what it could take over (take-over-room.ts): its spare
 * capacity and the room left in its bids for the work of the lots it backs up.
 */
export interface BackupSpare extends Room {
  /** The lead's hours in every lot this back-up backs up (its spare is held against them all); the lead's hours in the lot when absent. */
  readonly faces?: number;
}

/**
 * The lot's named back-ups, each with what it could take over and the hours it would face if
 * the lot's largest holder failed: that provider's hours in every lot the back-up backs up,
 * for one failure hands them all back at once; its bids' room is counted over the work of all
 * those lots, each bid's cap once. Only lots that provider holds hours in count: until later
 * on 2026-12-02 a back-up's room in a lot another provider leads counted too, so its bid for
 * the other zone covered a lead it could not serve (supply said 2,100 of 2,450 h/week where
 * N-1 said 1,000).
 */
export function backupSpares(facts: AwardFacts, lot: Lot): BackupSpare[] {
  const [lead] = holdersOf(facts, lot.id)[0] ?? [];
  return (facts.backups.get(lot.id) ?? []).map((providerId) => {
    if (lead === undefined) return roomIn(facts, [lot], providerId);
    const backed = [...facts.backups]
      .filter(([id, ids]) => ids.includes(providerId) && (facts.lotHours.get(id)?.get(lead) ?? 0) > 0)
      .map(([id]) => id);
    const faces = backed.reduce((t, id) => t + (facts.lotHours.get(id)?.get(lead) ?? 0), 0);
    const lots = backed.flatMap((id) => facts.lots.get(id) ?? []);
    return { ...roomIn(facts, lots.includes(lot) ? lots : [lot, ...lots], providerId), faces };
  });
}

/** What a stand-in (a named back-up, another framework member) could take over of a failed provider's hours. */
interface TakeOver extends BackupSpare {
  /** The provider it would take over from. */
  readonly lead: string;
  /** The hours it would have to take over. */
  readonly leadHours: number;
  /** The part of them it could take: the least of its spare, its bids' room and leadHours. */
  readonly hours: number;
}

/**
 * Cover by a stand-in: it could take over as many of the lead's hours as its spare and the
 * room in its bids allow (take-over-room.ts), and earns `backupRelief` × that part of them,
 * the full relief only for all of them.
 */
const takeOver = (b: BackupSpare, lead: string, leadHours: number): TakeOver => ({
  ...b,
  lead,
  leadHours,
  hours: Math.min(b.hours, leadHours),
});

/** The factor a stand-in cuts supply by: 1 − `backupRelief` × the share of the lead's hours it could take over. */
const reliefOf = (t: TakeOver, backupRelief: number) => 1 - (backupRelief * t.hours) / (t.leadHours || 1);

/**
 * Supply: the lot's own concentration (sum of squared provider shares of its
 * hours: sole 1, 80/20 0.68, even split 0.5), cut for each named back-up by
 * `backupRelief` × the share of the largest holder's hours in the lot the
 * back-up could take over (its spare capacity, and in each lot the room left in
 * its bids there: take-over-room.ts; until later on 2026-12-02 its spare alone,
 * though a bid's max hours are the most it serves), of all that holder's hours
 * in the lots the back-up backs up (`faces`: its failure hands them all back at
 * once; until later on 2026-12-02 the spare counted for each lot on its own). Until
 * 2026-12-02 each back-up cut it by the full `backupRelief` whatever its spare:
 * back-ups with 16 h/week to spare between them made a sole lead of 2,450
 * h/week score 0.56, as safe as two back-ups that could each take it all over.
 * A lot nobody holds scores 1. A framework's members serve
 * areas rather than a share of every area, so its supply is measured area by
 * area (`byArea`): until 2026-12-02 six members each serving their own areas
 * scored as six sharing every area (Hertfordshire's county framework 0.19,
 * where area by area it is 0.93, 0.69 with the members covering each area
 * counted as back-ups for what their spare could take over, frameworkSupply).
 */
export function supplyRisk(
  holders: readonly (readonly [string, number])[],
  backups: readonly BackupSpare[],
  backupRelief: number,
  byArea: AreaSupply | null = null,
): ScoreComponent {
  const total = holders.reduce((t, [, h]) => t + h, 0);
  const lotConcentration = total > 0 ? holders.reduce((t, [, h]) => t + (h / total) ** 2, 0) : 1;
  const [leadId, leadHours] = holders[0] ?? ['', 0];
  const takeOvers = backups.map((b) => takeOver(b, leadId, Math.max(leadHours, b.faces ?? 0)));
  const cut = takeOvers.reduce((v, t) => v * reliefOf(t, backupRelief), 1);
  const value = byArea?.value ?? lotConcentration * cut;
  const who =
    holders.length === 0
      ? 'nobody holds the hours'
      : holders.length === 1
        ? `one provider holds all the hours`
        : `${holders.length} providers share the hours (largest ${fmtPercent((holders[0]?.[1] ?? 0) / total)})${areaClause(lotConcentration, byArea)}`;
  if (byArea !== null) return component(value, `${who}; ${frameworkCover(byArea)}`);
  const cover =
    backups.length === 0
      ? 'no named back-up'
      : holders.length === 0
        ? counted(backups.length, 'named back-up')
        : backupsCouldTakeOver(takeOvers, leadHours);
  return component(value, `${who}; ${cover}`);
}

const frameworkCover = (byArea: AreaSupply) =>
  byArea.value < byArea.concentration
    ? `other members covering an area count as its back-ups: ${byArea.value.toFixed(2)}${membersCouldTakeOver(byArea.cover)}`
    : byArea.covered
      ? noMemberCouldTakeOver()
      : noMemberCovers();

function areaClause(lotConcentration: number, byArea: AreaSupply | null): string {
  if (byArea === null || byArea.concentration - lotConcentration < 0.005) return '';
  const served = byArea.concentration > 0.9995 ? 'each area is served by one' : 'fewer share each area';
  return `, but ${served} (area by area ${byArea.concentration.toFixed(2)})`;
}

/**
 * A framework's supply area by area: each area's sum of squared shares of its
 * hours, cut for each other member of the lot (up to two, as for named
 * back-ups, those that could take over most) that covers the area as a named
 * back-up cuts a lot: by the share of its largest provider's hours the member
 * could take over (its spare and its bids' room, take-over-room.ts), all that provider's hours in the areas the member
 * covers, as one failure hands them all back at once. Weighted by the area's
 * hours. Null when the winners hold shares of the whole lot. Until 2026-12-02
 * any spare at all counted in full, in each area on its own: a member with 10
 * h/week spare cut the supply of 2,100 h/week it could not take over by 25%.
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
  const byArea = hoursByArea(winners);
  const covers = lotCover(scenario, lot, allocations);
  const standIn = memberTakeOver(facts, lot, byArea, covers);
  const members = [...new Set(places.map((m) => m.providerId))];
  const cover = new Map<string, TakeOver>();
  let covered = false;
  let total = 0;
  let concentration = 0;
  let value = 0;
  for (const [areaId, held] of byArea) {
    const t = [...held.values()].reduce((x, h) => x + h, 0);
    const [lead] = [...held].sort(largestFirst)[0] ?? [''];
    const c = [...held.values()].reduce((x, h) => x + (h / t) ** 2, 0);
    covered ||= members.some((p) => !held.has(p) && covers(p, areaId));
    const standIns = members
      .filter((p) => !held.has(p))
      .flatMap((p) => standIn(p, lead, areaId) ?? [])
      .sort(
        (a, b) => reliefOf(a, backupRelief) - reliefOf(b, backupRelief) || byText(a.providerId, b.providerId),
      )
      .slice(0, 2);
    for (const m of standIns) cover.set(`${m.providerId} ${m.lead}`, m);
    total += t;
    concentration += t * c;
    value += t * c * standIns.reduce((v, m) => v * reliefOf(m, backupRelief), 1);
  }
  return total > 0
    ? {
        concentration: concentration / total,
        value: value / total,
        cover: [...cover.values()].sort(mostShortFirst),
        covered,
      }
    : null;
}

/** The stand-ins that could take over least of what they would face first, then by id. */
const mostShortFirst = (a: TakeOver, b: TakeOver) =>
  b.leadHours - b.hours - (a.leadHours - a.hours) ||
  byText(a.providerId, b.providerId) ||
  byText(a.lead, b.lead);

/**
 * What member `p` could take over if `lead` failed, when it covers `areaId` and could take
 * any (spare and room in its bids): `lead`'s hours in every area `p` covers, for a failure
 * hands them all back at once.
 */
function memberTakeOver(
  facts: AwardFacts,
  lot: Lot,
  byArea: ReadonlyMap<string, ReadonlyMap<string, number>>,
  covers: (providerId: string, areaId: string) => boolean,
): (p: string, lead: string, areaId: string) => TakeOver | null {
  // Once per member and lead: every area of a lot has a lead, and a lead serves many areas.
  const seen = new Map<string, TakeOver>();
  return (p, lead, areaId) => {
    if (!covers(p, areaId)) return null;
    const key = `${p} ${lead}`;
    const known = seen.get(key);
    if (known !== undefined) return known.hours > 0 ? known : null;
    const leadHours = [...byArea].reduce((t, [a, held]) => t + (covers(p, a) ? (held.get(lead) ?? 0) : 0), 0);
    const t = takeOver(roomIn(facts, [lot], p), lead, leadHours);
    seen.set(key, t);
    return t.hours > 0 ? t : null;
  };
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
