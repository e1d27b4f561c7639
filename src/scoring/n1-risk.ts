/** N-1 stress: the share of a lot's largest holder's hours nobody could take on if it handed back. */
import type { ScoreComponent } from '../model/result.js';
import type { Allocation, Lot, Scenario } from '../model/types.js';
import { coverableHours, type StandIn } from './handback-cover.js';
import { lotCover } from './member-cover.js';
import { holdersOf, type AwardFacts } from './award-facts.js';
import { roomIn, type Room } from './take-over-room.js';
import { areaHoursOf, handbackShare, type HandbackShare } from './handback-shares.js';
import { clamp01, component, fmtHours, fmtPercent } from './components.js';
import { couldTakeOn, coversNoneOf, roomOf } from '../diagnostics/messages.js';

/** Another place in the lot and what it could take over (handback-shares.ts; a room of its own where the lead holds nothing). */
type Stand = Room | HandbackShare;

/**
 * N-1 stress: if the lot's largest provider hands back, the share of its hours
 * the other winners and named back-ups could not absorb: each up to the least
 * of its spare capacity (all of it: a handback is one event at a time) and the
 * room left in its bids for the lot's work (take-over-room.ts; until later on
 * 2026-12-02 its spare alone, so a stand-in holding 925 of the 1,000 h/week its
 * bid offered covered 3,701 h/week in full); a framework member
 * holding no hours counts as a back-up. In a framework each member can take on
 * only the hours in areas it covers; until 2026-12-02 a member's spare counted
 * wherever it worked, so two members serving separate halves of the county
 * covered each other in full. Each stand-in's spare and bids' room are held against
 * all the lead's hours it would stand in for in every lot and role, as a failure hands
 * them all back at once (handback-shares.ts); until later on 2026-12-02 each lot counted
 * them in full, and a member's room under bids that won no place counted too.
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
  const others = othersIn(allocations, lot.id, lead[0]);
  const rooms = others.map((p) => handbackShare(facts, lead[0], lot.id, p) ?? roomIn(facts, [lot], p));
  const byArea = areaHoursOf(allocations, lot.id, lead[0]);
  // Only a framework's members serve some areas alone: other roles take over the whole lot.
  const covers = byArea === null ? null : lotCover(scenario, lot, allocations);
  const cover =
    byArea === null || covers === null
      ? rooms.reduce((t, r) => t + r.hours, 0)
      : coverableHours(byArea, standIns(covers, rooms));
  // A member covering none of the lead's areas: its room elsewhere is beside the point.
  const reach = (r: Stand) =>
    byArea !== null && covers !== null && ![...byArea.keys()].some((a) => covers(r.providerId, a))
      ? coversNoneOf(r.providerId, lead[0])
      : roomOf(r);
  const uncovered = clamp01(1 - cover / lead[1]);
  const who =
    others.length === 0
      ? 'no other winner or back-up can step in'
      : byArea === null
        ? rooms.map((r) => couldTakeOn(r, lead[1])).join('; ')
        : `${others.join(', ')} can take on ${fmtHours(cover)} of it in the areas ${others.length === 1 ? 'it covers' : 'they cover'} (${rooms.map(reach).join('; ')})`;
  return component(
    uncovered,
    `if ${lead[0]} (${fmtHours(lead[1])}) hands back, ${who}: ${fmtPercent(uncovered)} uncovered`,
  );
}

/** The providers with a place in a lot other than `lead`, each once, sorted (one list, not five: n1Risk was 15 kB a variant). */
function othersIn(allocations: readonly Allocation[], lotId: string, lead: string): string[] {
  const others: string[] = [];
  for (const a of allocations)
    if (a.lotId === lotId && a.providerId !== lead && !others.includes(a.providerId))
      others.push(a.providerId);
  return others.sort();
}

/** The other members, each with what it could take over and the areas its places in the lot cover. */
function standIns(
  covers: (providerId: string, areaId: string) => boolean,
  rooms: readonly Stand[],
): StandIn[] {
  return rooms.map((r) => ({
    spare: r.hours,
    covers: (areaId: string) => covers(r.providerId, areaId),
  }));
}
