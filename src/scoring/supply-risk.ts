/**
 * Supply risk: how concentrated a lot's hours are, cut for each back-up; a
 * framework's area by area, as its members serve areas, not shares of the lot.
 */
import type { ScoreComponent } from '../model/result.js';
import type { Allocation, Lot, Scenario } from '../model/types.js';
import { heldByArea, lotCover } from './member-cover.js';
import { holdersOf, type AwardFacts } from './award-facts.js';
import { roomIn, type Room } from './take-over-room.js';
import { handbackShare, type HandbackShare } from './handback-shares.js';
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
 * A named back-up of a lot and what it could take over there: its spare capacity and the room
 * left in its bids for the lot's work (take-over-room.ts), shared over all the hours of the
 * lead's it would stand in for (handback-shares.ts).
 */
export type BackupSpare = Pick<Room, 'providerId' | 'spare' | 'caps' | 'partial' | 'hours'> &
  Partial<Pick<HandbackShare, 'leadHours' | 'alone' | 'heldBy'>>;

/**
 * The lot's named back-ups, each with what it could take over if the lot's largest holder
 * failed: that provider's failure hands back every lot it holds at once, so a back-up's spare
 * and bids are held against all the hours of its it would stand in for, in every role
 * (handback-shares.ts): as back-up of other lots, framework member, other winner. Until later
 * on 2026-12-02 a back-up's room in a lot another provider leads counted too (supply said
 * 2,100 of 2,450 h/week where N-1 said 1,000), and then its spare was held only against the
 * lots it backs up: as a framework member covering the same lead it counted again in full.
 */
export function backupSpares(facts: AwardFacts, lot: Lot): BackupSpare[] {
  const [lead] = holdersOf(facts, lot.id)[0] ?? [];
  return (facts.backups.get(lot.id) ?? []).map(
    (providerId) =>
      (lead === undefined ? undefined : handbackShare(facts, lead, lot.id, providerId)) ??
      roomIn(facts, [lot], providerId),
  );
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
  leadHours: b.leadHours ?? leadHours,
  hours: Math.min(b.hours, b.leadHours ?? leadHours),
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
 * it would stand in for in every lot and role (handback-shares.ts: its failure hands them all
 * back at once, backupSpares; until later on 2026-12-02 the spare counted for each
 * lot on its own, then for each role on its own). Until
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
  const takeOvers = backups.map((b) => takeOver(b, leadId, leadHours));
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
        : backupsCouldTakeOver(takeOvers);
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
 * could take over under its place's bid of that provider's hours in the areas
 * the member covers, its spare held against all of them and against that
 * provider's hours in its other lots and roles, as one failure hands them all
 * back at once (handback-shares.ts). Weighted by the area's hours. Null when the
 * winners hold shares of the whole lot. Until 2026-12-02 any spare at all counted
 * in full, in each area on its own: a member with 10 h/week spare cut the supply
 * of 2,100 h/week it could not take over by 25%; until later that day its spare
 * counted in full in each lot and role, and its room under bids that won no place.
 */
export function frameworkSupply(
  facts: AwardFacts,
  lot: Lot,
  scenario: Scenario,
  allocations: readonly Allocation[],
  backupRelief: number,
): AreaSupply | null {
  if (!heldByArea(allocations, lot.id)) return null;
  const places = allocations.filter((a) => a.lotId === lot.id && a.role !== 'backup');
  const winners = places.filter((a) => a.hoursPerWeek > 0);
  const byArea = hoursByArea(winners);
  const covers = lotCover(scenario, lot, allocations);
  const standIn = memberTakeOver(facts, lot, covers);
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

/** What member `p` could take over if `lead` failed, when it covers `areaId` and could take any. */
function memberTakeOver(
  facts: AwardFacts,
  lot: Lot,
  covers: (providerId: string, areaId: string) => boolean,
): (p: string, lead: string, areaId: string) => TakeOver | null {
  return (p, lead, areaId) => {
    const share = covers(p, areaId) ? handbackShare(facts, lead, lot.id, p) : undefined;
    const t = share === undefined ? null : takeOver(share, lead, share.leadHours);
    return t !== null && t.hours > 0 ? t : null;
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
