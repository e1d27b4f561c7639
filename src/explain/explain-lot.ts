/**
 * Why each lot was awarded as it was: per role, the winner, the runner-up,
 * the cost and score gap between them, and the rules that stopped every bid
 * that beat the winner on the objective. Pure; reads the award, never changes it.
 * Candidates are offers (lots/offers.ts): in a lot with merged care types one
 * bid per care type, compared at their hours-weighted price.
 */
import { isEligible, type FilledRole } from '../lots/eligibility.js';
import { blend, lowestPrice, meatScore, offerParts, offersFor } from '../lots/offers.js';
import type { Allocation, Lot, Scenario } from '../model/types.js';
import { hasPlaces } from '../structures/index.js';
import {
  awardLoad,
  capsTogether,
  ruleReason,
  stoppedBy,
  type AwardLoad,
  type Candidate,
} from './stopped-by.js';
import type { LotExplanation, RoleExplanation, RuleName } from './types.js';
import { unboughtHours, unboughtStoppedBy } from './unbought-hours.js';
import { byId } from '../model/order.js';
import { fmtHours } from '../scoring/components.js';
import { moneyWhole, price, thousands } from '../model/money.js';

interface RoleContext {
  readonly scenario: Scenario;
  readonly lot: Lot;
  readonly role: FilledRole;
  /** Which of the lot's roles of this name (0: the first). */
  readonly nth: number;
  readonly hours: number;
  readonly holders: readonly Allocation[];
  readonly load: AwardLoad;
  readonly minPrice: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Offers that could take the role if quality were no bar, best first by the objective. */
function candidates(c: RoleContext): Candidate[] {
  const anyQuality = { ...c.scenario.award, minQuality: 0 };
  const meat = (b: Candidate) => meatScore(b, c.minPrice, c.scenario.award);
  const better =
    c.scenario.award.objective !== 'meat'
      ? (a: Candidate, b: Candidate) => a.price - b.price
      : (a: Candidate, b: Candidate) => meat(b) - meat(a);
  const found = offersFor(c.lot, c.scenario.bids, c.role, anyQuality).map((offer): Candidate => {
    const parts = offerParts(offer, c.lot);
    return { id: offer.bids[0]?.id ?? '', providerId: offer.providerId, ...blend(parts), parts };
  });
  return found.sort((a, b) => better(a, b) || byId(a, b));
}

function explainRole(c: RoleContext): RoleExplanation {
  const rules = c.scenario.award;
  // A lot with several roles of one name (two secondaries): the nth such role is explained with its nth holder;
  // a framework by the member with the most hours (as the report's map shows it), not its first place,
  // which may hold none.
  const holding = c.holders.filter((a) => a.role === c.role);
  const winner = hasPlaces(c.lot)
    ? holding.reduce<Allocation | undefined>(
        (most, a) => (most === undefined || a.hoursPerWeek > most.hoursPerWeek ? a : most),
        undefined,
      )
    : holding[c.nth];
  const ranked = candidates(c);
  const won =
    winner === undefined ? undefined : (winner.parts?.map((p) => p.bidId) ?? [winner.bidId]).join('&');
  const winningBid = ranked.find((b) => b.parts.map((p) => p.bid.id).join('&') === won);
  const winnerRank =
    winningBid === undefined ? ranked.length : ranked.findIndex((b) => b.id === winningBid.id);
  const holderIds = new Set(c.holders.filter((a) => a.role === c.role).map((a) => a.providerId));
  // The winner's own better bid is asked too: its package or its hours may be what kept it out.
  const better = ranked
    .slice(0, Math.max(0, winnerRank))
    .filter((b) => b.providerId === winner?.providerId || !holderIds.has(b.providerId));
  const eligible = (b: Candidate) => b.parts.every((p) => isEligible(p.bid, c.lot, c.role, rules));
  const inLot = new Set(c.holders.map((a) => a.providerId));
  const runner = ranked.find((b) => b !== winningBid && !inLot.has(b.providerId) && eligible(b)) ?? null;
  const meat = (b: Candidate) => round2(100 * meatScore(b, c.minPrice, rules));
  const hours = winner?.hoursPerWeek ?? c.hours;
  return {
    role: c.role,
    winner:
      winner === undefined || winningBid === undefined
        ? null
        : {
            bidId: winner.bidId,
            providerId: winner.providerId,
            pricePerHour: winner.pricePerHour,
            meatScore: meat(winningBid),
            hoursPerWeek: winner.hoursPerWeek,
          },
    runnerUp:
      runner === null
        ? null
        : {
            bidId: runner.id,
            providerId: runner.providerId,
            pricePerHour: runner.price,
            meatScore: meat(runner),
          },
    annualCostGap:
      runner === null || winningBid === undefined
        ? null
        : round2((runner.price - winningBid.price) * hours * c.scenario.weeksPerYear),
    scoreGap: runner === null || winningBid === undefined ? null : round2(meat(winningBid) - meat(runner)),
    betterBidsStopped:
      unboughtStopped(c, ranked) ??
      better.map((b) => stopped(b, stoppedBy(c.scenario, c.lot, c.role, b, hours, c.load, winner))),
  };
}

const stopped = (b: Candidate, rules: RuleName[]) => ({
  bidId: b.id,
  providerId: b.providerId,
  rules,
  reason: ruleReason(rules),
});

/**
 * In a framework lot that leaves hours unbought, every offer of a provider outside it is
 * better than those hours going unbought (they cost the unmet penalty): the rules that
 * stopped each, best first; null for any other lot. Asked of the framework's own rules
 * too, not of the hours of a winner, which an unfilled framework has none of (its
 * "why" said "elsewhere" of every bid).
 */
function unboughtStopped(c: RoleContext, ranked: readonly Candidate[]) {
  if (!hasPlaces(c.lot) || unboughtHours(c.lot, c.holders) === 0) return null;
  const inLot = new Set(c.holders.map((a) => a.providerId));
  return ranked
    .filter((b) => !inLot.has(b.providerId))
    .map((b) => stopped(b, unboughtStoppedBy(c.scenario, c.lot, b, c.load, c.holders)));
}

/** A gap a year: £96k, or £950 below a thousand. */
const gapMoney = (x: number, currency: string): string =>
  Math.abs(x) >= 1000 ? thousands(x, currency) : moneyWhole(x, currency);

/** A role's winner and runner-up; on a MEAT award with their MEAT scores, which decided it, not the price alone. */
function roleLine(r: RoleExplanation, meat: boolean, currency: string): string {
  // Unfilled with no bid held back by a rule: no bid could take the role at all (coverage, care type, role, structures).
  if (r.winner === null)
    return `${r.role}: unfilled${r.betterBidsStopped.length === 0 ? ', no bid may hold it' : ''}`;
  const score = (x: number) => `MEAT ${x.toFixed(2)}`;
  const gap = `${(r.annualCostGap ?? 0) >= 0 ? '+' : '-'}${gapMoney(Math.abs(r.annualCostGap ?? 0), currency)} a year`;
  const runner =
    r.runnerUp === null
      ? 'no runner-up'
      : `runner-up ${r.runnerUp.providerId} ${price(r.runnerUp.pricePerHour, currency)} (${meat ? `${score(r.runnerUp.meatScore)}, ` : ''}${gap})`;
  return `${r.role} ${r.winner.providerId} ${price(r.winner.pricePerHour, currency)}${meat ? ` (${score(r.winner.meatScore)})` : ''}, ${runner}`;
}

function explainLot(
  scenario: Scenario,
  lot: Lot,
  allocations: readonly Allocation[],
  load: AwardLoad,
): LotExplanation {
  const holders = allocations.filter((a) => a.lotId === lot.id && a.role !== 'backup');
  const minPrice = lowestPrice(lot, scenario.bids, scenario.award) ?? 1;
  const roles: { role: FilledRole; hours: number }[] = hasPlaces(lot)
    ? [{ role: 'member', hours: 0 }]
    : lot.roles.map((r) => ({ role: r.role, hours: r.share * lot.demand }));
  const explained = roles.map(({ role, hours }, i) => {
    const nth = roles.slice(0, i).filter((r) => r.role === role).length;
    return explainRole({ scenario, lot, role, nth, hours, holders, load, minPrice });
  });
  const bindingRules = [
    ...new Set(explained.flatMap((r) => r.betterBidsStopped.flatMap((b) => b.rules))),
  ].sort() as RuleName[];
  // "best bids won" only where some bid won: a lot no bid may hold says so role by role.
  const anyWon = explained.some((r) => r.winner !== null);
  const unbought = hasPlaces(lot) ? unboughtHours(lot, holders) : 0;
  // A lot nobody won whose bids were rejected below legal pay: name them, or it reads as if nobody bid.
  const rejected =
    anyWon || lot.rejectedBidIds.length === 0
      ? ''
      : ` Rejected below legal pay: ${idsListed(lot.rejectedBidIds)} (see the warnings).`;
  const unboughtText = `${fmtHours(unbought)} unbought`;
  const stoppers = stoppersNamed(explained).join(', ');
  const why =
    bindingRules.length > 0
      ? unbought > 0
        ? ` ${unboughtText}; bids that could serve them stopped by: ${stoppers}`
        : ` better bids stopped by: ${stoppers}`
      : !anyWon
        ? ''
        : unbought > 0
          ? // No rule kept a bidder out: the bidders' own capacity left the rest.
            ` best bids won; ${unboughtText}: no other eligible bid could serve them`
          : ' best bids won';
  return {
    roles: explained,
    bindingRules,
    // The rejected bids are a sentence of their own, after the rules' (which has no full stop).
    summary: `${explained.map((r) => roleLine(r, scenario.award.objective === 'meat', scenario.currency)).join('; ')}.${why}${why !== '' && rejected !== '' ? '.' : ''}${rejected}`,
  };
}

/**
 * The rules that stopped better bids, as the lot's line names them: caps that stop one bid
 * together are named together (`lots-cap and share-cap together`), as relaxing one of them
 * alone lets the bid in no more, which is what that cap's rule cost says (until 2026-12-02 they
 * were named apart, `lots-cap, share-cap`, beside rule costs saying neither binds). A cap that
 * also stops other bids alone is named once, with the others it stops some beside
 * (`lots-cap (some with share-cap too)`; until 2026-12-02, session 16, `lots-cap, lots-cap and
 * share-cap together`).
 */
function stoppersNamed(roles: readonly RoleExplanation[]): string[] {
  const alone = new Set<string>();
  const groups = new Map<string, readonly string[]>();
  for (const { rules } of roles.flatMap((r) => r.betterBidsStopped)) {
    const together = capsTogether(rules);
    for (const rule of rules) if (!together.includes(rule)) alone.add(rule);
    if (together.length > 0) groups.set(together.join(' and '), together);
  }
  const withOthers = new Map<string, Set<string>>();
  const named = new Set<string>();
  for (const [name, group] of groups) {
    const single = group.find((rule) => alone.has(rule));
    if (single === undefined) named.add(`${name} together`);
    else {
      const others = withOthers.get(single) ?? new Set<string>();
      for (const rule of group) if (rule !== single) others.add(rule);
      withOthers.set(single, others);
    }
  }
  for (const rule of alone) {
    const others = withOthers.get(rule);
    named.add(others === undefined ? rule : `${rule} (some with ${[...others].sort().join(' and ')} too)`);
  }
  return [...named].sort();
}

/** Ids for a sentence: the first four, then how many more (a national lot can reject hundreds). */
export const idsListed = (ids: readonly string[]): string =>
  ids.length <= 4 ? ids.join(', ') : `${ids.slice(0, 4).join(', ')} and ${ids.length - 4} more`;

/** Explanations of every lot, by lot id. */
export function explainAward(
  scenario: Scenario,
  lots: readonly Lot[],
  allocations: readonly Allocation[],
): Map<string, LotExplanation> {
  const load = awardLoad(lots, allocations);
  return new Map(lots.map((lot) => [lot.id, explainLot(scenario, lot, allocations, load)]));
}
