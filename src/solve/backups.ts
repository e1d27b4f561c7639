/**
 * Back-up providers for lots whose structure names them (`sole` with `backup: true`): a framework of up to
 * two other providers, named in the award with no guaranteed hours, who step
 * in if the sole provider hands back. Chosen after the solve: those that could
 * take over more of the winner's hours first
 * (`couldTakeOver`: the least of their spare and the room left in their bids
 * for this lot, as if they had nothing else to take over), then the cheapest
 * eligible offer (ties by bid ids). The risk score then holds a back-up's spare
 * against all the failed provider's hours it would stand in for, in every lot
 * it backs up (scoring/handback-shares.ts), so one named for two of a
 * provider's lots may be credited less than a candidate left out; ranking by
 * that credit would need every other lot's back-ups first. Until
 * 2026-12-02 (session 16, review16) the cheapest came first whatever it could
 * take over, so a cheap bid for 10 h/week pushed out a provider that could take
 * over every hour, and the lot's supply risk rose with the cheaper choice. One
 * that could take over nothing (spare, but its bids full) is not named.
 * In a lot with merged care types a back-up, like the winner, needs one bid
 * per care type; its price is the hours-weighted one. A package bid is never a
 * back-up: its price holds only if its whole package wins, and a package that
 * won holds this lot already (until 2026-12-01 the county's back-ups named
 * Bright's £23.70 package bid, its package out of the award, where its own
 * price there is £24.20).
 */
import { blend, offerName, offerParts, offersFor } from '../lots/offers.js';
import type { Allocation, Lot, Scenario } from '../model/types.js';
import { backupRole } from '../structures/index.js';
import { byText } from '../model/order.js';

const backupsPerLot = 2;

/** The hours of a lot's winner that a provider could take over there alone (src/scoring/take-over-room.ts `backupRoom`). */
export type CouldTakeOver = (lot: Lot, providerId: string) => number;

export function chooseBackups(
  scenario: Scenario,
  lots: readonly Lot[],
  allocations: readonly Allocation[],
  couldTakeOver: CouldTakeOver,
): Allocation[] {
  const backups: Allocation[] = [];
  for (const lot of lots) {
    if (!lot.backup) continue;
    const mine = allocations.filter((a) => a.lotId === lot.id);
    const taken = new Set(mine.map((a) => a.providerId));
    const held = mine.reduce((t, a) => t + a.hoursPerWeek, 0);
    const candidates = offersFor(lot, scenario.bids, backupRole(lot), scenario.award)
      .filter((o) => o.bids.every((b) => b.packageId === null))
      .map((offer) => ({ offer, parts: offerParts(offer, lot) }))
      .map((c) => ({
        ...c,
        price: blend(c.parts).price,
        cover: Math.min(held, Math.round(couldTakeOver(lot, c.offer.providerId))),
      }))
      // One that could take over nothing (no spare, or its bids full) would stand in the award as cover it cannot give.
      .filter((c) => c.cover > 0)
      .sort(
        (a, b) => b.cover - a.cover || a.price - b.price || byText(offerName(a.offer), offerName(b.offer)),
      );
    let named = 0;
    for (const { offer, parts, price } of candidates) {
      const first = offer.bids[0];
      if (first === undefined || taken.has(offer.providerId) || named >= backupsPerLot) continue;
      taken.add(offer.providerId);
      named++;
      const listed = parts.map((p) => ({
        bidId: p.bid.id,
        careType: p.careType,
        hoursPerWeek: 0,
        pricePerHour: p.bid.price,
      }));
      backups.push({
        lotId: lot.id,
        bidId: first.id,
        providerId: offer.providerId,
        role: 'backup',
        hoursPerWeek: 0,
        pricePerHour: price,
        annualCost: 0,
        ...(listed.length > 1 ? { parts: listed } : {}),
      });
    }
  }
  return backups;
}
